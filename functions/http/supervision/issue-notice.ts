import { NOTICE_WRITE } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { Forbidden, NotFound } from '../../../domain/kernel/errors.js';
import { issueNotice as issue, noticeInScope } from '../../../domain/supervision/notice.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadInsurer } from './load-insurer.js';
import { issueNoticeBody, noticeSchema } from './notice-schemas.js';
import { noticeView } from './notice-view.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * SUP-1, SUP-2, ACL-2 (issue 14): a regulator issues a 督办 notice to an insurer about one of its items, chosen on
 * the insurer's pages. The item is looked up in the insurer's data (read-only role): a missing one, or one of
 * another county for a county EMB, answers 404 like any object outside the caller's view (ACL-4); a fee year
 * (insurer-wide) is not a county EMB's to notice (403 SUP-2).
 */
export const issueNotice = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/notices',
  access: NOTICE_WRITE,
  summary: 'Issue a 督办 notice to an insurer about a complaint, hazard, service or fee year (SUP-1, SUP-2)',
  tags: ['regulator'],
  body: issueNoticeBody,
  response: noticeSchema,
  successStatus: 201,
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const { subjects, regulatorNotices, clock, newId } = noticesRoot();
    const insurer = await loadInsurer(input.body.tenantId);
    const { kind, id } = input.body.subject;
    if (kind === 'FEE_YEAR' && !noticeInScope(regulator, undefined)) {
      throw new Forbidden('SUP-2 (ACL-4): a fee year is insurer-wide; its notices are the city EMB’s and the NFRA’s');
    }
    const found = await (await subjects(regulator)).find(insurer.id, kind, id);
    if (!found || !noticeInScope(regulator, found.county)) throw new NotFound(kind.toLowerCase());
    const now = clock.now();
    const changed = issue({
      id: newId(now),
      tenantId: insurer.id,
      insurerName: insurer.name,
      subject: { kind, id, label: found.label, ...(found.county === undefined ? {} : { county: found.county }) },
      text: input.body.text,
      dueOn: input.body.dueOn,
      issuer: {
        userId: regulator.userId,
        username: regulator.username,
        agency: regulator.agency,
        ...(regulator.county === undefined ? {} : { county: regulator.county }),
      },
      now,
      today: todayOf(clock),
    });
    await regulatorNotices.create(changed);
    return { body: noticeView(changed.state, todayOf(clock)) };
  },
});
