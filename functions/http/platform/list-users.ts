import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { orgOf, platformDeps } from './deps.js';
import { listQuery, userSchema } from './schemas.js';
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
    const page = await platformDeps().repository.listUsers(orgOf(callerOf(input)), {
      limit: input.query.limit,
      cursor: input.query.cursor,
    });
    return { body: page };
  },
});
