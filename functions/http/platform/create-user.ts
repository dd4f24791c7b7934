import { ORG_ADMINS } from '../../../domain/identity/access.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { createUser as create, isSameNewUser } from '../../../domain/platform/user.rules.js';
import { assertAssignableRole, userSchema } from '../../../domain/platform/user.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { registerIdentity, resumeRegistration } from './identity-registration.js';
import { createUserBody } from './schemas.js';

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
    const root = platformRoot();
    const { repository, directory, passwords, clock, newId } = root;
    const org = userOrgOf(caller);
    const now = clock.now();
    const created = create(
      {
        id: newId(now),
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        tenantId: caller.tenantId,
        agency: caller.agency,
        county: caller.county,
      },
      now,
    );
    try {
      await repository.createUser(org, created, await passwords.hash(body.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      // Only a user of the caller's own organisation can be found here (getUser is scoped to it).
      const stored = await resumeRegistration(root, error, body, async (credential) => {
        const candidate = await repository.getUser(org, credential.principal.userId);
        return isSameNewUser(candidate, body) ? candidate : undefined;
      });
      return { body: stored };
    }
    await registerIdentity(root, created.state, body.password);
    return { body: created.state };
  },
});
