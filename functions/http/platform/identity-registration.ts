import { Conflict, DomainError } from '../../../domain/kernel/errors.js';
import type { Credential } from '../../../domain/platform/platform.repository.js';
import type { User } from '../../../domain/platform/user.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { logger } from '../../middleware/observability.js';
import type { PlatformRoot } from './composition-root.js';

/** The ports identity registration uses. */
type Registration = Pick<PlatformRoot, 'repository' | 'directory' | 'passwords'>;

/*
 * Table first, directory second (Cognito on AWS; nothing locally). The table transaction decides: it holds
 * the uniqueness guards (user name, USCC, one agency per area) and writes user, sign-in record and events
 * atomically. Only then is the identity registered — so a failure there leaves a user in the table who
 * cannot sign in yet, never an identity without a user.
 *
 * How that converges. The new sign-in record is written `identityPending` (only where the directory is
 * external) and cleared once the directory has the identity. If the directory call fails, the request
 * answers 503 and Powertools drops its idempotency record (it keeps only successes), so the client's retry
 * — same Idempotency-Key or none — runs the use case again. Its table create then fails on the guards
 * with a 409; instead of answering that, {@link resumeRegistration} looks at the user name's sign-in
 * record: still pending, in the caller's organisation, and the stored user is the one this request
 * describes (same role and name; for onboarding the same tenant or agency) — then it is the same request,
 * and it registers that stored user (idempotent for the same user id in the directory) and answers as the
 * first attempt would have. Anything else keeps the 409.
 *
 * The retry's password is the one registered, and its hash replaces the stored one: whoever may repeat the
 * request (an administrator of that organisation, or the operator for onboarding) could have created the
 * user with that password in the first place, and it also gets a user out whose first password the
 * directory refused. A user name the directory holds for another identity stays a 409 both times; that needs
 * an operator to remove the stray identity from the pool.
 */

/** Registers `user` in the directory and clears its pending mark; a directory failure is a 503 to retry. */
export async function registerIdentity(deps: Registration, user: User, password: string, newPasswordHash?: string): Promise<void> {
  try {
    await deps.directory.register(user, password);
    if (deps.directory.external) await deps.repository.markIdentityRegistered(user.username, newPasswordHash);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    logger.error('identity registration failed; the user is saved and pending', { userId: user.id, error: error as Error });
    throw new HttpProblem(
      503,
      'IDENTITY_PENDING',
      `user ${user.username} is saved but cannot sign in yet: the sign-in directory did not take it; send the same request again to finish`,
    );
  }
}

/**
 * The retry half (see above): `conflict` came from the table create. Finishes the registration if the
 * user name's record is pending and `storedMatch` recognises the stored user as the one this request
 * creates; returns it. Otherwise rethrows `conflict`.
 */
export async function resumeRegistration(
  deps: Registration,
  conflict: Conflict,
  request: { readonly username: string; readonly password: string },
  storedMatch: (credential: Credential) => Promise<User | undefined>,
): Promise<User> {
  const credential = await deps.repository.getCredential(request.username);
  if (!credential?.identityPending) throw conflict;
  const stored = await storedMatch(credential);
  if (!stored) throw conflict;
  await registerIdentity(deps, stored, request.password, await deps.passwords.hash(request.password));
  return stored;
}

/** Brings the directory in line after a user change (and ends its sessions if asked); the change is saved either way. */
export async function syncIdentity(deps: Registration, user: User, options: { readonly revokeSessions?: boolean } = {}): Promise<void> {
  try {
    await deps.directory.update(user);
    if (options.revokeSessions) await deps.directory.revokeSessions(user);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    logger.error('identity update failed; the change is saved', { userId: user.id, error: error as Error });
    throw new HttpProblem(
      503,
      'IDENTITY_SYNC_PENDING',
      `the change to ${user.username} is saved (role and status apply from the next token), but the sign-in directory did not take it yet; any further change to this user — this one again, without If-Match — finishes it`,
    );
  }
}
