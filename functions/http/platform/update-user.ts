import { NotFound } from '../../../domain/kernel/errors.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { changeUser } from '../../../domain/platform/user.rules.js';
import { assertAssignableRole, assertNotSelfLockout, userSchema } from '../../../domain/platform/user.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { syncIdentity } from './identity-registration.js';
import { updateUserBody, userIdParams } from './schemas.js';
import { ORG_ADMINS } from '../../../domain/identity/access.js';

/**
 * Changes a user's role, status or name. Optimistic: if `If-Match` carries a version and it is not the
 * stored one, or another change lands first, the answer is 412 and nothing changes.
 * Role and status take effect at the user's next token (read from the table by the pre-token trigger on
 * AWS, from the sign-in record locally); the identity directory is then brought in line (name, enabled).
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
    assertNotSelfLockout(caller.userId, current, change);
    const expected = expectedVersion(input.headers['if-match'], current.version);
    const changed = changeUser(current, change, clock.now());
    await repository.updateUser(org, changed, expected);
    const updated = changed.state;
    await syncIdentity(root, updated);
    return { body: updated, headers: { etag: `"${updated.version}"` } };
  },
});

/** `If-Match: "3"` pins the version the client saw; without it, the version just read is the guard. */
function expectedVersion(ifMatch: string | undefined, read: number): number {
  if (!ifMatch) return read;
  const version = Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isInteger(version) ? version : -1;
}
