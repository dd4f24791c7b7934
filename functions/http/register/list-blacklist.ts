import { REGISTER_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { blacklistEntryViewSchema } from '../../../domain/register/blacklist.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { blacklistView } from './blacklist-view.js';
import { registerContext } from './composition-root.js';
import { listBlacklistQuery } from './register-params.js';

/** BLK-1: the blacklist, newest first, lifted and ended listings included; every regulator reads it. */
export const listBlacklist = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/blacklist',
  access: REGISTER_READ,
  summary: 'The blacklist, newest first, or one insurer’s listings (BLK-1)',
  tags: ['regulator'],
  query: listBlacklistQuery,
  response: pageOf(blacklistEntryViewSchema),
  async handle(input) {
    const { blacklist, clock } = registerContext();
    const today = todayOf(clock);
    const page = await blacklist.list({ insurerTenantId: input.query.insurerTenantId, limit: input.query.limit, cursor: input.query.cursor, withTotal: true });
    return { body: { items: page.items.map((entry) => blacklistView(entry, today)), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
