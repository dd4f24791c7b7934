import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { userSchema } from '../../../domain/platform/user.js';
import { platformRoot } from './composition-root.js';
import { userIdParams } from './schemas.js';
import { ORG_ADMINS } from '../../../domain/identity/access.js';

/** Another organisation's user answers 404, exactly like a missing one: the key is built from the caller. */
export const getUser = defineRoute({
  method: 'GET',
  path: '/api/v1/users/{userId}',
  access: ORG_ADMINS,
  summary: "One user of the caller's own tenant or agency",
  tags: ['users'],
  params: userIdParams,
  response: userSchema,
  async handle(input) {
    const user = await platformRoot().repository.getUser(userOrgOf(callerOf(input)), input.params.userId);
    if (!user) throw new NotFound('user');
    return { body: user };
  },
});
