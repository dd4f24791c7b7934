import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { blacklistEntryViewSchema } from '../../../domain/register/schemas.js';
import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { blacklistView } from './blacklist-view.js';
import { regulatorDeps } from './deps.js';
import { listBlacklistQuery } from './schemas.js';
import { REGISTER_READ } from '../../../domain/identity/access.js';

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
    const { blacklist, clock } = regulatorDeps();
    const today = shanghaiDateOf(clock.now());
    const page = await blacklist.list({ insurerTenantId: input.query.insurerTenantId, limit: input.query.limit, cursor: input.query.cursor });
    return { body: { items: page.items.map((entry) => blacklistView(entry, today)), nextCursor: page.nextCursor } };
  },
});
