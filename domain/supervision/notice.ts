import type { Agency } from '../identity/role.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';

/**
 * 督办 (supervision notices, issue 14): a regulator tells an insurer to act on one of its items by a day; the
 * insurer answers and the issuing agency closes it. The notice is the regulator's own record (ACL-2) about the
 * insurer's item; the answer is the insurer's. Rules SUP-1..SUP-6 (notice.rules.ts, DOMAIN-NOTES.md).
 */

/** SUP-1: what a notice may be about — a complaint, a hazard, an (overdue) service, or a prevention-fee year. */
export const NOTICE_SUBJECT_KINDS = ['COMPLAINT', 'HAZARD', 'SERVICE', 'FEE_YEAR'] as const;
export type NoticeSubjectKind = (typeof NOTICE_SUBJECT_KINDS)[number];

/** SUP-3/SUP-4: ISSUED → ANSWERED → CLOSED, nothing else. */
export const NOTICE_STATUSES = ['ISSUED', 'ANSWERED', 'CLOSED'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * The item a notice is about, as the regulator chose it on the insurer's pages: its id, a label a person reads
 * (an enterprise's name, a fee year) and, for items of an enterprise, the enterprise's county (ACL-4).
 */
export interface NoticeSubject {
  readonly kind: NoticeSubjectKind;
  readonly id: string;
  readonly label: string;
  /** ACL-4: the enterprise's county; absent for a fee year, which is insurer-wide. */
  readonly county?: string;
}

/** Who issued the notice: the agency (and a county EMB's county) is who may close it and who sees it (SUP-2, SUP-4). */
export interface NoticeIssuer {
  readonly userId: string;
  readonly username: string;
  readonly agency: Agency;
  readonly county?: string;
}

export interface NoticeAnswer {
  readonly text: string;
  readonly answeredAt: string;
  readonly answeredBy: { readonly userId: string; readonly username: string };
}

export interface NoticeClosing {
  readonly remark: string;
  readonly closedAt: string;
  readonly closedBy: { readonly userId: string; readonly username: string };
}

export interface SupervisionNotice {
  readonly id: string;
  readonly tenantId: string;
  /** The insurer by name (names, never bare ids). */
  readonly insurerName: string;
  readonly subject: NoticeSubject;
  readonly text: string;
  readonly dueOn: LocalDate;
  readonly status: NoticeStatus;
  readonly issuedAt: string;
  readonly issuedOn: LocalDate;
  readonly issuedBy: NoticeIssuer;
  readonly answer?: NoticeAnswer;
  readonly closing?: NoticeClosing;
  readonly version: number;
}
