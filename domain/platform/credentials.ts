/**
 * Password rule for local sign-in (Cognito enforces its own policy on AWS): at least 10 characters with
 * letters and digits — long enough to resist guessing, simple enough to type at a back-office desk.
 */
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,128}$/;
export const PASSWORD_RULE_TEXT = 'at least 10 characters, with letters and digits';

/** User names: lower-case, 3–32 of `[a-z0-9._-]`, starting with a letter or digit; unique on the platform. */
export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Locks sign-in for a while after repeated failures; counted on the credential record. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_MINUTES = 15;
