import { ApiError, apiErrorFrom } from '../api/api-error';
import { ok, type ApiClient, type LoginResponse } from '../api';
import { isRole } from './roles';
import { MfaSetupRequired, SignInError, type AuthSession, type Credentials, type IdentityProvider, type MfaEnrolment } from './auth-session';

type SignedIn = Exclude<LoginResponse, { challenge: string }>;

/** Signs in against the local runtime's `POST /api/v1/auth/login`; on expiry the console asks again. */
export class LocalIdentityProvider implements IdentityProvider {
  readonly mode = 'local' as const;

  constructor(
    private readonly client: ApiClient,
    private readonly now: () => number = Date.now,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async signIn(credentials: Credentials): Promise<AuthSession> {
    let answer: LoginResponse;
    try {
      answer = await ok(this.client.POST('/api/v1/auth/login', { body: credentials.code ? credentials : { username: credentials.username, password: credentials.password } }));
    } catch (error) {
      throw toSignInError(error);
    }
    // Issue 21: the password was right and the user has an authenticator: the page asks for its code.
    if ('challenge' in answer) throw new SignInError('mfa-code-required');
    if (!isRole(answer.user.role)) throw new SignInError('not-a-console-user');
    // Issue 21: the operator or a regulator without an authenticator — this token opens only the enrolment.
    if (answer.mfa === 'SETUP_REQUIRED') throw new MfaSetupRequired(this.enrolment(answer.user.username, answer.accessToken));
    return this.sessionOf(answer);
  }

  private sessionOf(answer: SignedIn): AuthSession {
    return {
      mode: 'local',
      token: answer.accessToken,
      expiresAt: this.now() + answer.expiresIn * 1000,
      user: { ...answer.user, displayName: answer.user.displayName || answer.user.username },
    };
  }

  /** The enrolment routes with the enrolment-only token (the API client's session middleware has no session yet). */
  private enrolment(username: string, token: string): MfaEnrolment {
    const post = async <T,>(path: string, body: unknown): Promise<T> => {
      let response: Response;
      try {
        response = await this.fetchImpl(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
      } catch (cause) {
        throw new SignInError('unavailable', cause instanceof Error ? cause.message : String(cause));
      }
      if (!response.ok) throw toSignInError(await apiErrorFrom(response));
      return (await response.json()) as T;
    };
    return {
      username,
      start: () => post<{ secret: string; otpauthUri: string }>('/api/v1/auth/mfa/setup', {}),
      confirm: async (code) => this.sessionOf(await post<SignedIn>('/api/v1/auth/mfa/verify', { code })),
    };
  }
}

function toSignInError(error: unknown): SignInError {
  if (!(error instanceof ApiError)) return new SignInError('unavailable', String(error));
  // ACL-3 (issue 15): the password was right, but the user's insurer is suspended by the operator.
  if (error.status === 403 && error.code === 'TENANT_SUSPENDED') return new SignInError('tenant-suspended', error.message);
  // Issue 21: the password was right; the authenticator's code is asked for, or was wrong (or already used).
  if (error.code === 'MFA_CODE_INVALID' || (error.status === 400 && error.message.includes('code:'))) return new SignInError('mfa-code-invalid', error.message);
  if (error.status === 401 || error.status === 400 || error.status === 403) {
    return new SignInError('invalid-credentials', error.message);
  }
  if (error.status === 429) return new SignInError('too-many-attempts', error.message);
  return new SignInError('unavailable', error.message);
}
