import { assertAssignableRole, type User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { callerOf, defineRoute } from '../route.js';
import { orgOf, platformDeps } from './deps.js';
import { createUserBody, userSchema } from './schemas.js';

/**
 * Adds a user to the caller's own organisation. The organisation — tenant, or agency and county — is
 * copied from the administrator's token onto the new user; the body cannot name another one.
 */
export const createUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  summary: "Add a user to the caller's own tenant or agency",
  tags: ['users'],
  body: createUserBody,
  response: userSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input);
    const { body } = input;
    assertAssignableRole(caller.role, body.role);
    const { repository, clock, newId } = platformDeps();
    const now = clock.now();
    const at = now.toISOString();
    const user: User = {
      id: newId(now),
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      disabled: false,
      tenantId: caller.tenantId,
      agency: caller.agency,
      county: caller.county,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await repository.createUser(orgOf(caller), user, await hashPassword(body.password));
    return { body: user };
  },
});
