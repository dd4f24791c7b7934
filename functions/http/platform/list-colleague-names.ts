import * as z from 'zod/mini';
import { COLLEAGUE_NAMES } from '../../../domain/identity/access.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';

/**
 * Issue 15 (names beside every id): the names of the caller's own organisation's users, so a record's
 * "recorded by" (a user id: fee ledger, service record) reads as a person. Ids and display names only — no
 * roles, usernames or status (those stay with the administrators' GET /users); another organisation's never.
 */
export const listColleagueNames = defineRoute({
  method: 'GET',
  path: '/api/v1/user-names',
  access: COLLEAGUE_NAMES,
  summary: "Display names of the caller's own organisation's users (who recorded what)",
  tags: ['users'],
  response: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }),
  async handle(input) {
    const org = userOrgOf(callerOf(input));
    const items: { id: string; displayName: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await platformRoot().repository.listUsers(org, { limit: 100, cursor });
      items.push(...page.items.map(({ id, displayName }) => ({ id, displayName })));
      cursor = page.nextCursor;
    } while (cursor && items.length < 2000);
    return { body: { items } };
  },
});
