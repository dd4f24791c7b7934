/**
 * How passwords are kept: only as a slow salted hash (scrypt, functions/adapters/auth/password.ts), checked
 * at the local sign-in. The hash is what the sign-in record stores; the password itself is never stored.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether `password` is the one `stored` was made from. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends the time of one verification on nothing: an unknown user name must not answer faster than a known one. */
  verifyNothing(password: string): Promise<void>;
}
