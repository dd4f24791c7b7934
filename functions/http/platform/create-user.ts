import { Conflict } from '../../../domain/kernel/errors.js';
import { assertAssignableRole, type User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { orgOf, platformDeps } from './deps.js';
import { isSameNewUser, registerIdentity, resumeRegistration } from './identity-registration.js';
import { createUserBody, userSchema } from './schemas.js';
import { ORG_ADMINS } from '../../../domain/identity/access.js';

/**
 * Adds a user to the caller's own organisation. The organisation — tenant, or agency and county — is
 * copied from the administrator's token onto the new user; the body cannot name another one.
 * The user is written to the table, then registered with the identity directory (Cognito on AWS); a
 * repeat after a directory failure finishes that registration (identity-registration.ts).
 */
export const createUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  access: ORG_ADMINS,
  summary: "Add a user to the caller's own tenant or agency",
  tags: ['users'],
  body: createUserBody,
  response: userSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input);
    const { body } = input;
    assertAssignableRole(caller.role, body.role);
    const deps = platformDeps();
    const { repository, directory, clock, newId } = deps;
    const org = orgOf(caller);
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
    try {
      await repository.createUser(org, user, await hashPassword(body.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      // Only a user of the caller's own organisation can be found here (getUser is scoped to it).
      const stored = await resumeRegistration(deps, error, body, async (credential) => {
        const candidate = await repository.getUser(org, credential.principal.userId);
        return isSameNewUser(candidate, body) ? candidate : undefined;
      });
      return { body: stored };
    }
    await registerIdentity(deps, user, body.password);
    return { body: user };
  },
});
