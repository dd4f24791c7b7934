import { addDays, isLocalDate, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { Expert } from '../register/expert.js';
import { isServiceOrgUsableOn } from '../register/service-org.js';
import type { ServiceOrg } from '../register/service-org.js';
import type { Policy } from '../underwriting/policy.js';
import { serviceDeadlines } from './deadlines.js';
import { reviewFlagsOf } from './evidence-flags.js';
import type { Hazard, HazardNotice } from './hazard.js';
import type {
  CompleteServiceInput,
  ConfirmRecordInput,
  ConfirmScheduleInput,
  FollowUpInput,
  ScheduleServiceInput,
} from './inputs.js';
import type {
  EvidenceItem,
  PreventionService,
  ServedEnterprise,
  ServiceProvider,
  ServiceRecord,
  ServiceStatus,
  Signature,
} from './service.js';
import { instantOf } from '../kernel/calendar/instant.js';

export { reviewFlagsOf } from './evidence-flags.js';

/**
 * How far a device's "performed at" may run ahead of the server's clock: a phone a few minutes fast should not
 * make an honest record look like one from the future. The same allowance as complaints' receipt time.
 */
export const PERFORMED_AT_CLOCK_SKEW_MS = 5 * 60_000;

/** What the services context needs of a policy (a snapshot taken when a service is scheduled). */
export interface PolicyFacts {
  readonly id: string;
  readonly tenantId: string;
  readonly policyNumber: string;
  readonly enterprise: ServedEnterprise;
  readonly periodStart: LocalDate;
  /** The last day covered (inclusive). */
  readonly periodEnd: LocalDate;
  readonly status: 'ISSUED' | 'CANCELLED';
  /** The first day no longer covered, when cancelled. */
  readonly cancelledOn?: LocalDate;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
}

/**
 * The facts of an underwriting policy the services rules read.
 *
 * @example
 * policyFactsOf(policy).enterprise.industry; // 'COAL_MINE'
 */
export function policyFactsOf(policy: Policy): PolicyFacts {
  const { uscc, name, county, industry, size } = policy.enterprise;
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    policyNumber: policy.policyNumber,
    enterprise: { uscc, name, county, industry, size },
    periodStart: policy.periodStart,
    periodEnd: policy.periodEnd,
    status: policy.status,
    ...(policy.cancellation === undefined ? {} : { cancelledOn: policy.cancellation.on }),
    ruleSetId: policy.ruleSetId,
    ruleSetVersion: policy.ruleSetVersion,
  };
}

/**
 * SVC-1, SVC-4: the days a policy's service year covers. A cancellation records the first day no longer
 * covered, so a cancelled policy's year ends the day before it (or at `periodEnd` when that is earlier).
 *
 * @example
 * serviceYearOf({ periodStart: '2024-07-01', periodEnd: '2025-06-30', cancelledOn: '2025-01-01' });
 * // { start: '2024-07-01', end: '2024-12-31' }
 */
export function serviceYearOf(policy: Pick<PolicyFacts, 'periodStart' | 'periodEnd' | 'cancelledOn'>): { start: LocalDate; end: LocalDate } {
  if (policy.cancelledOn === undefined) return { start: policy.periodStart, end: policy.periodEnd };
  const lastCovered = addDays(policy.cancelledOn, -1);
  return { start: policy.periodStart, end: lastCovered < policy.periodEnd ? lastCovered : policy.periodEnd };
}


/** The Asia/Shanghai day of an input instant; an unreadable one is the caller's 400 under CAL-1. */
function dayOfInput(instant: string, field: string): LocalDate {
  try {
    return shanghaiDateOf(instant);
  } catch {
    throw new RuleViolation('CAL-1', field, `CAL-1: ${field} must be an ISO 8601 instant with Z or an offset, got ${JSON.stringify(instant)}`, 400);
  }
}

function requireText(value: string | undefined, rule: string, field: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new RuleViolation(rule, field, `${rule}: ${what} is required`, 400);
  return value;
}

/** Every transition: a new value, one version later, stamped with the time it happened. */
function advance(service: PreventionService, changes: Partial<PreventionService>, now: Date): PreventionService {
  return { ...service, ...changes, updatedAt: instantOf(now), version: service.version + 1 };
}

function refuseUnless(service: PreventionService, allowed: readonly ServiceStatus[], rule: string, action: string): void {
  if (!allowed.includes(service.status)) {
    throw new RuleViolation(
      rule,
      'status',
      `${rule}: service ${service.id} is ${service.status}; it can be ${action} only when ${allowed.join(' or ')}`,
      409,
    );
  }
}

/** SVC-6: an expert named on a service must be in the city pool (REG-3) and not removed from it. */
function requirePooledExpert(expertId: string, experts: readonly Expert[], field: string): void {
  const expert = experts.find((candidate) => candidate.id === expertId);
  if (expert === undefined) {
    throw new RuleViolation('SVC-6', field, `SVC-6: expert ${expertId} is not in the city expert pool (REG-3)`, 409);
  }
  if (expert.status !== 'ACTIVE') {
    throw new RuleViolation('SVC-6', field, `SVC-6: expert ${expertId} (${expert.name}) is ${expert.status} from the city expert pool (REG-3)`, 409);
  }
}

/**
 * SVC-6: the provider as scheduled — the insurer's own team, or a third-party organisation registered with the
 * city EMB (REG-2), ACTIVE and valid on the day of the service. The organisation's name and registration number
 * are kept as they were, so the record keeps saying who was engaged even if the register changes.
 */
function providerOf(
  provider: ScheduleServiceInput['provider'],
  org: ServiceOrg | undefined,
  on: LocalDate,
): ServiceProvider {
  if (provider.kind === 'OWN') {
    if (provider.orgId !== undefined) {
      throw new RuleViolation('SVC-6', 'provider.orgId', "SVC-6: a service by the insurer's own team names no third-party organisation", 400);
    }
    return { kind: 'OWN' };
  }
  if (provider.orgId === undefined || provider.orgId.trim() === '') {
    throw new RuleViolation('SVC-6', 'provider.orgId', 'SVC-6: a third-party provider must be named by its REG-2 registration id', 400);
  }
  if (org === undefined || org.id !== provider.orgId) {
    throw new RuleViolation('SVC-6', 'provider.orgId', `SVC-6: organisation ${provider.orgId} is not registered with the city EMB (REG-2)`, 409);
  }
  if (!isServiceOrgUsableOn(org, on)) {
    const why = org.status !== 'ACTIVE' ? `is ${org.status}` : `is registered only from ${org.validFrom} to ${org.validTo}`;
    throw new RuleViolation('SVC-6', 'provider.orgId', `SVC-6: organisation ${org.name} (${org.registrationNumber}) ${why}, so it cannot provide a service on ${on}`, 409);
  }
  return { kind: 'THIRD_PARTY', orgId: org.id, orgName: org.name, registrationNumber: org.registrationNumber };
}

/** SVC-4: a service belongs to a day of its policy's service year. */
function requireInServiceYear(policy: PolicyFacts, on: LocalDate, field: string, what: string): void {
  const year = serviceYearOf(policy);
  if (on < year.start || on > year.end) {
    throw new RuleViolation(
      'SVC-4',
      field,
      `SVC-4: ${what} ${on} is outside policy ${policy.policyNumber}'s service year ${year.start} – ${year.end}`,
      409,
    );
  }
}

export interface ScheduleServiceContext {
  /** The new service's id, generated by the caller (the domain has no randomness). */
  readonly id: string;
  readonly policy: PolicyFacts;
  /** The REG-2 organisation looked up by `input.provider.orgId`; undefined when none is registered under it. */
  readonly org?: ServiceOrg;
  /** The REG-3 experts found for `input.expertIds`; missing ones are simply absent. */
  readonly experts: readonly Expert[];
  readonly now: Date;
  readonly by: string;
}

/**
 * SVC-3, SVC-4, SVC-5, SVC-6: a service planned on a policy, SCHEDULED at version 1, to be confirmed with the
 * enterprise (SVC-5) before it is performed.
 *
 * @throws RuleViolation (SVC-3, `deep`, 400) for 体检式精查 on anything but a hazard inspection;
 * (CAL-1, `scheduledAt`, 400) for an instant without an offset; (SVC-4, 409) when the policy is cancelled or
 * the day is outside its service year; (SVC-6, `provider.orgId`, 400) for a THIRD_PARTY provider without
 * `orgId` or an OWN one with it; (SVC-6, `provider.orgId`, 409) when the organisation is not registered, not
 * ACTIVE or not valid on the day; (SVC-6, `expertIds.<i>`, 409) for an expert not in the pool or REMOVED.
 * @example
 * const service = scheduleService(
 *   { policyId: 'p-1', type: 'HAZARD_INSPECTION', deep: true, scheduledAt: '2024-09-27T09:00:00+08:00',
 *     provider: { kind: 'OWN' }, expertIds: ['e-1'], plannedItems: ['通风系统'] },
 *   { id: 's-1', policy, experts: [expert], now, by: 'u-1' },
 * );
 * service.status; // 'SCHEDULED'
 */
export function scheduleService(input: ScheduleServiceInput, ctx: ScheduleServiceContext): PreventionService {
  const deep = input.deep ?? false;
  if (deep && input.type !== 'HAZARD_INSPECTION') {
    throw new RuleViolation('SVC-3', 'deep', `SVC-3: only a hazard inspection can be deep (体检式精查), not ${input.type}`, 400);
  }
  const scheduledOn = dayOfInput(input.scheduledAt, 'scheduledAt');
  const { policy } = ctx;
  if (policy.status !== 'ISSUED') {
    throw new RuleViolation('SVC-4', 'policyId', `SVC-4: policy ${policy.policyNumber} is ${policy.status}; services are scheduled only on an issued policy`, 409);
  }
  requireInServiceYear(policy, scheduledOn, 'scheduledAt', 'the scheduled day');
  const provider = providerOf(input.provider, ctx.org, scheduledOn);
  input.expertIds.forEach((expertId, index) => {
    if (input.expertIds.indexOf(expertId) !== index) {
      throw new RuleViolation('SVC-6', `expertIds.${index}`, `SVC-6: expert ${expertId} is named twice`, 400);
    }
    requirePooledExpert(expertId, ctx.experts, `expertIds.${index}`);
  });
  const at = instantOf(ctx.now);
  return {
    id: ctx.id,
    tenantId: policy.tenantId,
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    enterprise: policy.enterprise,
    type: input.type,
    deep,
    status: 'SCHEDULED',
    scheduledAt: input.scheduledAt,
    scheduledOn,
    provider,
    expertIds: [...input.expertIds],
    plannedItems: [...input.plannedItems],
    ...(input.plannedMeasures === undefined ? {} : { plannedMeasures: input.plannedMeasures }),
    evidence: [],
    hazardIds: [],
    confirmations: {},
    reviewFlags: [],
    ruleSetId: policy.ruleSetId,
    ruleSetVersion: policy.ruleSetVersion,
    createdAt: at,
    createdBy: ctx.by,
    updatedAt: at,
    version: 1,
  };
}

/**
 * SVC-5: the enterprise agreed the items, measures and time — recorded by insurer staff (phone, visit) or by
 * the enterprise itself in its console.
 *
 * @throws RuleViolation (SVC-5, `status`, 409) unless the service is SCHEDULED; (SVC-5, `confirmedByName`, 400)
 * when no one is named.
 * @example
 * confirmSchedule(service, { confirmedByName: '李矿长' }, { recordedBy: 'ENTERPRISE', now, by: 'u-9' }).status;
 * // 'SCHEDULE_CONFIRMED'
 */
export function confirmSchedule(
  service: PreventionService,
  input: ConfirmScheduleInput,
  ctx: { readonly recordedBy: 'INSURER' | 'ENTERPRISE'; readonly now: Date; readonly by: string },
): PreventionService {
  refuseUnless(service, ['SCHEDULED'], 'SVC-5', 'confirmed with the enterprise');
  const confirmedByName = requireText(input.confirmedByName, 'SVC-5', 'confirmedByName', "the name of the enterprise's person who agreed the schedule");
  return advance(
    service,
    {
      status: 'SCHEDULE_CONFIRMED',
      scheduleConfirmation: { recordedBy: ctx.recordedBy, confirmedByName, at: instantOf(ctx.now), userId: ctx.by },
    },
    ctx.now,
  );
}

/** SVC-7: a hazard found on a service, before its written notice is archived (the notice needs its id). */
export type HazardDraft = Omit<Hazard, 'notice'> & {
  /** SVC-7: the enterprise's principal responsible person (主要负责人) a MAJOR hazard's notice is addressed to. */
  readonly principalName?: string;
};

export interface CompleteServiceContext {
  readonly now: Date;
  readonly by: string;
  readonly calendar: WorkingDayCalendar;
  /** The rule set recorded on the service (RULES-1). */
  readonly ruleSet: RuleSet;
  /** One pre-generated id per `input.hazards` entry, in order. */
  readonly hazardIds: readonly string[];
  /** `input.evidence` resolved by the adapter (uploaded, digest checked). */
  readonly evidence: readonly EvidenceItem[];
  /** The REG-3 experts found for the personnel's `expertId`s. */
  readonly experts: readonly Expert[];
  /**
   * The service's policy, when the caller has it: then the day performed must lie in its service year (SVC-4).
   * Optional because the service was already checked against it when scheduled.
   */
  readonly policy?: PolicyFacts;
}

/** The end of the Asia/Shanghai day `day`, written with its offset. */
function endOfShanghaiDay(day: LocalDate): string {
  return `${day}T23:59:59.999+08:00`;
}

/**
 * SVC-7, SVC-8, SVC-9, SVC-13: the service was performed and its record written — time, place, personnel,
 * items, measures and process, with its evidence and the hazards found. SCHEDULE_CONFIRMED → COMPLETED. The
 * follow-up (SVC-8) and archive (SVC-9) deadlines are counted in working days from the day performed, and the
 * SVC-13 review flags are computed.
 *
 * The hazards come back as drafts: each needs its written notice (see `hazardNoticeDocument`) archived before
 * `issueHazard` makes it a {@link Hazard}.
 *
 * @throws RuleViolation (SVC-5, 409) when the schedule was never confirmed; (SVC-9, 409) in any other state
 * but SCHEDULE_CONFIRMED; (CAL-1, 400) for an unreadable instant; (SVC-9, 400) when performedAt is in the
 * future, endedAt is before it, or place / personnel / items are missing; (SVC-4, 409) when the day performed is
 * outside the policy's service year; (SVC-6, `personnel.<i>.expertId`, 409) for an expert not in the pool;
 * (SVC-7, 400) for a rectification deadline before the day found, or a MAJOR hazard without `principalName`.
 * @example
 * const { service: completed } = completeService(service, input, { now, by, calendar, ruleSet: XINZHOU_2024,
 *   hazardIds: [], evidence: [], experts: [] });
 * completed.deadlines?.followUp.dueOn; // '2024-10-16' for a service performed on 2024-09-27
 */
export function completeService(
  service: PreventionService,
  input: CompleteServiceInput,
  ctx: CompleteServiceContext,
): { service: PreventionService; hazards: readonly HazardDraft[] } {
  if (service.status === 'SCHEDULED') {
    throw new RuleViolation('SVC-5', 'status', `SVC-5: service ${service.id} is SCHEDULED; its items, measures and time are confirmed with the enterprise before it is performed`, 409);
  }
  refuseUnless(service, ['SCHEDULE_CONFIRMED'], 'SVC-9', 'completed');
  if (ctx.ruleSet.id !== service.ruleSetId || ctx.ruleSet.version !== service.ruleSetVersion) {
    throw new RuleViolation('RULES-1', undefined, `RULES-1: service ${service.id} was scheduled under rule set ${service.ruleSetId} v${service.ruleSetVersion}, not ${ctx.ruleSet.id} v${ctx.ruleSet.version}`, 409);
  }
  if (ctx.hazardIds.length !== input.hazards.length) {
    throw new RangeError(`completeService needs one hazard id per hazard: ${input.hazards.length} hazards, ${ctx.hazardIds.length} ids`);
  }

  const performedOn = dayOfInput(input.performedAt, 'performedAt');
  const performedMs = Date.parse(input.performedAt);
  const nowMs = ctx.now.getTime();
  if (performedMs > nowMs + PERFORMED_AT_CLOCK_SKEW_MS) {
    throw new RuleViolation('SVC-9', 'performedAt', `SVC-9: a service cannot be recorded as performed in the future (${input.performedAt})`, 400);
  }
  const endedAt = input.endedAt ?? endOfShanghaiDay(performedOn);
  dayOfInput(endedAt, 'endedAt');
  if (Date.parse(endedAt) < performedMs) {
    throw new RuleViolation('SVC-9', 'endedAt', `SVC-9: the service cannot end (${endedAt}) before it began (${input.performedAt})`, 400);
  }
  if (ctx.policy !== undefined) requireInServiceYear(ctx.policy, performedOn, 'performedAt', 'the day performed');

  const place = requireText(input.place, 'SVC-9', 'place', 'the place of the service');
  if (input.personnel.length === 0) {
    throw new RuleViolation('SVC-9', 'personnel', 'SVC-9: the record names at least one person who performed the service', 400);
  }
  input.personnel.forEach((person, index) => {
    requireText(person.name, 'SVC-9', `personnel.${index}.name`, "each person's name");
    if (person.expertId !== undefined) requirePooledExpert(person.expertId, ctx.experts, `personnel.${index}.expertId`);
  });
  if (input.items.length === 0) {
    throw new RuleViolation('SVC-9', 'items', 'SVC-9: the record lists at least one item served', 400);
  }

  const hasMajor = input.hazards.some((hazard) => hazard.grade === 'MAJOR');
  if (hasMajor && (input.principalName === undefined || input.principalName.trim() === '')) {
    throw new RuleViolation('SVC-7', 'principalName', "SVC-7: a MAJOR hazard is notified to the enterprise's principal responsible person (主要负责人); name them", 400);
  }
  input.hazards.forEach((hazard, index) => {
    requireText(hazard.description, 'SVC-7', `hazards.${index}.description`, "the hazard's description");
    if (!isLocalDate(hazard.rectifyBy)) {
      throw new RuleViolation('CAL-1', `hazards.${index}.rectifyBy`, 'CAL-1: rectifyBy must be a calendar date written YYYY-MM-DD', 400);
    }
    if (hazard.rectifyBy < performedOn) {
      throw new RuleViolation('SVC-7', `hazards.${index}.rectifyBy`, `SVC-7: the rectification deadline ${hazard.rectifyBy} is before the day the hazard was found (${performedOn})`, 400);
    }
  });

  const at = instantOf(ctx.now);
  const record: ServiceRecord = {
    performedAt: input.performedAt,
    endedAt,
    performedOn,
    place,
    personnel: input.personnel.map((person) => ({ ...person })),
    items: [...input.items],
    measures: input.measures,
    process: input.process,
    completedAt: at,
    completedBy: ctx.by,
  };
  const { uscc, name, county } = service.enterprise;
  const hazards: HazardDraft[] = input.hazards.map((hazard, index) => ({
    id: ctx.hazardIds[index] as string,
    tenantId: service.tenantId,
    serviceId: service.id,
    policyId: service.policyId,
    enterprise: { uscc, name, county },
    description: hazard.description,
    grade: hazard.grade,
    rectifyBy: hazard.rectifyBy,
    status: 'OPEN',
    foundOn: performedOn,
    verifications: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...(input.principalName === undefined ? {} : { principalName: input.principalName }),
  }));
  const evidence = [...ctx.evidence];
  const completed = advance(
    service,
    {
      status: 'COMPLETED',
      record,
      evidence,
      hazardIds: [...ctx.hazardIds],
      deadlines: serviceDeadlines(performedOn, ctx.ruleSet, ctx.calendar),
      reviewFlags: reviewFlagsOf({ record, evidence, confirmations: service.confirmations }),
    },
    ctx.now,
  );
  return { service: completed, hazards };
}

/**
 * SVC-13: the completed record with its evidence, once the adapter has resolved the uploads — so the record's
 * rules are checked before any upload is looked at, and only once. The review flags follow the evidence.
 */
export function withEvidence(completed: PreventionService, evidence: readonly EvidenceItem[]): PreventionService {
  const items = [...evidence];
  return { ...completed, evidence: items, reviewFlags: reviewFlagsOf({ record: completed.record, evidence: items, confirmations: completed.confirmations }) };
}

/**
 * SVC-7: the hazard once its written notice (隐患整改通知书) is in the archive. The principal's name lives on in
 * the notice's `addressedTo`.
 *
 * @example
 * issueHazard(draft, { archiveId, archiveKey, sha256, issuedAt, addressedTo: '张三' }).notice.addressedTo; // '张三'
 */
export function issueHazard(draft: HazardDraft, notice: HazardNotice): Hazard {
  const { principalName: _principalName, ...hazard } = draft;
  return { ...hazard, notice };
}

/**
 * SVC-8: the follow-up (回访) — channel, satisfaction 1..5 and comments. COMPLETED → FOLLOWED_UP. A follow-up
 * after its due date is recorded, marked late, never refused: refusing would only hide that it happened.
 *
 * @throws RuleViolation (SVC-8, `status`, 409) unless COMPLETED; (SVC-8, `satisfaction`, 400) outside 1..5.
 * @example
 * recordFollowUp(completed, { channel: 'PHONE', satisfaction: 5, comments: '满意' }, { now, by }).followUp?.late; // false
 */
export function recordFollowUp(
  service: PreventionService,
  input: FollowUpInput,
  ctx: { readonly now: Date; readonly by: string },
): PreventionService {
  refuseUnless(service, ['COMPLETED'], 'SVC-8', 'followed up');
  if (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > 5) {
    throw new RuleViolation('SVC-8', 'satisfaction', `SVC-8: satisfaction is a whole score from 1 to 5, got ${input.satisfaction}`, 400);
  }
  const today = shanghaiDateOf(ctx.now);
  const dueOn = service.deadlines?.followUp.dueOn;
  return advance(
    service,
    {
      status: 'FOLLOWED_UP',
      followUp: {
        channel: input.channel,
        satisfaction: input.satisfaction,
        comments: input.comments,
        at: instantOf(ctx.now),
        by: ctx.by,
        late: dueOn !== undefined && today > dueOn,
      },
    },
    ctx.now,
  );
}

/**
 * SVC-9, SVC-13: one party's confirmation of the record — a named person's signature. The record stays
 * FOLLOWED_UP until both insurer and enterprise have signed, then it is CONFIRMED. A signature dated before the
 * record was written is accepted and flagged (CONFIRMATION_BEFORE_RECORD).
 *
 * @throws RuleViolation (SVC-9, `status`, 409) unless FOLLOWED_UP; (SVC-9, `party`, 409) when that party has
 * already signed; (SVC-9, `signerName`, 400) when no one is named; (CAL-1, `signedAt`, 400) for an unreadable
 * instant.
 * @example
 * const once = confirmRecord(followedUp, { party: 'INSURER', signerName: '王五', signedAt }, { now, by });
 * confirmRecord(once, { party: 'ENTERPRISE', signerName: '李四', signedAt }, { now, by }).status; // 'CONFIRMED'
 */
export function confirmRecord(
  service: PreventionService,
  input: ConfirmRecordInput,
  ctx: { readonly now: Date; readonly by: string },
): PreventionService {
  refuseUnless(service, ['FOLLOWED_UP'], 'SVC-9', 'confirmed');
  const key = input.party === 'INSURER' ? 'insurer' : 'enterprise';
  if (service.confirmations[key] !== undefined) {
    throw new RuleViolation('SVC-9', 'party', `SVC-9: the ${key} has already confirmed service ${service.id}'s record`, 409);
  }
  const signerName = requireText(input.signerName, 'SVC-9', 'signerName', 'the name of the person who signs');
  dayOfInput(input.signedAt, 'signedAt');
  const signature: Signature = {
    party: input.party,
    signerName,
    ...(input.signerTitle === undefined ? {} : { signerTitle: input.signerTitle }),
    signedAt: input.signedAt,
    recordedAt: instantOf(ctx.now),
    userId: ctx.by,
  };
  const confirmations = { ...service.confirmations, [key]: signature };
  const both = confirmations.insurer !== undefined && confirmations.enterprise !== undefined;
  return advance(
    service,
    {
      status: both ? 'CONFIRMED' : 'FOLLOWED_UP',
      confirmations,
      reviewFlags: reviewFlagsOf({ record: service.record, evidence: service.evidence, confirmations }),
    },
    ctx.now,
  );
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * SVC-9, SVC-10: the confirmed record is in the write-once archive under `archiveId` with digest `sha256`.
 * CONFIRMED → ARCHIVED. Archiving after the SVC-9 due date is recorded as late, never refused.
 *
 * @throws RuleViolation (SVC-9, `status`, 409) unless CONFIRMED; (SVC-10, `sha256`, 400) for a digest that is
 * not 64 lower-case hex digits.
 * @example
 * archiveService(confirmed, { now, by, archiveId: 'a-1', sha256 }).archive?.late; // false
 */
/** SVC-9: only a record confirmed by both parties is archived — checked before a byte goes to the write-once store. */
export function requireArchivable(service: PreventionService): void {
  refuseUnless(service, ['CONFIRMED'], 'SVC-9', 'archived');
}

export function archiveService(
  service: PreventionService,
  ctx: { readonly now: Date; readonly by: string; readonly archiveId: string; readonly sha256: string },
): PreventionService {
  requireArchivable(service);
  if (!SHA256_HEX.test(ctx.sha256)) {
    throw new RuleViolation('SVC-10', 'sha256', 'SVC-10: the archive digest must be a lower-case hex SHA-256', 400);
  }
  const archivedOn = shanghaiDateOf(ctx.now);
  const dueOn = service.deadlines?.archive.dueOn;
  return advance(
    service,
    {
      status: 'ARCHIVED',
      archive: {
        archiveId: ctx.archiveId,
        archivedAt: instantOf(ctx.now),
        archivedOn,
        sha256: ctx.sha256,
        late: dueOn !== undefined && archivedOn > dueOn,
      },
    },
    ctx.now,
  );
}

/**
 * SVC-5: a service that will not take place. Only one not yet performed can be cancelled: a performed service
 * has a record, and records are kept (SVC-10).
 *
 * @throws RuleViolation (SVC-5, `status`, 409) unless SCHEDULED or SCHEDULE_CONFIRMED; (SVC-5, `reason`, 400)
 * without a reason.
 * @example
 * cancelService(service, '企业停产检修', { now, by }).status; // 'CANCELLED'
 */
export function cancelService(
  service: PreventionService,
  reason: string,
  ctx: { readonly now: Date; readonly by: string },
): PreventionService {
  refuseUnless(service, ['SCHEDULED', 'SCHEDULE_CONFIRMED'], 'SVC-5', 'cancelled');
  requireText(reason, 'SVC-5', 'reason', 'the reason for cancelling');
  return advance(service, { status: 'CANCELLED', cancellation: { reason, at: instantOf(ctx.now), by: ctx.by } }, ctx.now);
}

/**
 * SVC-8, SVC-9: the next date the service must meet — the follow-up while COMPLETED, the archive while
 * FOLLOWED_UP or CONFIRMED, none otherwise. It drives the "services due" index.
 *
 * @example
 * nextDeadline(completed); // { dueOn: '2024-10-16', kind: 'FOLLOW_UP', provisional: false }
 */
export function nextDeadline(
  service: Pick<PreventionService, 'status' | 'deadlines'>,
): { dueOn: LocalDate; kind: 'FOLLOW_UP' | 'ARCHIVE'; provisional: boolean } | undefined {
  const deadlines = service.deadlines;
  if (deadlines === undefined) return undefined;
  if (service.status === 'COMPLETED') return { dueOn: deadlines.followUp.dueOn, kind: 'FOLLOW_UP', provisional: deadlines.followUp.provisional };
  if (service.status === 'FOLLOWED_UP' || service.status === 'CONFIRMED') {
    return { dueOn: deadlines.archive.dueOn, kind: 'ARCHIVE', provisional: deadlines.archive.provisional };
  }
  return undefined;
}
