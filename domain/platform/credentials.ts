/**
 * The one password policy of the platform, for both sign-ins: the API checks it before storing a password
 * (local runtime) or handing it to Cognito (AWS), and infra/stacks/identity-stack.ts builds the user pool's
 * policy from this very constant. So the API refuses, with a 400 on the field, exactly what Cognito would
 * refuse later — never a user saved in the table whose password the pool then rejects.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** Ours, not the pool's (Cognito accepts up to 256): long enough for pass phrases, short enough for scrypt. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * What Cognito counts as a symbol (its documented list, plus a space that is neither first nor last).
 * A character outside it — `€`, a full-width `！` — is no symbol to Cognito, so it is none here either.
 */
export const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

const escapeForClass = (characters: string): string => characters.replace(/[\\\]^-]/g, '\\$&');

/**
 * {@link PASSWORD_POLICY} as one regular expression: a look-ahead per required kind of character, no
 * leading or trailing white space (Cognito refuses it), and the length bounds.
 */
export const PASSWORD_RULE = new RegExp(
  [
    '^(?=\\S)(?=.*\\S$)',
    PASSWORD_POLICY.requireLowercase ? '(?=.*[a-z])' : '',
    PASSWORD_POLICY.requireUppercase ? '(?=.*[A-Z])' : '',
    PASSWORD_POLICY.requireDigits ? '(?=.*[0-9])' : '',
    PASSWORD_POLICY.requireSymbols ? `(?=.*[${escapeForClass(PASSWORD_SYMBOLS)}])` : '',
    `.{${PASSWORD_POLICY.minLength},${PASSWORD_MAX_LENGTH}}$`,
  ].join(''),
);

const required = [
  PASSWORD_POLICY.requireUppercase ? 'an upper-case letter' : undefined,
  PASSWORD_POLICY.requireLowercase ? 'a lower-case letter' : undefined,
  PASSWORD_POLICY.requireDigits ? 'a digit' : undefined,
  PASSWORD_POLICY.requireSymbols ? 'a symbol (such as - _ ! @ #)' : undefined,
].filter((part): part is string => part !== undefined);

/** The message of a refused password, from the same policy. */
export const PASSWORD_RULE_TEXT =
  `at least ${PASSWORD_POLICY.minLength} characters` +
  (required.length > 0 ? `, with ${required.slice(0, -1).join(', ')}${required.length > 1 ? ' and ' : ''}${required.at(-1)}` : '') +
  '; no space at the start or end';

/** User names: lower-case, 3–32 of `[a-z0-9._-]`, starting with a letter or digit; unique on the platform. */
export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Locks sign-in for a while after repeated failures; counted on the credential record. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_MINUTES = 15;
