import { isLocalDate, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { Expert } from '../register/expert.js';
import { serviceDeadlines } from './deadlines.js';
import { reviewFlagsOf } from './evidence-flags.js';
import type { Hazard, HazardNotice } from './hazard.js';
import type { PolicyFacts } from './policy-facts.js';
import type { CompleteServiceInput } from './service.schema.js';
import type { EvidenceItem, PreventionService, ServiceRecord } from './service.js';
import type { Changed, DomainEvent } from '../kernel/events.js';
import { hazardFound, hazardMajorFoundEvent, hazardPayloadOf, serviceCompleted, servicePayloadOf } from './events.js';
import { advance, dayOfInput, refuseUnless, requireInServiceYear, requirePooledExpert, requireText } from './service-guards.js';

/**
 * How far a device's "performed at" may run ahead of the server's clock: a phone a few minutes fast should not
 * make an honest record look like one from the future. The same allowance as complaints' receipt time.
 */
export const PERFORMED_AT_CLOCK_SKEW_MS = 5 * 60_000;

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
 * follow-up (SVC-8) and archive (SVC-9) deadlines are counted in working days from the day the service was
 * completed (服务完成以后: the day of `endedAt`, the last day of a multi-day service), and the SVC-13 review flags
 * are computed.
 *
 * The hazards come back as drafts: each needs its written notice (see `hazardNoticeDocument`) archived before
 * `issueHazard` makes it a {@link Hazard}.
 *
 * @throws RuleViolation (SVC-5, 409) when the schedule was never confirmed; (SVC-9, 409) in any other state
 * but SCHEDULE_CONFIRMED; (CAL-1, 400) for an unreadable instant; (SVC-9, 400) when performedAt is in the future,
 * endedAt is on a day still to come or before performedAt, or place / personnel / items are missing; (SVC-4, 409) when the day performed is
 * outside the policy's service year; (SVC-6, `personnel.<i>.expertId`, 409) for an expert not in the pool;
 * (SVC-7, 400) for a rectification deadline before the day found, or a MAJOR hazard without `principalName`.
 * @example
 * const { service: completed, events } = completeService(service, input, { now, by, calendar, ruleSet: XINZHOU_2024,
 *   hazardIds: [], evidence: [], experts: [] });
 * completed.deadlines?.followUp.dueOn; // '2024-10-16' for a service performed on 2024-09-27
 * // events: [services.service.completed], with the ids of the hazards found (each raises its own once issued)
 */
export function completeService(
  service: PreventionService,
  input: CompleteServiceInput,
  ctx: CompleteServiceContext,
): { service: PreventionService; hazards: readonly HazardDraft[]; events: readonly DomainEvent[] } {
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
  if (Date.parse(endedAt) < performedMs) {
    throw new RuleViolation('SVC-9', 'endedAt', `SVC-9: the service cannot end (${endedAt}) before it began (${input.performedAt})`, 400);
  }
  // SVC-8, SVC-9: the deadlines count from the day the service ended, so an end on a day still to come would push
  // them out. Later today is tolerated, as the default end (the end of the day performed) already is.
  const completedOn = dayOfInput(endedAt, 'endedAt');
  if (completedOn > shanghaiDateOf(new Date(nowMs + PERFORMED_AT_CLOCK_SKEW_MS))) {
    throw new RuleViolation('SVC-9', 'endedAt', `SVC-9: a service is recorded once it has been completed; ${endedAt} is on a day still to come`, 400);
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
      deadlines: serviceDeadlines(completedOn, ctx.ruleSet, ctx.calendar),
      reviewFlags: reviewFlagsOf({ record, evidence, confirmations: service.confirmations }),
    },
    ctx.now,
  );
  const event = serviceCompleted.of(completed, { ...servicePayloadOf(completed), hazardIds: [...completed.hazardIds] });
  return { service: completed, hazards, events: [event] };
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
 * the notice's `addressedTo`. Raises `services.hazard.found` and, for a MAJOR hazard, the regulators' alert
 * `services.hazard.major_found` (at the hazard's version: the adapter places it beside the hazard's notice).
 *
 * @example
 * issueHazard(draft, { archiveId, archiveKey, sha256, issuedAt, addressedTo: '张三' }).state.notice.addressedTo; // '张三'
 */
export function issueHazard(draft: HazardDraft, notice: HazardNotice): Changed<Hazard> {
  const { principalName: _principalName, ...rest } = draft;
  const hazard: Hazard = { ...rest, notice };
  const found = hazardFound.of(hazard, hazardPayloadOf(hazard));
  return { state: hazard, events: hazard.grade === 'MAJOR' ? [found, hazardMajorFoundEvent(hazard)] : [found] };
}
