import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { ComplaintDeadlines } from './deadlines.js';

/**
 * CMP-1: how a complaint reached the insurer. The insurer records PHONE, LETTER, VISIT and ONLINE (its own
 * website, app or e-mail); CONSOLE is reserved for an enterprise filing on this platform itself (`POST
 * /me/complaints`), so that a CONSOLE complaint always means the complainant typed it, with its own account.
 */
export const COMPLAINT_CHANNELS = ['PHONE', 'LETTER', 'VISIT', 'ONLINE', 'CONSOLE'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** CMP-1: the channels an insurer may record on behalf of a complainant (all but CONSOLE). */
export const INSURER_INTAKE_CHANNELS = ['PHONE', 'LETTER', 'VISIT', 'ONLINE'] as const satisfies readonly ComplaintChannel[];

/**
 * Where a complaint stands.
 *
 * ```
 * OPEN ──reply (CMP-5)──▶ REPLIED ──accept──▶ ACCEPTED
 *   │                        │
 *   │ overdue (CMP-6)        │ not satisfied (CMP-6)
 *   └────────────────────────┴──────────▶ ESCALATED
 * ```
 *
 * ACCEPTED and ESCALATED are final for the insurer's workflow; an ESCALATED complaint that had no reply can
 * still receive its (late) reply, because escalation does not release the insurer from answering.
 */
export const COMPLAINT_STATUSES = ['OPEN', 'REPLIED', 'ACCEPTED', 'ESCALATED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * CMP-6: where an unsatisfied complainant takes the complaint — the EMB (应急管理部门) or the NFRA branch
 * (银行保险监管机构). The notice's "或相关部门" (other departments) are outside the platform and not modelled.
 */
export const ESCALATION_TARGETS = ['EMB', 'NFRA'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** What happened to a complaint, one entry per transition, in order. */
export const TIMELINE_KINDS = ['RECEIVED', 'VERIFICATION_REQUIRED', 'EXTENDED', 'REPLIED', 'ACCEPTED', 'ESCALATED'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Longest free text (a request, a reply part, a reason), in characters: 4,000 CJK characters are ~12 KB. */
export const COMPLAINT_TEXT_MAX_LENGTH = 4000;
/** Longest person's name, e.g. the responsible officer who approved an extension. */
export const PERSON_NAME_MAX_LENGTH = 100;

/** One entry of a complaint's history. `at` is an ISO instant, `by` the user id that recorded it. */
export interface TimelineEntry {
  readonly at: string;
  readonly kind: TimelineKind;
  readonly by: string;
  readonly note?: string;
}

/**
 * CMP-4: the one extension of a complex case. `reason` is the text told to the complainant; recording the
 * extension is what tells them (the enterprise sees it in its console, ACL-5, and the HTTP layer emits an
 * event for notification), so `toldComplainantOn` is the day it was recorded.
 */
export interface ComplaintExtension {
  /** The insurer's responsible officer for complaints (投诉处理工作责任人) who approved it — a name. */
  readonly approvedBy: string;
  readonly reason: string;
  /** Calendar days added to the working-day due date, 1..`complaintMaxExtensionDays` of the rule set. */
  readonly days: number;
  readonly toldComplainantOn: LocalDate;
}

/** CMP-5: a reply with its four required parts (投诉请求、基本事实的认定及依据、处理措施). */
export interface ComplaintReply {
  /** The complainant's request as the insurer understood it. */
  readonly request: string;
  /** The facts found. */
  readonly facts: string;
  /** What the findings rest on: documents, policy terms, regulations. */
  readonly basis: string;
  /** The measures taken on the complaint. */
  readonly measures: string;
  readonly repliedAt: string;
  readonly repliedBy: string;
}

/** CMP-6: the complainant took the complaint to a regulator; it now appears in the regulators' views. */
export interface ComplaintEscalation {
  readonly to: EscalationTarget;
  readonly at: string;
  readonly reason: string;
}

/**
 * A complaint (投诉) by an enterprise against an insurer — the aggregate of the complaints context. Values are
 * immutable: every transition in `complaint.rules.ts` returns a new complaint with `version` + 1, one more
 * {@link TimelineEntry} and its `deadlines` recomputed from the facts (receipt day, verification,
 * extension).
 *
 * Instants (`receivedAt`, `createdAt`, timeline `at` …) are ISO 8601 in UTC (`…Z`); dates are `YYYY-MM-DD` in
 * Asia/Shanghai (CAL-1).
 *
 * @example
 * const complaint = receiveComplaint(
 *   { enterpriseUscc: '91140902100000008A', receivedAt: '2024-09-27T09:30:00+08:00', channel: 'PHONE',
 *     request: '服务机构未按约定开展隐患排查' },
 *   { id: 'c-1', tenantId: 't-1', by: 'u-1', now: new Date('2024-09-27T02:00:00Z'),
 *     ruleSets: [XINZHOU_2024], calendar: WorkingDayCalendar.builtin() },
 * );
 * complaint.deadlines.binding; // { dueOn: '2024-10-12', clock: 'NFRA', provisional: false }
 */
export interface Complaint {
  readonly id: string;
  /** The insurer the complaint is against (ACL-1: only its users see it among insurers). */
  readonly tenantId: string;
  /** The complainant enterprise (ACL-5: its users see its complaints across insurers). */
  readonly enterpriseUscc: string;
  readonly policyId?: string;
  readonly serviceId?: string;
  /**
   * ACL-4: the enterprise's area code (SCOPE-5), for a county EMB's view. Looked up by the caller (from the
   * policy or the enterprise register); absent when unknown, in which case only city-level regulators see it.
   */
  readonly county?: string;
  readonly channel: ComplaintChannel;
  /** CMP-1: the instant the insurer received the complaint, normalised to UTC. */
  readonly receivedAt: string;
  /** CMP-7: the Asia/Shanghai day of `receivedAt`, from which every period is counted (that day excluded). */
  readonly receivedOn: LocalDate;
  /** What the complainant asks, in its own words. */
  readonly request: string;
  readonly status: ComplaintStatus;
  /** CMP-3: the facts need further verification, so the working-day clock runs 30 working days. */
  readonly needsVerification: boolean;
  readonly verificationRequiredAt?: string;
  readonly verificationRequiredBy?: string;
  readonly extension?: ComplaintExtension;
  readonly reply?: ComplaintReply;
  readonly escalation?: ComplaintEscalation;
  readonly acceptedAt?: string;
  readonly acceptedBy?: string;
  /** CMP-2..4, CMP-8: both clocks and the binding due date; see `computeDeadlines`. */
  readonly deadlines: ComplaintDeadlines;
  /**
   * RULES-1: the rule set in force on `receivedOn`. Every decision on the complaint — its deadlines, the
   * extension limit — uses this version for the complaint's whole life, so a version published mid-way does
   * not move a deadline the complainant was already given.
   */
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly timeline: readonly TimelineEntry[];
  readonly createdAt: string;
  /** Optimistic lock: 1 on receipt, + 1 on every change; the repository saves only over the previous one. */
  readonly version: number;
}
