import type { User } from './user.js';

/**
 * Where a user's sign-in identity lives besides our table: Cognito on AWS; locally nothing more, since the
 * table's credential record (`P#LOGIN#<username>`, with its scrypt hash) is itself what the local sign-in
 * checks. The platform use cases call it after the table transaction has succeeded, so the table stays the
 * source of truth for who exists, in which organisation, with which role and status.
 *
 * Only the organisation binding (user id, tenant, agency, county, USCC) and the display name go to the
 * directory; role and the disabled flag are read from the table each time a token is issued
 * (functions/identity/pre-token-generation.ts), so a change of role needs no directory call at all.
 */
export interface IdentityDirectory {
  /**
   * True where sign-in happens outside our table (Cognito): a new user's credential record is then written
   * as pending and cleared once {@link register} has succeeded, so a retry can tell an unfinished
   * registration from a taken user name. False locally, where there is nothing to finish.
   */
  readonly external: boolean;
  /**
   * Creates the identity with the password the administrator chose, in the state `user` is in. Idempotent
   * for the same user id: a repeat (after a failure half-way) finishes the identity and sets the password
   * again; a user name held by another identity is a `Conflict`.
   */
  register(user: User, password: string): Promise<void>;
  /**
   * Brings the identity in line with `user` (display name, enabled or disabled), changing only what differs;
   * so any later update of the same user also repairs one that failed before.
   */
  update(user: User): Promise<void>;
  /**
   * Ends every session of the user (Cognito: AdminUserGlobalSignOut — refresh tokens revoked, so no new token
   * can be had without signing in), called when its role or status changed. Tokens already issued are refused
   * by the request-time check (functions/middleware/current-principal.ts); locally that check is all there is.
   */
  revokeSessions(user: User): Promise<void>;
}
