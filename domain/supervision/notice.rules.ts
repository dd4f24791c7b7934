import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { Forbidden, RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { inCountyScope, type SupervisingRegulator } from './county-scope.js';
import { noticeEventOf, supervisionEvents } from './events.js';
import type { NoticeIssuer, NoticeSubject, SupervisionNotice } from './notice.js';

/**
 * The rules of 督办 notices (issue 14; DOMAIN-NOTES.md "Supervision: 督办 notices and the access log"):
 *
 * - SUP-1 A notice is about one item of one insurer (a complaint, a hazard, a service, a fee year), carries a
 *   text and a due day that is not in the past.
 * - SUP-2 (ACL-4) A county EMB issues and sees notices only about its county's items; a fee year has no county,
 *   so its notices are the city EMB's and the NFRA's (FEE-4/FEE-5 oversight).
 * - SUP-3 The insurer answers an issued notice once, with a text; an answered or closed one takes no answer.
 * - SUP-4 Only the issuing agency (a county EMB: of the same county) closes a notice, once answered, with a remark.
 * - SUP-5 (ACL-2) The notice is the regulator's record and the answer the insurer's: neither writes the other's part.
 */

export const NOTICE_TEXT_MAX = 2000;

/** The words of a text field, trimmed, or a 400 naming the field and the rule. */
export function noticeText(value: string, field: string, ruleId: string): string {
  const text = value.trim();
  if (text.length === 0) throw new RuleViolation(ruleId, field, `${field} must not be empty`, 400);
  if (text.length > NOTICE_TEXT_MAX) throw new RuleViolation(ruleId, field, `${field} is longer than ${NOTICE_TEXT_MAX} characters`, 400);
  return text;
}

/** SUP-2/ACL-4: whether a regulator may issue about, or see, an item of `county` (undefined: insurer-wide). */
export function noticeInScope(regulator: SupervisingRegulator, county: string | undefined): boolean {
  if (county === undefined) return regulator.agency !== 'EMB_COUNTY';
  return inCountyScope(regulator, county);
}

export interface IssueNotice {
  readonly id: string;
  readonly tenantId: string;
  readonly insurerName: string;
  readonly subject: NoticeSubject;
  readonly text: string;
  readonly dueOn: LocalDate;
  readonly issuer: NoticeIssuer;
  readonly now: Date;
  readonly today: LocalDate;
}

/** SUP-1, SUP-2: a new notice, ISSUED, and its `supervision.notice.issued` event. */
export function issueNotice(input: IssueNotice): Changed<SupervisionNotice> {
  if (!noticeInScope(input.issuer, input.subject.county)) {
    throw new Forbidden('SUP-2 (ACL-4): a county EMB issues notices only about its own county’s items');
  }
  if (compareLocalDates(input.dueOn, input.today) < 0) {
    throw new RuleViolation('SUP-1', 'dueOn', `dueOn ${input.dueOn} is before today (${input.today})`, 400);
  }
  const notice: SupervisionNotice = {
    id: input.id,
    tenantId: input.tenantId,
    insurerName: input.insurerName,
    subject: input.subject,
    text: noticeText(input.text, 'text', 'SUP-1'),
    dueOn: input.dueOn,
    status: 'ISSUED',
    issuedAt: input.now.toISOString(),
    issuedOn: input.today,
    issuedBy: input.issuer,
    version: 1,
  };
  return { state: notice, events: [noticeEventOf(supervisionEvents.noticeIssued, notice)] };
}

/** SUP-3, SUP-5: the insurer's answer (its user, from its token), once, to an issued notice. */
export function answerNotice(
  notice: SupervisionNotice,
  input: { readonly text: string; readonly by: { readonly userId: string; readonly username: string }; readonly now: Date },
): Changed<SupervisionNotice> {
  if (notice.status !== 'ISSUED') {
    throw new RuleViolation('SUP-3', 'status', `the notice is ${notice.status}: it takes one answer, while issued`, 409);
  }
  const answered: SupervisionNotice = {
    ...notice,
    status: 'ANSWERED',
    answer: { text: noticeText(input.text, 'text', 'SUP-3'), answeredAt: input.now.toISOString(), answeredBy: input.by },
    version: notice.version + 1,
  };
  return { state: answered, events: [noticeEventOf(supervisionEvents.noticeAnswered, answered)] };
}

/** SUP-4: whether `regulator` is the agency that issued `notice` (a county EMB: the same county). */
export function isIssuingAgency(regulator: SupervisingRegulator, notice: SupervisionNotice): boolean {
  if (regulator.agency !== notice.issuedBy.agency) return false;
  return regulator.agency !== 'EMB_COUNTY' || regulator.county === notice.issuedBy.county;
}

/** SUP-4: the issuing agency closes an answered notice with a remark. */
export function closeNotice(
  notice: SupervisionNotice,
  input: {
    readonly regulator: SupervisingRegulator;
    readonly remark: string;
    readonly by: { readonly userId: string; readonly username: string };
    readonly now: Date;
  },
): Changed<SupervisionNotice> {
  if (!isIssuingAgency(input.regulator, notice)) {
    throw new Forbidden(`SUP-4: only the issuing agency (${notice.issuedBy.agency}) closes this notice`);
  }
  if (notice.status !== 'ANSWERED') {
    throw new RuleViolation('SUP-4', 'status', `the notice is ${notice.status}: it is closed once the insurer has answered`, 409);
  }
  const closed: SupervisionNotice = {
    ...notice,
    status: 'CLOSED',
    closing: { remark: noticeText(input.remark, 'remark', 'SUP-4'), closedAt: input.now.toISOString(), closedBy: input.by },
    version: notice.version + 1,
  };
  return { state: closed, events: [noticeEventOf(supervisionEvents.noticeClosed, closed)] };
}

/** Whether the notice is past its due day unanswered (shown to both sides; no state of its own). */
export const noticeOverdue = (notice: SupervisionNotice, today: LocalDate): boolean =>
  notice.status === 'ISSUED' && compareLocalDates(notice.dueOn, today) < 0;
