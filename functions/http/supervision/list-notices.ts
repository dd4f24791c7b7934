import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { insurerNoticesQuery, noticePageSchema } from './notice-schemas.js';
import { noticeView } from './notice-view.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * SUP-3, ACL-1 (issue 14): the 督办 notices addressed to the caller's insurer, newest first, with their due days —
 * read from its own partition with its tenant role. The insurer side of the supervision context: the notices
 * and the access log are this context's records, whichever party reads them.
 */
export const listNotices = defineRoute({
  method: 'GET',
  path: '/api/v1/notices',
  access: INSURER,
  summary: "The 督办 notices addressed to the caller's insurer, newest first, by status",
  tags: ['notices'],
  query: insurerNoticesQuery,
  response: noticePageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock } = noticesRoot();
    const page = await (await forTenant(tenantId)).notices.listOfTenant(tenantId, { ...input.query, withTotal: true });
    const today = todayOf(clock);
    return { body: { items: page.items.map((notice) => noticeView(notice, today)), nextCursor: page.nextCursor, total: page.total } };
  },
});
