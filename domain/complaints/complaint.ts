import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';

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

const described = (description: string) => z.meta({ description });
const instant = (description: string) => z.string().check(described(`${description} (ISO 8601, UTC)`));
const provisional = z.boolean().check(
  described('CAL-2: the date depends on a day of a year whose State Council schedule is not loaded yet'),
);

/** CMP-2..4: the notice's working-day clock, and the rule its current date comes from. */
export const workingDayDeadlineSchema = z.object({
  dueOn: localDateSchema.check(described('The last day of the working-day clock (Asia/Shanghai)')),
  provisional,
  basis: z
    .enum(['CMP-2', 'CMP-3', 'CMP-4'])
    .check(described('CMP-2 (10 working days), CMP-3 (30 with verification) or CMP-4 (either, plus the extension)')),
});
export type WorkingDayDeadline = z.output<typeof workingDayDeadlineSchema>;

/** CMP-8: the NFRA's calendar-day clock. */
export const nfraDeadlineSchema = z.object({
  dueOn: localDateSchema.check(described('The last day of the NFRA calendar-day clock (Asia/Shanghai)')),
  provisional,
  basis: z.literal('CMP-8'),
});
export type NfraDeadline = z.output<typeof nfraDeadlineSchema>;

/** CMP-8: the clock that binds — the earlier of the enabled ones. */
export const bindingDeadlineSchema = z.object({
  dueOn: localDateSchema.check(described('The day the reply is due: the earlier of the enabled clocks')),
  clock: z.enum(['WORKING_DAY', 'NFRA']).check(described('Which clock binds')),
  provisional: z.boolean().check(
    described(
      'CAL-2: the binding date may still change once a missing year is loaded — because the binding clock is provisional, or because the other clock is and could still turn out earlier',
    ),
  ),
});
export type BindingDeadline = z.output<typeof bindingDeadlineSchema>;

/** CMP-8: a complaint's two due dates (each absent when its clock is switched off) and the binding one. */
export const complaintDeadlinesSchema = z.object({
  workingDay: z.optional(workingDayDeadlineSchema),
  nfra: z.optional(nfraDeadlineSchema),
  binding: bindingDeadlineSchema,
});
export type ComplaintDeadlines = z.output<typeof complaintDeadlinesSchema>;

/**
 * CMP-4: the one extension of a complex case. `reason` is the text told to the complainant; recording the
 * extension is what tells them (the enterprise sees it in its console, ACL-5, and an event goes out for
 * notification), so `toldComplainantOn` is the day it was recorded.
 */
export const complaintExtensionSchema = z.object({
  approvedBy: z.string().check(described('The responsible officer for complaints (投诉处理工作责任人) who approved it — a name')),
  reason: z.string().check(described('The reason, as told to the complainant')),
  days: z.int().check(described('Calendar days added to the working-day due date, 1..the rule set’s maximum')),
  toldComplainantOn: localDateSchema.check(described('The day the extension was recorded, and so told')),
});
export type ComplaintExtension = z.output<typeof complaintExtensionSchema>;

/** CMP-5: a reply with its four required parts (投诉请求、基本事实的认定及依据、处理措施). */
export const complaintReplySchema = z.object({
  request: z.string().check(described("The complainant's request as the insurer understood it")),
  facts: z.string().check(described('The facts found')),
  basis: z.string().check(described('What the findings rest on: documents, policy terms, regulations')),
  measures: z.string().check(described('The measures taken on the complaint')),
  repliedAt: instant('When the reply was recorded'),
  repliedBy: z.string().check(described('The user who recorded it')),
});
export type ComplaintReply = z.output<typeof complaintReplySchema>;

/** CMP-6: the complainant took the complaint to a regulator; it now appears in the regulators' views. */
export const complaintEscalationSchema = z.object({
  to: z.enum(ESCALATION_TARGETS).check(described('EMB 应急管理部门 or NFRA 金融监管分局')),
  at: instant('When the escalation was recorded'),
  reason: z.string().check(described('Why the complainant escalates')),
});
export type ComplaintEscalation = z.output<typeof complaintEscalationSchema>;

/** One entry of a complaint's history. */
export const timelineEntrySchema = z.object({
  at: instant('When it happened'),
  kind: z.enum(TIMELINE_KINDS),
  by: z.string().check(described('The user id that recorded it')),
  note: z.optional(z.string()),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/**
 * A complaint (投诉) by an enterprise against an insurer — the aggregate of the complaints context, as the API
 * returns it and as the repository maps it back from storage. Values are immutable: every transition in
 * `complaint.rules.ts` returns a new complaint with `version` + 1, one more timeline entry and its `deadlines`
 * recomputed from the facts (receipt day, verification, extension).
 *
 * Instants (`receivedAt`, `createdAt`, timeline `at` …) are ISO 8601 in UTC (`…Z`); dates are `YYYY-MM-DD` in
 * Asia/Shanghai (CAL-1).
 *
 * @example
 * const { state: complaint } = receiveComplaint(
 *   { enterpriseUscc: '91140902100000008A', receivedAt: '2024-09-27T09:30:00+08:00', channel: 'PHONE',
 *     request: '服务机构未按约定开展隐患排查' },
 *   { id: 'c-1', tenantId: 't-1', by: 'u-1', now: new Date('2024-09-27T02:00:00Z'),
 *     ruleSets: [XINZHOU_2024], calendar: WorkingDayCalendar.builtin() },
 * );
 * complaint.deadlines.binding; // { dueOn: '2024-10-12', clock: 'NFRA', provisional: false }
 */
export const complaintSchema = z.object({
  id: z.string(),
  tenantId: z.string().check(described('The insurer the complaint is against (ACL-1: only its users see it among insurers)')),
  enterpriseUscc: z.string().check(described('The complainant enterprise (ACL-5: its users see its complaints across insurers)')),
  policyId: z.optional(z.string()),
  serviceId: z.optional(z.string()),
  county: z.optional(
    z.string().check(
      described("ACL-4: the enterprise's area code (SCOPE-5), for a county EMB's view; absent when unknown (then only city-level regulators see it)"),
    ),
  ),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedAt: instant('CMP-1: the instant the insurer received the complaint'),
  receivedOn: localDateSchema.check(
    described('CMP-7: the Asia/Shanghai day of receivedAt, from which every period is counted (that day excluded)'),
  ),
  request: z.string().check(described('What the complainant asks, in its own words')),
  status: z.enum(COMPLAINT_STATUSES),
  needsVerification: z.boolean().check(described('CMP-3: the facts need further verification (30 working days)')),
  verificationRequiredAt: z.optional(instant('CMP-3: when verification was required')),
  verificationRequiredBy: z.optional(z.string()),
  extension: z.optional(complaintExtensionSchema),
  reply: z.optional(complaintReplySchema),
  escalation: z.optional(complaintEscalationSchema),
  acceptedAt: z.optional(instant('When the complainant accepted the reply')),
  acceptedBy: z.optional(z.string()),
  deadlines: complaintDeadlinesSchema,
  ruleSetId: z.string().check(
    described('RULES-1: the rule set in force on receivedOn, used for every decision on the complaint for its whole life'),
  ),
  ruleSetVersion: z.int(),
  timeline: z.readonly(z.array(timelineEntrySchema)),
  createdAt: instant('When the complaint was recorded'),
  version: z.int().check(described('Optimistic lock: 1 on receipt, + 1 on every change')),
});
export type Complaint = z.output<typeof complaintSchema>;
