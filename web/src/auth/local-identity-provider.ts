import { ApiError } from '../api/api-error';
import { ok, type ApiClient, type LoginResponse } from '../api';
import { isRole } from './roles';
import { SignInError, type AuthSession, type Credentials, type IdentityProvider } from './auth-session';

/** Signs in against the local runtime's `POST /api/v1/auth/login`; on expiry the console asks again. */
export class LocalIdentityProvider implements IdentityProvider {
  readonly mode = 'local' as const;

  constructor(
    private readonly client: ApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  async signIn(credentials: Credentials): Promise<AuthSession> {
    let answer: LoginResponse;
    try {
      answer = await ok(this.client.POST('/api/v1/auth/login', { body: credentials }));
    } catch (error) {
      throw toSignInError(error);
    }
    if (!isRole(answer.user.role)) throw new SignInError('not-a-console-user');
    return {
      mode: 'local',
      token: answer.accessToken,
      expiresAt: this.now() + answer.expiresIn * 1000,
      user: { ...answer.user, displayName: answer.user.displayName || answer.user.username },
    };
  }
}

function toSignInError(error: unknown): SignInError {
  if (!(error instanceof ApiError)) return new SignInError('unavailable', String(error));
  // ACL-3 (issue 15): the password was right, but the user's insurer is suspended by the operator.
  if (error.status === 403 && error.code === 'TENANT_SUSPENDED') return new SignInError('tenant-suspended', error.message);
  if (error.status === 401 || error.status === 400 || error.status === 403) {
    return new SignInError('invalid-credentials', error.message);
  }
  if (error.status === 429) return new SignInError('too-many-attempts', error.message);
  return new SignInError('unavailable', error.message);
}
