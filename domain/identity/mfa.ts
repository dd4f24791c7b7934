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
