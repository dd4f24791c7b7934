import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType, DomainEvent } from '../kernel/events.js';
import { COMPLAINT_STATUSES } from './complaint.js';
import type { Complaint, TimelineKind } from './complaint.js';

const described = (description: string) => z.meta({ description });

/**
 * What every complaint event carries: the complaint it is about, where it stands and when its reply is due,
 * so a subscriber (a notification, a regulator's dashboard) needs no read-back.
 */
export const complaintEventPayload = z.object({
  complaintId: z.string().check(described('The complaint')),
  enterpriseUscc: z.string().check(described('The complainant enterprise')),
  status: z.enum(COMPLAINT_STATUSES).check(described('Where the complaint stands after the change')),
  county: z.optional(z.string().check(described("ACL-4: the enterprise's area code, when known"))),
  bindingDueOn: localDateSchema.check(described('CMP-2..4, CMP-8: the day the reply is due')),
  bindingClock: z.enum(['WORKING_DAY', 'NFRA']).check(described('Which clock binds')),
  provisional: z.boolean().check(described('CAL-2: the due date may still move once a missing calendar year is loaded')),
});
export type ComplaintEventPayload = z.output<typeof complaintEventPayload>;

const complaintEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'complaint', summary, payload: complaintEventPayload });

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const complaintEvents = {
  received: complaintEvent('complaints.complaint.received', 'CMP-1: a complaint was received; the insurer is told at once'),
  verificationRequired: complaintEvent(
    'complaints.complaint.verification_required',
    'CMP-3: the facts need verification; the working-day clock runs 30 working days',
  ),
  extended: complaintEvent('complaints.complaint.extended', 'CMP-4: the one extension was granted and told to the complainant'),
  replied: complaintEvent('complaints.complaint.replied', 'CMP-5: the insurer replied with its four required parts'),
  accepted: complaintEvent('complaints.complaint.accepted', 'The complainant accepted the reply; the complaint is closed'),
  escalated: complaintEvent('complaints.complaint.escalated', 'CMP-6: the complainant took the complaint to the EMB or the NFRA'),
  overdue: complaintEvent(
    'complaints.complaint.overdue',
    'CMP-2..4, CMP-8: the binding due date passed without a reply (reported once, by the daily run)',
  ),
  deadlinesRecomputed: complaintEvent(
    'complaints.complaint.deadlines_recomputed',
    'CAL-2: provisional deadlines were recomputed with a newly loaded calendar year',
  ),
} as const satisfies Readonly<Record<string, AnyEventType>>;

/** The event each kind of timeline entry raises: a transition adds one entry and raises its event. */
export const EVENT_OF_ENTRY = {
  RECEIVED: complaintEvents.received,
  VERIFICATION_REQUIRED: complaintEvents.verificationRequired,
  EXTENDED: complaintEvents.extended,
  REPLIED: complaintEvents.replied,
  ACCEPTED: complaintEvents.accepted,
  ESCALATED: complaintEvents.escalated,
} as const satisfies Record<TimelineKind, AnyEventType>;

/** The payload of a complaint event, from the complaint as it is after the change. */
export function complaintEventPayloadOf(complaint: Complaint): ComplaintEventPayload {
  return {
    complaintId: complaint.id,
    enterpriseUscc: complaint.enterpriseUscc,
    status: complaint.status,
    ...(complaint.county === undefined ? {} : { county: complaint.county }),
    bindingDueOn: complaint.deadlines.binding.dueOn,
    bindingClock: complaint.deadlines.binding.clock,
    provisional: complaint.deadlines.binding.provisional,
  };
}

/** `type` about `complaint` at its current version, in its insurer's stream. */
export function complaintEventOf(
  type: (typeof complaintEvents)[keyof typeof complaintEvents],
  complaint: Complaint,
): DomainEvent {
  return type.of(complaint, complaintEventPayloadOf(complaint));
}
