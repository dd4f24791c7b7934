import type { SessionUser } from '../api';
import { isAgency, isRole } from './roles';
import { MfaSetupRequired, SignInError, type AuthSession, type Credentials, type IdentityProvider, type MfaEnrolment } from './auth-session';
import { readJwtClaims } from './jwt-claims';
import { newSrpClientKey, passwordVerifierResponses, type PasswordVerifierChallenge } from './cognito-srp';

export interface CognitoConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** Overrides the regional endpoint (a VPC endpoint, a test double). */
  readonly endpoint?: string;
}

/** Cognito's regional endpoint; China regions live under amazonaws.com.cn (as the web stack's CSP allows). */
export function cognitoEndpoint(config: CognitoConfig): string {
  if (config.endpoint) return config.endpoint;
  const suffix = config.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://cognito-idp.${config.region}.${suffix}/`;
}

interface AuthenticationResult {
  readonly IdToken?: string;
  readonly AccessToken?: string;
  readonly RefreshToken?: string;
  readonly ExpiresIn?: number;
}

interface InitiateAuthAnswer {
  readonly AuthenticationResult?: AuthenticationResult;
  /** AssociateSoftwareToken's answer. */
  readonly SecretCode?: string;
  /** VerifySoftwareToken's answer. */
  readonly Status?: string;
  readonly ChallengeName?: string;
  readonly ChallengeParameters?: Record<string, string>;
  readonly Session?: string;
}

/**
 * Signs in against a Cognito user pool with a plain `fetch` to its JSON API (no Amplify): SRP — `InitiateAuth`
 * with `USER_SRP_AUTH`, then `RespondToAuthChallenge(PASSWORD_VERIFIER)` with a proof computed here
 * (cognito-srp.ts), so the password never leaves the browser (issue 21; the app client no longer allows
 * `USER_PASSWORD_AUTH`) — then `REFRESH_TOKEN_AUTH` before the ID token expires. The ID token is the API's
 * bearer token; its `custom:*` claims say who the user is. The local runtime signs in at its own /auth/login
 * (local-identity-provider.ts), untouched by this.
 */
export class CognitoIdentityProvider implements IdentityProvider {
  readonly mode = 'cognito' as const;
  private readonly endpoint: string;

  constructor(
    private readonly config: CognitoConfig,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.endpoint = cognitoEndpoint(config);
  }

  async signIn({ username, password, code }: Credentials): Promise<AuthSession> {
    const key = newSrpClientKey();
    const started = await this.initiateAuth('USER_SRP_AUTH', { USERNAME: username, SRP_A: key.A.toString(16) });
    const parameters = started.ChallengeParameters;
    if (started.ChallengeName !== 'PASSWORD_VERIFIER' || !parameters?.SALT || !parameters.SRP_B || !parameters.SECRET_BLOCK || !parameters.USER_ID_FOR_SRP) {
      throw new SignInError('unavailable', `Cognito answered USER_SRP_AUTH with ${started.ChallengeName ?? 'no challenge'}`);
    }
    const responses = await passwordVerifierResponses(this.config.userPoolId, key, parameters as unknown as PasswordVerifierChallenge, password, this.now());
    let answer = await this.call('RespondToAuthChallenge', {
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: this.config.clientId,
      ChallengeResponses: responses,
      ...(started.Session ? { Session: started.Session } : {}),
    });
    // Issue 21: a user with TOTP enabled is asked for the authenticator's code; without it the page asks the person
    // and signs in again (the SRP proof is cheap, and a Cognito session would expire meanwhile anyway).
    if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
      if (!code) throw new SignInError('mfa-code-required');
      answer = await this.call('RespondToAuthChallenge', {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: this.config.clientId,
        ChallengeResponses: { USERNAME: parameters.USER_ID_FOR_SRP, SOFTWARE_TOKEN_MFA_CODE: code },
        ...(answer.Session ? { Session: answer.Session } : {}),
      });
    }
    if (answer.ChallengeName) {
      throw new SignInError(answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' ? 'new-password-required' : 'unavailable', answer.ChallengeName);
    }
    const result = answer.AuthenticationResult;
    if (!result?.IdToken) throw new SignInError('unavailable', 'Cognito answered without tokens');
    // Issue 21: the operator or a regulator without TOTP: the pre-token trigger gave no role and said why.
    if (readJwtClaims(result.IdToken)['custom:mfa'] === 'SETUP_REQUIRED' && result.AccessToken) {
      throw new MfaSetupRequired(this.enrolment(username, result.AccessToken));
    }
    return sessionFrom(result.IdToken, result.RefreshToken);
  }

  /** Issue 21: binding an authenticator with the access token of the sign-in (Cognito's own TOTP, no API of ours). */
  private enrolment(username: string, accessToken: string): MfaEnrolment {
    return {
      username,
      start: async () => {
        const answer = await this.call('AssociateSoftwareToken', { AccessToken: accessToken });
        if (!answer.SecretCode) throw new SignInError('unavailable', 'Cognito answered AssociateSoftwareToken without a secret');
        const account = encodeURIComponent(`anze:${username}`);
        return { secret: answer.SecretCode, otpauthUri: `otpauth://totp/${account}?secret=${answer.SecretCode}&issuer=anze&algorithm=SHA1&digits=6&period=30` };
      },
      confirm: async (code) => {
        const verified = await this.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'anze' });
        if (verified.Status !== 'SUCCESS') throw new SignInError('mfa-code-invalid', verified.Status);
        await this.call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
        // The ID token in hand has no role: sign in again, now with the next code of the app.
        return undefined;
      },
    };
  }

  async refresh(session: AuthSession): Promise<AuthSession> {
    if (!session.refreshToken) throw new SignInError('unavailable', 'no refresh token');
    const answer = await this.initiateAuth('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: session.refreshToken });
    const idToken = answer.AuthenticationResult?.IdToken;
    if (!idToken) throw new SignInError('unavailable', 'Cognito refresh answered without an ID token');
    // REFRESH_TOKEN_AUTH does not return a new refresh token unless rotation is on.
    return sessionFrom(idToken, answer.AuthenticationResult?.RefreshToken ?? session.refreshToken);
  }

  private initiateAuth(authFlow: string, parameters: Record<string, string>): Promise<InitiateAuthAnswer> {
    return this.call('InitiateAuth', { AuthFlow: authFlow, ClientId: this.config.clientId, AuthParameters: parameters });
  }

  private async call(
    operation: 'InitiateAuth' | 'RespondToAuthChallenge' | 'AssociateSoftwareToken' | 'VerifySoftwareToken' | 'SetUserMFAPreference',
    request: Record<string, unknown>,
  ): Promise<InitiateAuthAnswer> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(request),
      });
    } catch (cause) {
      throw new SignInError('unavailable', cause instanceof Error ? cause.message : String(cause));
    }
    const body = (await response.json().catch(() => ({}))) as InitiateAuthAnswer & { __type?: string; message?: string };
    if (response.ok) return body;
    const type = (body.__type ?? '').split('#').pop() ?? '';
    // Issue 21: a wrong or reused TOTP code (at sign-in, or at the enrolment's first code).
    if (type === 'CodeMismatchException' || type === 'EnableSoftwareTokenMFAException' || type === 'ExpiredCodeException') {
      throw new SignInError('mfa-code-invalid', body.message);
    }
    if (type === 'NotAuthorizedException' || type === 'UserNotFoundException') {
      throw new SignInError('invalid-credentials', body.message);
    }
    if (type === 'TooManyRequestsException' || type === 'LimitExceededException') {
      throw new SignInError('too-many-attempts', body.message);
    }
    if (type === 'PasswordResetRequiredException') throw new SignInError('new-password-required', body.message);
    throw new SignInError('unavailable', body.message ?? `Cognito answered ${response.status}`);
  }
}

/**
 * The user from the ID token's claims. The platform's own user id and role are `custom:userId` and
 * `custom:role`, which the pre-token-generation trigger adds from the user's record at every issue (so a role
 * changed by an admin applies from the next refresh); `sub` is Cognito's id, used only when an older token
 * lacks `custom:userId`.
 */
function sessionFrom(idToken: string, refreshToken: string | undefined): AuthSession {
  const claims = readJwtClaims(idToken);
  const role = claims['custom:role'];
  if (!isRole(role)) throw new SignInError('not-a-console-user');
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const agency = text('custom:agency');
  const username = text('cognito:username') ?? text('username') ?? text('sub') ?? '';
  const user: SessionUser = {
    id: text('custom:userId') ?? text('sub') ?? username,
    username,
    role,
    displayName: text('name') ?? username,
    tenantId: text('custom:tenantId'),
    agency: isAgency(agency) ? agency : undefined,
    county: text('custom:county'),
    uscc: text('custom:uscc'),
  };
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3_600_000;
  return { mode: 'cognito', token: idToken, expiresAt: exp, user, refreshToken };
}
