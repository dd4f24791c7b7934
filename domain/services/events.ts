import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType, Changed, EventType } from '../kernel/events.js';
import { HAZARD_GRADES, HAZARD_STATUSES, hazardDueOn } from './hazard.js';
import type { Hazard } from './hazard.js';
import { nextDeadline } from './deadlines.js';
import { RISK_GRADES } from './service-plan.js';
import type { ServicePlan } from './service-plan.js';
import { SERVICE_STATUSES, SERVICE_TYPES } from './service.js';
import type { PreventionService } from './service.js';

const described = (description: string) => z.meta({ description });

// ── Services ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * What every service event carries: the service, where it stands and what it must meet next, so a subscriber
 * (a reminder, a regulator's dashboard) needs no read-back.
 */
const serviceFields = {
  serviceId: z.string().check(described('The service')),
  policyId: z.string().check(described('Its policy')),
  enterpriseUscc: z.string().check(described('The enterprise served')),
  county: z.string().check(described("ACL-4: the enterprise's area code")),
  type: z.enum(SERVICE_TYPES).check(described('SVC-3: the kind of service')),
  deep: z.boolean().check(described('体检式精查 (a deep hazard inspection)')),
  status: z.enum(SERVICE_STATUSES).check(described('Where the service stands after the change')),
  scheduledOn: localDateSchema.check(described('The day it is scheduled')),
  performedOn: z.optional(localDateSchema.check(described('The day performed, once completed'))),
  nextDueOn: z.optional(localDateSchema.check(described('SVC-8/SVC-9: the next deadline it must meet'))),
  nextDueKind: z.optional(z.enum(['FOLLOW_UP', 'ARCHIVE']).check(described('Which deadline nextDueOn is'))),
};
export const serviceEventPayload = z.object(serviceFields);
export type ServiceEventPayload = z.output<typeof serviceEventPayload>;

const completedPayload = z.object({ ...serviceFields, hazardIds: z.array(z.string()).check(described('SVC-7: the hazards found')) });
const archivedPayload = z.object({
  ...serviceFields,
  archiveId: z.string().check(described('SVC-10: the archive record')),
  sha256: z.string().check(described('SHA-256 of the archived record')),
  archiveKey: z.string().check(described('Where the record sits in the write-once store')),
});
const deadline = z.object({ dueOn: localDateSchema, provisional: z.boolean() });
const recomputedPayload = z.object({
  ...serviceFields,
  deadlines: z.optional(z.object({ followUp: deadline, archive: deadline }).check(described('CAL-2: the SVC-8/SVC-9 deadlines as recomputed'))),
});

/** The payload every service event starts from. */
export function servicePayloadOf(service: PreventionService): ServiceEventPayload {
  const due = nextDeadline(service);
  return {
    serviceId: service.id,
    policyId: service.policyId,
    enterpriseUscc: service.enterprise.uscc,
    county: service.enterprise.county,
    type: service.type,
    deep: service.deep,
    status: service.status,
    scheduledOn: service.scheduledOn,
    performedOn: service.record?.performedOn,
    nextDueOn: due?.dueOn,
    nextDueKind: due?.kind,
  };
}

const serviceEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'service', summary, payload: serviceEventPayload });

export const serviceScheduled = serviceEvent('services.service.scheduled', 'SVC-5: a service was scheduled on a policy');
export const serviceScheduleConfirmed = serviceEvent(
  'services.service.schedule_confirmed',
  "SVC-5: the enterprise agreed the service's items, measures and time",
);
export const serviceCompleted = defineEvent({
  name: 'services.service.completed',
  version: 1,
  aggregate: 'service',
  summary: 'SVC-9: the service was performed and its record written, with the hazards found',
  payload: completedPayload,
});
export const serviceFollowedUp = serviceEvent('services.service.followed_up', 'SVC-8: the follow-up (回访) was recorded');
export const serviceSigned = serviceEvent('services.service.signed', "SVC-9, SVC-13: one party signed the record; the other's signature is awaited");
export const serviceConfirmed = serviceEvent('services.service.confirmed', 'SVC-9, SVC-13: both insurer and enterprise signed the record');
export const serviceArchived = defineEvent({
  name: 'services.service.archived',
  version: 1,
  aggregate: 'service',
  summary: 'SVC-10: the confirmed record was archived write-once with its SHA-256',
  payload: archivedPayload,
});
export const serviceCancelled = serviceEvent('services.service.cancelled', 'SVC-5: a service not yet performed was cancelled');
export const serviceDeadlinesRecomputed = defineEvent({
  name: 'services.service.deadlines_recomputed',
  version: 1,
  aggregate: 'service',
  summary: "CAL-2: a service's provisional SVC-8/SVC-9 deadlines were recomputed with a newly loaded calendar year",
  payload: recomputedPayload,
});

// ── Service plans ───────────────────────────────────────────────────────────────────────────────────────────

export const planAgreed = defineEvent({
  name: 'services.plan.agreed',
  version: 1,
  aggregate: 'service-plan',
  summary: "SVC-4: a policy's service plan was agreed with the enterprise (a new version replaces the previous one)",
  payload: z.object({
    policyId: z.string().check(described('The policy the plan is for (the plan is identified by it)')),
    riskGrade: z.enum(RISK_GRADES).check(described("SVC-12: the enterprise's grade when the plan was saved")),
    agreedOn: localDateSchema.check(described('The day the enterprise agreed it')),
    lines: z.number().check(described('How many plan lines it has')),
  }),
});

/** SVC-4: the event of a plan just agreed. The plan is identified by its policy. */
export const planAgreedEvent = (plan: ServicePlan) =>
  planAgreed.of(
    { id: plan.policyId, version: plan.version, tenantId: plan.tenantId },
    { policyId: plan.policyId, riskGrade: plan.risk.grade, agreedOn: plan.agreedOn, lines: plan.items.length },
  );

// ── Hazards ─────────────────────────────────────────────────────────────────────────────────────────────────

export const hazardEventPayload = z.object({
  hazardId: z.string().check(described('The hazard')),
  serviceId: z.string().check(described('The service it was found on')),
  policyId: z.string(),
  uscc: z.string().check(described('The enterprise')),
  county: z.string().check(described("ACL-4: the enterprise's area code")),
  grade: z.enum(HAZARD_GRADES).check(described('SVC-7: 一般隐患 / 重大隐患')),
  status: z.enum(HAZARD_STATUSES).check(described('Where the hazard stands after the change')),
  rectifyBy: localDateSchema.check(described('The rectification deadline the inspector set')),
  dueOn: z.optional(localDateSchema.check(described("The day it must be rectified by (the enterprise's plan date once reported); absent once verified"))),
});
export type HazardEventPayload = z.output<typeof hazardEventPayload>;

/** The payload every hazard event but `major_found` carries. */
export function hazardPayloadOf(hazard: Hazard): HazardEventPayload {
  return {
    hazardId: hazard.id,
    serviceId: hazard.serviceId,
    policyId: hazard.policyId,
    uscc: hazard.enterprise.uscc,
    county: hazard.enterprise.county,
    grade: hazard.grade,
    status: hazard.status,
    rectifyBy: hazard.rectifyBy,
    dueOn: hazardDueOn(hazard),
  };
}

const hazardEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'hazard', summary, payload: hazardEventPayload });

export const hazardFound = hazardEvent('services.hazard.found', 'SVC-7: a hazard was found on a service and notified in writing');
export const hazardMajorFound = defineEvent({
  name: 'services.hazard.major_found',
  version: 1,
  aggregate: 'hazard',
  summary: "SVC-7: a MAJOR hazard was found — the regulators' alert, with the notice's addressee",
  payload: z.object({
    tenantId: z.string().check(described('The insurer that found it')),
    county: z.string().check(described("ACL-4: the enterprise's area code")),
    uscc: z.string(),
    enterpriseName: z.string(),
    hazardId: z.string(),
    serviceId: z.string(),
    policyId: z.string(),
    description: z.string(),
    rectifyBy: localDateSchema,
    addressedTo: z.string().check(described('The principal responsible person (主要负责人) the notice is addressed to')),
  }),
});
export const hazardRectificationReported = hazardEvent(
  'services.hazard.rectification_reported',
  'SVC-7: the rectification plan, due date and responsible person were reported (or revised)',
);
export const hazardRectified = hazardEvent('services.hazard.rectified', 'SVC-7: the hazard was reported closed, with evidence');
export const hazardReopened = hazardEvent('services.hazard.reopened', 'SVC-7: a verification found the hazard not rectified; back to RECTIFYING');
export const hazardVerified = hazardEvent('services.hazard.verified', 'SVC-7: the insurer verified the rectification; tracking ends');

/** SVC-7: the regulators' alert of a MAJOR hazard just issued. */
export const hazardMajorFoundEvent = (hazard: Hazard) =>
  hazardMajorFound.of(hazard, {
    tenantId: hazard.tenantId,
    county: hazard.enterprise.county,
    uscc: hazard.enterprise.uscc,
    enterpriseName: hazard.enterprise.name,
    hazardId: hazard.id,
    serviceId: hazard.serviceId,
    policyId: hazard.policyId,
    description: hazard.description,
    rectifyBy: hazard.rectifyBy,
    addressedTo: hazard.notice.addressedTo,
  });

// ── How a transition raises them ────────────────────────────────────────────────────────────────────────────
// Transitions (service-schedule.rules.ts, service-record.rules.ts, service-sign-off.rules.ts, hazard.rules.ts,
// service-plan.rules.ts, deadlines.ts) return the new state with the events the change raised
// (`Changed<…>`); the adapters only place them in the outbox, in the same transaction as the state.

/** A service after a transition, with the one event of `type` it raised, carrying where the service now stands. */
export const serviceChanged = (
  type: EventType<string, ServiceEventPayload>,
  service: PreventionService,
): Changed<PreventionService> => ({ state: service, events: [type.of(service, servicePayloadOf(service))] });

/** A hazard after a transition, with the one event of `type` it raised, carrying where the hazard now stands. */
export const hazardChanged = (type: EventType<string, HazardEventPayload>, hazard: Hazard): Changed<Hazard> => ({
  state: hazard,
  events: [type.of(hazard, hazardPayloadOf(hazard))],
});

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const serviceEvents = {
  serviceScheduled,
  serviceScheduleConfirmed,
  serviceCompleted,
  serviceFollowedUp,
  serviceSigned,
  serviceConfirmed,
  serviceArchived,
  serviceCancelled,
  serviceDeadlinesRecomputed,
  planAgreed,
  hazardFound,
  hazardMajorFound,
  hazardRectificationReported,
  hazardRectified,
  hazardReopened,
  hazardVerified,
} as const satisfies Readonly<Record<string, AnyEventType>>;
