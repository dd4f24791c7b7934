import { addMonths } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import { RuleViolation } from '../kernel/errors.js';
import { obligationIndustryOf } from '../kernel/industry.js';
import type { Industry } from '../kernel/industry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { ObligationStatus, Requirement, RequirementKey, RequirementStatus } from './obligations.schema.js';
import type { PlanItem } from './service-plan.js';
import { SERVICE_TYPES } from './service.js';
import type { ServiceStatus, ServiceType } from './service.js';

/** What the engine needs of a policy. Dates are well-formed `YYYY-MM-DD` (as stored); they are not re-checked. */
export interface PolicyForObligations {
  readonly id: string;
  /** RULES-1: the version recorded at issue; the engine is given that version, never the one in force on `periodStart`. */
  readonly ruleSetId?: string;
  readonly ruleSetVersion?: number;
  readonly industry: Industry;
  readonly size: EnterpriseSize;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** The first day no longer covered, when the policy was cancelled. */
  readonly cancelledOn?: LocalDate;
}

/** What the engine needs of a service. */
export interface ServiceForObligations {
  readonly type: ServiceType;
  readonly deep: boolean;
  readonly status: ServiceStatus;
  /** The Asia/Shanghai day performed, once completed. */
  readonly performedOn?: LocalDate;
}

/** The parts of an issued policy {@link policyForObligations} reads (the underwriting context's policy has them). */
export interface ObligedPolicy {
  readonly id: string;
  readonly enterprise: { readonly industry: Industry; readonly size: EnterpriseSize };
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly cancellation?: { readonly on: LocalDate };
  readonly ruleSetId?: string;
  readonly ruleSetVersion?: number;
}

/** The engine's view of a policy: one mapping for every reader (the route, the daily run, the supervision counters). */
export function policyForObligations(policy: ObligedPolicy): PolicyForObligations {
  return {
    id: policy.id,
    industry: policy.enterprise.industry,
    size: policy.enterprise.size,
    periodStart: policy.periodStart,
    periodEnd: policy.periodEnd,
    ...(policy.cancellation ? { cancelledOn: policy.cancellation.on } : {}),
    ...(policy.ruleSetId === undefined ? {} : { ruleSetId: policy.ruleSetId }),
    ...(policy.ruleSetVersion === undefined ? {} : { ruleSetVersion: policy.ruleSetVersion }),
  };
}

/** The engine's view of a service: what counts toward SVC-1/SVC-2 is its type, depth, status and the day performed. */
export function serviceForObligations(service: {
  readonly type: ServiceType;
  readonly deep: boolean;
  readonly status: ServiceStatus;
  readonly record?: { readonly performedOn: LocalDate };
}): ServiceForObligations {
  return { type: service.type, deep: service.deep, status: service.status, ...(service.record ? { performedOn: service.record.performedOn } : {}) };
}

// ── Date arithmetic on `YYYY-MM-DD` without parsing through a RegExp or making a Date ──────────────────────

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;

/** Days since 1970-01-01 of a well-formed date (H. Hinnant's days_from_civil), read straight from its chars. */
function dayNumberOf(date: LocalDate): number {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The inverse of {@link dayNumberOf} (civil_from_days). */
function dateOfDayNumber(days: number): LocalDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Cancellations fall on a few hundred distinct days; the day before each is computed once. */
const dayBeforeCache = new Map<LocalDate, LocalDate>();

function dayBefore(date: LocalDate): LocalDate {
  let before = dayBeforeCache.get(date);
  if (before === undefined) {
    before = dateOfDayNumber(dayNumberOf(date) - 1);
    dayBeforeCache.set(date, before);
  }
  return before;
}

// ── Per-rule-set lookups, computed once per rule set ─────────────────────────────────────────────────────

interface CompiledRuleSet {
  /** SVC-2: periodStart → the last day the first service may be performed on. */
  readonly firstServiceDue: Map<LocalDate, LocalDate>;
  readonly firstServiceMonths: number;
}

const compiledRuleSets = new WeakMap<RuleSet, CompiledRuleSet>();
let lastRuleSet: RuleSet | undefined;
let lastCompiled: CompiledRuleSet | undefined;

function compiled(ruleSet: RuleSet): CompiledRuleSet {
  if (ruleSet === lastRuleSet && lastCompiled !== undefined) return lastCompiled;
  let entry = compiledRuleSets.get(ruleSet);
  if (entry === undefined) {
    entry = { firstServiceDue: new Map(), firstServiceMonths: ruleSet.firstServiceMonths };
    compiledRuleSets.set(ruleSet, entry);
  }
  lastRuleSet = ruleSet;
  lastCompiled = entry;
  return entry;
}

/**
 * SVC-2: "保单生效后3个月内" — the first three months of cover. Cover starts at 00:00 of `periodStart`, so that
 * day is whole and counts, as it does for the policy period (a one-year policy ends the day before its
 * anniversary). That is Civil Code art. 201/202 counted from the day before the start (art. 201 leaves out only
 * a part day): the last day is the same date `firstServiceMonths` on from the day before, or the month's last
 * day when there is none (art. 202). 2024-07-01 → 2024-09-30; 2024-11-30 → 2025-02-28. Not moved off a holiday
 * (art. 203): the window is a slice of the policy period, which is not moved either. See DOMAIN-NOTES.md.
 */
function firstServiceDueOf(rules: CompiledRuleSet, periodStart: LocalDate): LocalDate {
  let due = rules.firstServiceDue.get(periodStart);
  if (due === undefined) {
    due = addMonths(dayBefore(periodStart), rules.firstServiceMonths);
    rules.firstServiceDue.set(periodStart, due);
  }
  return due;
}

/** SVC-4: a plan line's requirement key, made once per type rather than per policy. */
const PLAN_KEYS = {} as Record<ServiceType, RequirementKey>;
const PLAN_DEEP_KEYS = {} as Record<ServiceType, RequirementKey>;
for (const type of SERVICE_TYPES) {
  PLAN_KEYS[type] = `PLAN:${type}`;
  PLAN_DEEP_KEYS[type] = `PLAN:${type}:DEEP`;
}

function statusOf(required: number, done: number, dueBy: LocalDate, today: LocalDate): RequirementStatus {
  if (done >= required) return 'DONE';
  return today > dueBy ? 'OVERDUE' : 'OPEN';
}

/** One requirement of the year; two literal shapes (with and without `deep`) keep the objects monomorphic. */
function requirement(
  key: RequirementKey,
  rule: 'SVC-1' | 'SVC-4',
  type: ServiceType,
  deep: boolean | undefined,
  required: number,
  done: number,
  inProgress: number,
  dueBy: LocalDate,
  daysLeft: number,
  today: LocalDate,
): Requirement {
  const open = done >= required ? 0 : required - done;
  const status = statusOf(required, done, dueBy, today);
  return deep === undefined
    ? { key, rule, type, required, done, open, inProgress, dueBy, daysLeft, status }
    : { key, rule, type, deep, required, done, open, inProgress, dueBy, daysLeft, status };
}

/**
 * Scratch space for a plan's lines, reused from call to call: the engine runs to completion without yielding,
 * so no two evaluations ever share it, and the 100,000-policy pass allocates nothing for it.
 */
const lineTypes: ServiceType[] = [];
let lineDeep = new Uint8Array(16);
let lineRequired = new Int32Array(16);
let lineDone = new Int32Array(16);
let lineInProgress = new Int32Array(16);

function reserveLines(capacity: number): void {
  if (capacity <= lineDeep.length) return;
  const size = Math.max(capacity, lineDeep.length * 2);
  lineDeep = new Uint8Array(size);
  lineRequired = new Int32Array(size);
  lineDone = new Int32Array(size);
  lineInProgress = new Int32Array(size);
}

/**
 * SVC-1, SVC-2, SVC-4, SVC-11: what a policy owes its enterprise in its service year, and how far it has got.
 *
 * - **Which services count.** A service counts (`done`) once it is ARCHIVED — SVC-2's "and its archive
 *   uploaded": a completed, followed-up or even confirmed service is only `inProgress`. It must have been
 *   performed inside the service year, which for a cancelled policy ends the day before `cancelledOn`.
 *   Services scheduled or under way (not CANCELLED, not ARCHIVED, not performed outside the year) are
 *   `inProgress`. ONLINE_PUSH never counts toward SVC-1 or SVC-2.
 * - **TABLE basis** (SVC-1 sets minimums for the industry and size): RISK_ASSESSMENT, HAZARD_INSPECTION (deep
 *   ones included, as in the table) and DEEP_INSPECTION, each due by the end of the service year. A figure of
 *   0 (the deep inspections of a large HAZCHEM enterprise) is no requirement and is left out. The plan is not
 *   read: SVC-4 already made it meet these minimums — but without one the policy is `planMissing` (SVC-4: each
 *   policy has a plan agreed with the enterprise) and never `allDone`.
 * - **PER_PLAN basis**: one requirement per plan line (`PLAN:<type>` or `PLAN:HAZARD_INSPECTION:DEEP`, lines of
 *   the same kind added up), rule SVC-4, due by the end of the year. A deep inspection counts for the deep line
 *   first and then, beyond it, for a plain hazard-inspection line. Without a plan `planMissing` is true and the
 *   policy is never `allDone`: no plan is not the same as nothing owed.
 * - **FIRST_SERVICE** (SVC-2), always, first: one archived non-ONLINE_PUSH service performed by
 *   the last day of the first `firstServiceMonths` months of cover, the start day counted (or the end of a shorter
 *   service year).
 * - **Status**: DONE when done ≥ required, OVERDUE when `today` is after `dueBy`, else OPEN; `daysLeft` is
 *   negative once past. The result's `periodEnd` and `daysLeftInYear` are those of the service year (so the day
 *   before `cancelledOn` for a cancelled policy); `daysLeftInYear` too is negative once the year is over.
 *
 * Fast by design (100,000 policies with 400,000 services well under a second, `npm run bench`): dates are
 * compared as `YYYY-MM-DD` text, day counts come straight from the characters, per-rule-set dates are
 * cached, and nothing is allocated but the result.
 *
 * @example
 * evaluateObligations(policy, undefined, [], XINZHOU_2024, '2024-08-01').requirements.map((r) => r.key);
 * // COAL_MINE: ['FIRST_SERVICE', 'RISK_ASSESSMENT', 'HAZARD_INSPECTION', 'DEEP_INSPECTION']
 */
export function evaluateObligations(
  policy: PolicyForObligations,
  plan: { readonly items: readonly PlanItem[] } | undefined,
  services: readonly ServiceForObligations[],
  ruleSet: RuleSet,
  today: LocalDate,
): ObligationStatus {
  if (policy.ruleSetVersion !== undefined && (ruleSet.id !== policy.ruleSetId || ruleSet.version !== policy.ruleSetVersion)) {
    throw new RuleViolation('RULES-1', undefined, `RULES-1: policy ${policy.id} was issued under rule set ${policy.ruleSetId} v${policy.ruleSetVersion}, not ${ruleSet.id} v${ruleSet.version}`, 409);
  }
  const rules = compiled(ruleSet);
  const start = policy.periodStart;
  let end = policy.periodEnd;
  if (policy.cancelledOn !== undefined) {
    const lastCovered = dayBefore(policy.cancelledOn);
    if (lastCovered < end) end = lastCovered;
  }
  let firstDue = firstServiceDueOf(rules, start);
  if (firstDue > end) firstDue = end;
  const todayNumber = dayNumberOf(today);
  const endDaysLeft = dayNumberOf(end) - todayNumber;

  const obligation = ruleSet.svcObligations[obligationIndustryOf(policy.industry)][policy.size];
  let firstDone = 0;
  let firstInProgress = 0;
  // TABLE counts (SVC-1).
  let assessmentsDone = 0;
  let assessmentsInProgress = 0;
  let inspectionsDone = 0;
  let inspectionsInProgress = 0;
  let deepDone = 0;
  let deepInProgress = 0;
  // PER_PLAN lines (SVC-4), in the scratch arrays.
  let lineCount = 0;

  if (obligation !== 'PER_PLAN') {
    for (let index = 0; index < services.length; index += 1) {
      const service = services[index] as ServiceForObligations;
      const status = service.status;
      if (status === 'CANCELLED' || service.type === 'ONLINE_PUSH') continue;
      const on = service.performedOn;
      if (status === 'ARCHIVED') {
        if (on === undefined || on < start || on > end) continue;
        if (on <= firstDue) firstDone += 1;
        if (service.type === 'RISK_ASSESSMENT') assessmentsDone += 1;
        else if (service.type === 'HAZARD_INSPECTION') {
          inspectionsDone += 1;
          if (service.deep) deepDone += 1;
        }
      } else {
        if (on !== undefined && (on < start || on > end)) continue;
        if (on === undefined || on <= firstDue) firstInProgress += 1;
        if (service.type === 'RISK_ASSESSMENT') assessmentsInProgress += 1;
        else if (service.type === 'HAZARD_INSPECTION') {
          inspectionsInProgress += 1;
          if (service.deep) deepInProgress += 1;
        }
      }
    }
  } else if (plan !== undefined) {
    // Plan lines of the same kind add up; a handful of lines, so a linear search.
    const items = plan.items;
    reserveLines(items.length);
    let deepLine = -1;
    let plainInspectionLine = -1;
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index] as PlanItem;
      const deep = item.type === 'HAZARD_INSPECTION' && item.deep ? 1 : 0;
      let line = 0;
      while (line < lineCount && (lineTypes[line] !== item.type || lineDeep[line] !== deep)) line += 1;
      if (line === lineCount) {
        lineTypes[line] = item.type;
        lineDeep[line] = deep;
        lineRequired[line] = item.count;
        lineDone[line] = 0;
        lineInProgress[line] = 0;
        lineCount += 1;
        if (item.type === 'HAZARD_INSPECTION') {
          if (deep === 1) deepLine = line;
          else plainInspectionLine = line;
        }
      } else {
        lineRequired[line] = (lineRequired[line] as number) + item.count;
      }
    }
    for (let index = 0; index < services.length; index += 1) {
      const service = services[index] as ServiceForObligations;
      const status = service.status;
      if (status === 'CANCELLED') continue;
      const on = service.performedOn;
      const archived = status === 'ARCHIVED';
      if (archived ? on === undefined || on < start || on > end : on !== undefined && (on < start || on > end)) continue;
      if (service.type !== 'ONLINE_PUSH') {
        if (archived) {
          if ((on as LocalDate) <= firstDue) firstDone += 1;
        } else if (on === undefined || on <= firstDue) firstInProgress += 1;
      }
      let line = -1;
      if (service.type === 'HAZARD_INSPECTION' && service.deep) {
        line = deepLine >= 0 ? deepLine : plainInspectionLine;
      } else {
        for (let candidate = 0; candidate < lineCount; candidate += 1) {
          if (lineTypes[candidate] === service.type && lineDeep[candidate] === 0) {
            line = candidate;
            break;
          }
        }
      }
      if (line < 0) continue;
      if (archived) lineDone[line] = (lineDone[line] as number) + 1;
      else lineInProgress[line] = (lineInProgress[line] as number) + 1;
    }
    if (deepLine >= 0 && plainInspectionLine >= 0) {
      // Deep inspections beyond the deep line's figure are hazard inspections all the same.
      const deepRequired = lineRequired[deepLine] as number;
      const deepLineDone = lineDone[deepLine] as number;
      const surplusDone = deepLineDone > deepRequired ? deepLineDone - deepRequired : 0;
      const stillOwedDeep = deepLineDone >= deepRequired ? 0 : deepRequired - deepLineDone;
      const deepLineInProgress = lineInProgress[deepLine] as number;
      const surplusInProgress = deepLineInProgress > stillOwedDeep ? deepLineInProgress - stillOwedDeep : 0;
      lineDone[deepLine] = deepLineDone - surplusDone;
      lineDone[plainInspectionLine] = (lineDone[plainInspectionLine] as number) + surplusDone;
      lineInProgress[plainInspectionLine] = (lineInProgress[plainInspectionLine] as number) + surplusInProgress;
    }
  } else {
    for (let index = 0; index < services.length; index += 1) {
      const service = services[index] as ServiceForObligations;
      if (service.status === 'CANCELLED' || service.type === 'ONLINE_PUSH') continue;
      const on = service.performedOn;
      if (service.status === 'ARCHIVED') {
        if (on !== undefined && on >= start && on <= firstDue) firstDone += 1;
      } else if (on === undefined || (on >= start && on <= firstDue)) firstInProgress += 1;
    }
  }

  const requirements: Requirement[] = [
    {
      key: 'FIRST_SERVICE',
      rule: 'SVC-2',
      required: 1,
      done: firstDone,
      open: firstDone >= 1 ? 0 : 1,
      inProgress: firstInProgress,
      dueBy: firstDue,
      daysLeft: dayNumberOf(firstDue) - todayNumber,
      status: statusOf(1, firstDone, firstDue, today),
    },
  ];
  if (obligation !== 'PER_PLAN') {
    if (obligation.riskAssessments > 0) {
      requirements.push(requirement('RISK_ASSESSMENT', 'SVC-1', 'RISK_ASSESSMENT', undefined, obligation.riskAssessments, assessmentsDone, assessmentsInProgress, end, endDaysLeft, today));
    }
    if (obligation.hazardInspections > 0) {
      requirements.push(requirement('HAZARD_INSPECTION', 'SVC-1', 'HAZARD_INSPECTION', undefined, obligation.hazardInspections, inspectionsDone, inspectionsInProgress, end, endDaysLeft, today));
    }
    if (obligation.deepInspections > 0) {
      requirements.push(requirement('DEEP_INSPECTION', 'SVC-1', 'HAZARD_INSPECTION', true, obligation.deepInspections, deepDone, deepInProgress, end, endDaysLeft, today));
    }
  } else {
    for (let line = 0; line < lineCount; line += 1) {
      const type = lineTypes[line] as ServiceType;
      const deep = lineDeep[line] === 1;
      requirements.push(
        requirement(deep ? PLAN_DEEP_KEYS[type] : PLAN_KEYS[type], 'SVC-4', type, deep, lineRequired[line] as number, lineDone[line] as number, lineInProgress[line] as number, end, endDaysLeft, today),
      );
    }
  }

  // SVC-4: every policy has an agreed plan; where SVC-1 sets minimums it is missing all the same.
  const planMissing = plan === undefined;
  let allDone = !planMissing;
  for (let index = 0; allDone && index < requirements.length; index += 1) {
    if ((requirements[index] as Requirement).status !== 'DONE') allDone = false;
  }
  return {
    policyId: policy.id,
    basis: obligation === 'PER_PLAN' ? 'PER_PLAN' : 'TABLE',
    requirements,
    periodStart: start,
    periodEnd: end,
    daysLeftInYear: endDaysLeft,
    allDone,
    planMissing,
  };
}
