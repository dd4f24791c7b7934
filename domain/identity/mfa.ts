import type { Role } from './role.js';
import { isRegulatorRole } from './role.js';

/**
 * Issue 21: a second factor (TOTP, RFC 6238) is required of the platform operator and of every regulator
 * (city EMB, county EMB, NFRA) — they read every insurer's data — and optional for insurers' staff and
 * enterprises, who may enrol and are then asked for the code like anyone enrolled.
 */
export const mfaRequiredFor = (role: Role): boolean => role === 'platform-operator' || isRegulatorRole(role);

/**
 * The token claim a user who must enrol gets instead of a usable token (AWS: the pre-token trigger, locally:
 * `POST /auth/login`): `custom:mfa = SETUP_REQUIRED`. Such a token opens the enrolment routes and nothing else.
 */
export const MFA_CLAIM = 'custom:mfa';
export const MFA_SETUP_REQUIRED = 'SETUP_REQUIRED';
/** The error code of a refusal for that reason (403): the console sends the user to enrolment. */
export const MFA_SETUP_REQUIRED_CODE = 'MFA_SETUP_REQUIRED';

/** Port (AWS: Cognito AdminGetUser): whether the user signs in with an authenticator app (TOTP) enabled. */
export interface AuthenticatorEnrolments {
  hasTotp(username: string): Promise<boolean>;
}

/** Port (local twin): TOTP of RFC 6238 — SHA-1, six digits, 30-second steps, a code accepted one step either side. */
export interface TotpAuthenticator {
  /** A new shared secret, base32 (what authenticator apps take). */
  newSecret(): string;
  /** The `otpauth://totp/…` URI an authenticator app reads from a QR code. */
  otpauthUri(secret: string, account: string): string;
  /** The time step `code` is right for within one step of `now`, or undefined when it is right for none. */
  matchingStep(secret: string, code: string, now: Date): number | undefined;
}

/** A user's authenticator as the local sign-in record keeps it (never answered to anyone once enabled). */
export interface TotpEnrolment {
  /** The enabled secret: sign-in asks for a code. */
  readonly secret?: string;
  /** A secret handed out by the enrolment and not yet confirmed with a code. */
  readonly pendingSecret?: string;
}

/** Port (local twin): the authenticator fields of the sign-in record `P#LOGIN#<username>`. */
export interface TotpEnrolments {
  read(username: string): Promise<TotpEnrolment>;
  /** Keeps `secret` as the pending one (replacing an earlier pending one); refused when one is enabled already. */
  savePending(username: string, secret: string): Promise<boolean>;
  /** Enables the pending secret, `step` its first used code; false when the pending secret is no longer `secret`. */
  enable(username: string, secret: string, step: number): Promise<boolean>;
  /** Uses up `step` — single use: false when this step or a later one was used already (a replay). */
  useStep(username: string, step: number): Promise<boolean>;
}
