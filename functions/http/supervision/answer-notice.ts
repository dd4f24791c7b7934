import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { answerNotice as answer } from '../../../domain/supervision/notice.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { answerNoticeBody, noticeParams, noticeSchema } from './notice-schemas.js';
import { noticeView } from './notice-view.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * SUP-3, SUP-5 (issue 14): the insurer answers a notice addressed to it, once — its own write, with its tenant
 * role, in its own partition; another insurer's notice answers 404 like a missing one (ACL-1).
 */
export const answerNotice = defineRoute({
  method: 'POST',
  path: '/api/v1/notices/{noticeId}/answer',
  access: INSURER,
  summary: 'Answer a 督办 notice addressed to the caller’s insurer (SUP-3)',
  tags: ['notices'],
  params: noticeParams,
  body: answerNoticeBody,
  response: noticeSchema,
  async handle(input) {
    const { tenantId, userId, username } = callerOf(input, 'insurer');
    const { forTenant, clock } = noticesRoot();
    const { notices } = await forTenant(tenantId);
    const notice = await notices.get(tenantId, input.params.noticeId);
    if (!notice) throw new NotFound('notice');
    const changed = answer(notice, { text: input.body.text, by: { userId, username }, now: clock.now() });
    await notices.save(changed, notice.version);
    return { body: noticeView(changed.state, todayOf(clock)) };
  },
});
