import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { noticePageSchema, regulatorNoticesQuery } from './notice-schemas.js';
import { noticeView } from './notice-view.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * SUP-2, ACL-4 (issue 14): the 督办 notices regulators see, newest first — a county EMB its county's only (another
 * county asked for: 403), the city EMB and the NFRA every one, or one county's; by insurer and status.
 */
export const listRegulatorNotices = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/notices',
  access: REGULATOR_READ,
  summary: "督办 notices, newest first: by insurer, county, status (a county EMB: its county's)",
  tags: ['regulator'],
  query: regulatorNoticesQuery,
  response: noticePageSchema,
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const county = countyScopeOf(regulator, input.query.county);
    const { regulatorListing, clock } = noticesRoot();
    const page = await (await regulatorListing(regulator)).listForRegulators({ ...input.query, county, withTotal: true });
    const today = todayOf(clock);
    return { body: { items: page.items.map((notice) => noticeView(notice, today)), nextCursor: page.nextCursor, total: page.total } };
  },
});
