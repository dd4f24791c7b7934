import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { userSchema } from '../../../domain/platform/user.js';
import { platformRoot } from './composition-root.js';
import { listQuery } from './schemas.js';
import { ORG_ADMINS } from '../../../domain/identity/access.js';

export const listUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  access: ORG_ADMINS,
  summary: "Users of the caller's own tenant or agency",
  tags: ['users'],
  query: listQuery,
  response: pageOf(userSchema),
  async handle(input) {
    const page = await platformRoot().repository.listUsers(userOrgOf(callerOf(input)), {
      limit: input.query.limit,
      cursor: input.query.cursor,
      withTotal: true,
    });
    return { body: page };
  },
});
