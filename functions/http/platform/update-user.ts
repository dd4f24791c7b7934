import { NotFound } from '../../../domain/kernel/errors.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { changeUser } from '../../../domain/platform/user.rules.js';
import { assertAssignableRole, assertNotChangingItself, changesStanding, userSchema } from '../../../domain/platform/user.js';
import { forgetPrincipal } from '../../middleware/current-principal.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { syncIdentity } from './identity-registration.js';
import { updateUserBody, userIdParams } from './schemas.js';
import { ORG_ADMINS } from '../../../domain/identity/access.js';

/**
 * Changes a user's role, status or name. Optimistic: if `If-Match` carries a version and it is not the
 * stored one, or another change lands first, the answer is 412 and nothing changes.
 * A change of role or status revokes the user's tokens at once (issue 12 #1): the sign-in record's token version
 * moves to the user's new version, which the request-time check compares (in this container at the next
 * request, elsewhere within 30 s); the identity directory is then brought in line (name, enabled) and the
 * user's sessions ended (Cognito: global sign-out). Nobody changes its own role or status.
 */
export const updateUser = defineRoute({
  method: 'PATCH',
  path: '/api/v1/users/{userId}',
  access: ORG_ADMINS,
  summary: "Change a user's role, display name or disabled flag",
  tags: ['users'],
  params: userIdParams,
  body: updateUserBody,
  response: userSchema,
  async handle(input) {
    const caller = callerOf(input);
    const org = userOrgOf(caller);
    const root = platformRoot();
    const { repository, clock } = root;
    const current = await repository.getUser(org, input.params.userId);
    if (!current) throw new NotFound('user');
    const change = input.body;
    if (change.role !== undefined) assertAssignableRole(caller.role, change.role);
    assertNotChangingItself(caller.userId, current, change);
    const expected = expectedVersion(input.headers['if-match'], current.version);
    const changed = changeUser(current, change, clock.now());
    const updated = changed.state;
    const revokeTokens = changesStanding(current, updated);
    await repository.updateUser(org, changed, expected, { revokeTokens });
    forgetPrincipal(updated.username);
    // A disabled user's sessions are ended again on any later change, so a repeat also finishes a failed one.
    await syncIdentity(root, updated, { revokeSessions: revokeTokens || updated.disabled });
    return { body: updated, headers: { etag: `"${updated.version}"` } };
  },
});

/** `If-Match: "3"` pins the version the client saw; without it, the version just read is the guard. */
function expectedVersion(ifMatch: string | undefined, read: number): number {
  if (!ifMatch) return read;
  const version = Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isInteger(version) ? version : -1;
}
