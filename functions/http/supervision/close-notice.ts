import { NOTICE_WRITE } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { closeNotice as close, noticeInScope } from '../../../domain/supervision/notice.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { closeNoticeBody, noticeParams, noticeSchema } from './notice-schemas.js';
import { noticeView } from './notice-view.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * SUP-4 (issue 14): the issuing agency closes an answered notice with a remark. A notice outside the caller's
 * view (another county's, for a county EMB) answers 404; another agency's in view: 403 SUP-4.
 */
export const closeNotice = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/notices/{noticeId}/close',
  access: NOTICE_WRITE,
  summary: 'Close an answered 督办 notice with a remark — the issuing agency only (SUP-4)',
  tags: ['regulator'],
  params: noticeParams,
  body: closeNoticeBody,
  response: noticeSchema,
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const { regulatorNotices, clock } = noticesRoot();
    const notice = await regulatorNotices.findForRegulators(input.params.noticeId);
    if (!notice || !noticeInScope(regulator, notice.subject.county)) throw new NotFound('notice');
    const changed = close(notice, { regulator, remark: input.body.remark, by: { userId: regulator.userId, username: regulator.username }, now: clock.now() });
    await regulatorNotices.save(changed, notice.version);
    return { body: noticeView(changed.state, todayOf(clock)) };
  },
});
