import type { SessionUser } from '../api';

/** What a successful sign-in yields; kept in memory and mirrored to session storage for reloads. */
export interface AuthSession {
  readonly mode: 'local' | 'cognito';
  /** Bearer token for the API: the local JWT, or Cognito's ID token. */
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly user: SessionUser;
  /** Cognito only: exchanged for a new ID token before expiry. */
  readonly refreshToken?: string;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** Issue 21: the authenticator app's six digits, once the sign-in asked for them. */
  readonly code?: string;
}

export type SignInFailure =
  | 'invalid-credentials'
  | 'too-many-attempts'
  | 'new-password-required'
  | 'not-a-console-user'
  | 'tenant-suspended'
  /** Issue 21: the password was right; now the code of the authenticator app. */
  | 'mfa-code-required'
  | 'mfa-code-invalid'
  /** Issue 21: the operator or a regulator without an authenticator: {@link MfaSetupRequired} carries the enrolment. */
  | 'mfa-setup-required'
  | 'unavailable';

/** Why a sign-in did not succeed, in terms the sign-in page can show. */
export class SignInError extends Error {
  override readonly name = 'SignInError';

  constructor(
    readonly failure: SignInFailure,
    message: string = failure,
  ) {
    super(message);
  }
}

/**
 * Issue 21: binding an authenticator app for a user whose sign-in needs one first — locally the platform's
 * `/auth/mfa/setup` and `/auth/mfa/verify`, on AWS Cognito's AssociateSoftwareToken, VerifySoftwareToken and
 * SetUserMFAPreference — all with the token the sign-in gave, which opens nothing else.
 */
export interface MfaEnrolment {
  readonly username: string;
  /** A new secret: as text (base32) and as the otpauth URI of a QR code. */
  start(): Promise<{ readonly secret: string; readonly otpauthUri: string }>;
  /** The app's first code binds it: the session at once (local), or undefined — sign in again with a code (Cognito). */
  confirm(code: string): Promise<AuthSession | undefined>;
}

/** Issue 21: the sign-in succeeded as far as it may, and the user must bind an authenticator app first. */
export class MfaSetupRequired extends SignInError {
  constructor(readonly enrolment: MfaEnrolment) {
    super('mfa-setup-required');
  }
}

/** A way to turn credentials into a session: the local runtime's login route, or Cognito. */
export interface IdentityProvider {
  readonly mode: AuthSession['mode'];
  signIn(credentials: Credentials): Promise<AuthSession>;
  /** Providers that can renew silently (Cognito's refresh token) implement this. */
  refresh?(session: AuthSession): Promise<AuthSession>;
}

const STORAGE_KEY = 'anze.session';

export function readStoredSession(storage: Storage): AuthSession | undefined {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<AuthSession>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'number' || !parsed.user || !parsed.mode) {
      return undefined;
    }
    return parsed as AuthSession;
  } catch {
    return undefined;
  }
}

export function writeStoredSession(storage: Storage, session: AuthSession | undefined): void {
  try {
    if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
    else storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled (private mode): the in-memory session still works for this page.
  }
}
