import { isLocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';
import { svcObligationsFor } from '../kernel/rule-set/rule-set-registry.js';
import type { RuleSet, SvcObligation } from '../kernel/rule-set/rule-set.js';
import type { ServicePlanInput } from './service-plan.schema.js';
import type { PolicyFacts } from './policy-facts.js';
import type { PlanItem, RiskAssessmentResult, ServicePlan } from './service-plan.js';
import type { ServiceType } from './service.js';
import type { Changed } from '../kernel/events.js';
import { planAgreedEvent } from './events.js';

/** A plan line as far as SVC-1 cares: what kind, whether deep, how many a year. */
export interface PlanLineCount {
  readonly type: ServiceType;
  readonly deep?: boolean;
  readonly count: number;
}

/**
 * SVC-1, SVC-4: how a plan falls short of the table's minimums for the year — one finding per figure short.
 * Deep inspections (体检式精查) count within the hazard inspections, as in the table; ONLINE_PUSH lines never
 * count. A PER_PLAN cell has no minimums, so nothing falls short.
 *
 * @example
 * planShortfalls([{ type: 'RISK_ASSESSMENT', count: 1 }], { riskAssessments: 2, hazardInspections: 2, deepInspections: 1 });
 * // three findings: risk assessments 1 of 2, hazard inspections 0 of 2, deep inspections 0 of 1
 */
export function planShortfalls(items: readonly PlanLineCount[], obligation: SvcObligation): FieldProblem[] {
  if (obligation === 'PER_PLAN') return [];
  let riskAssessments = 0;
  let hazardInspections = 0;
  let deepInspections = 0;
  for (const item of items) {
    if (item.type === 'RISK_ASSESSMENT') riskAssessments += item.count;
    if (item.type === 'HAZARD_INSPECTION') {
      hazardInspections += item.count;
      if (item.deep === true) deepInspections += item.count;
    }
  }
  const findings: FieldProblem[] = [];
  const check = (planned: number, required: number, what: string): void => {
    if (planned < required) {
      findings.push({ field: 'items', rule: 'SVC-1', message: `SVC-1: the plan has ${planned} ${what} a year; at least ${required} are required` });
    }
  };
  check(riskAssessments, obligation.riskAssessments, 'risk assessment(s) (风险辨识评估)');
  check(hazardInspections, obligation.hazardInspections, 'hazard inspection(s) (隐患排查)');
  check(deepInspections, obligation.deepInspections, 'deep inspection(s) (体检式精查)');
  return findings;
}

function requireText(value: string, field: string, what: string): void {
  if (value.trim() === '') throw new RuleViolation('SVC-4', field, `SVC-4: ${what} is required`, 400);
}

export interface AgreePlanContext {
  readonly policy: PolicyFacts;
  /** RULES-1: the rule set the policy recorded at issue (as its premium, fees and services use). */
  readonly ruleSet: RuleSet;
  /** SVC-12: the enterprise's grade now, shown on the plan. */
  readonly risk: RiskAssessmentResult;
  /** The plan this one replaces, if any. */
  readonly previous?: ServicePlan;
  readonly now: Date;
  readonly by: string;
}

/**
 * SVC-4: the service plan agreed with the enterprise — items, measures, frequency, provider, personnel, goals
 * and support, drawn from its safety basis — saved whole (a new version replaces the previous one). Where SVC-1
 * sets minimums for the policy's industry and size the plan must meet them; where it leaves the services to the
 * plan (PER_PLAN) the plan's lines are what the policy owes (the obligations engine reads them).
 *
 * @throws RuleViolation (SVC-4, `policyId`, 409) for a cancelled policy; (SVC-3, `items.<i>.deep`, 400) for a
 * deep line that is not a hazard inspection; (SVC-4, `items.<i>.count`, 400) for a count below 1; (SVC-6,
 * `items.<i>.provider.orgId`, 400) for a THIRD_PARTY line without `orgId` or an OWN one with it; (SVC-4 / CAL-1,
 * 400) for a missing agreement; (SVC-1, `items`, 400) with every shortfall as a finding.
 * @example
 * agreePlan(input, { policy, ruleSet: XINZHOU_2024, risk, now, by: 'u-1' }).state.version; // 1 — events: [services.plan.agreed]
 */
export function agreePlan(input: ServicePlanInput, ctx: AgreePlanContext): Changed<ServicePlan> {
  const { policy, ruleSet } = ctx;
  if (ruleSet.id !== policy.ruleSetId || ruleSet.version !== policy.ruleSetVersion) {
    throw new RuleViolation('RULES-1', undefined, `RULES-1: policy ${policy.policyNumber} was issued under rule set ${policy.ruleSetId} v${policy.ruleSetVersion}; its plan follows that version, not ${ruleSet.id} v${ruleSet.version}`, 409);
  }
  if (policy.status !== 'ISSUED') {
    throw new RuleViolation('SVC-4', 'policyId', `SVC-4: policy ${policy.policyNumber} is ${policy.status}; its service plan can no longer change`, 409);
  }
  const items: PlanItem[] = input.items.map((item, index) => {
    const deep = item.deep ?? false;
    if (deep && item.type !== 'HAZARD_INSPECTION') {
      throw new RuleViolation('SVC-3', `items.${index}.deep`, `SVC-3: only a hazard inspection can be deep (体检式精查), not ${item.type}`, 400);
    }
    if (!Number.isSafeInteger(item.count) || item.count < 1) {
      throw new RuleViolation('SVC-4', `items.${index}.count`, `SVC-4: a plan line is done at least once a year, got ${item.count}`, 400);
    }
    const orgId = item.provider.orgId;
    if (item.provider.kind === 'THIRD_PARTY' && (orgId === undefined || orgId.trim() === '')) {
      throw new RuleViolation('SVC-6', `items.${index}.provider.orgId`, 'SVC-6: a third-party provider must be named by its REG-2 registration id', 400);
    }
    if (item.provider.kind === 'OWN' && orgId !== undefined) {
      throw new RuleViolation('SVC-6', `items.${index}.provider.orgId`, "SVC-6: a line served by the insurer's own team names no third-party organisation", 400);
    }
    return {
      type: item.type,
      deep,
      count: item.count,
      items: [...item.items],
      measures: item.measures,
      provider: orgId === undefined ? { kind: item.provider.kind } : { kind: item.provider.kind, orgId },
      personnel: [...item.personnel],
    };
  });
  requireText(input.agreedBy, 'agreedBy', "the enterprise's person who agreed the plan");
  if (!isLocalDate(input.agreedOn)) {
    throw new RuleViolation('CAL-1', 'agreedOn', 'CAL-1: agreedOn must be a calendar date written YYYY-MM-DD', 400);
  }
  const findings = planShortfalls(items, svcObligationsFor(ruleSet, policy.enterprise.industry, policy.enterprise.size));
  if (findings.length > 0) {
    throw new RuleViolation(
      'SVC-1',
      'items',
      `SVC-1: the plan does not meet the minimum services for ${policy.enterprise.industry} ${policy.enterprise.size}: ${findings.map((finding) => finding.message.replace(/^SVC-1: /, '')).join('; ')}`,
      400,
      findings,
    );
  }
  if (Number.isNaN(ctx.now.getTime())) throw new RangeError('now must be a valid Date');
  const plan: ServicePlan = {
    policyId: policy.id,
    tenantId: policy.tenantId,
    items,
    goals: input.goals,
    support: input.support,
    basis: input.basis,
    agreedBy: input.agreedBy,
    agreedOn: input.agreedOn,
    risk: ctx.risk,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.by,
    version: (ctx.previous?.version ?? 0) + 1,
  };
  return { state: plan, events: [planAgreedEvent(plan)] };
}
