import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { ServicePlanInput } from '../../../domain/services/service-plan.schema.js';
import { assessRisk } from '../../../domain/services/risk-grade.js';
import { NO_MONITORING_DATA } from '../../../domain/services/monitoring.port.js';
import { agreePlan, planShortfalls } from '../../../domain/services/service-plan.rules.js';
import type { PolicyFacts } from '../../../domain/services/policy-facts.js';
import { POLICY, RULES, at, expectViolation } from './fixtures.js';

const NOW = at('2024-07-02T02:00:00Z');
const RISK = assessRisk({ industry: 'COAL_MINE', size: 'MEDIUM', accidentRecordBasisPoints: 10_000, openHazards: { general: 0, major: 0 }, monitoring: NO_MONITORING_DATA });

type Line = ServicePlanInput['items'][number];
const line = (type: Line['type'], count: number, extra: Partial<Line> = {}): Line => ({
  type,
  count,
  items: ['风险辨识'],
  measures: '现场',
  provider: { kind: 'OWN' },
  personnel: ['刘工'],
  ...extra,
});

const MINE_PLAN: ServicePlanInput = {
  items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, { deep: true, provider: { kind: 'THIRD_PARTY', orgId: 'org-1' } })],
  goals: '重大风险管控到位',
  support: '专家驻矿',
  basis: '近三年无事故',
  agreedBy: '李矿长',
  agreedOn: '2024-07-02',
};

const agree = (input: Partial<ServicePlanInput> = {}, policy: PolicyFacts = POLICY) =>
  agreePlan({ ...MINE_PLAN, ...input }, { policy, ruleSet: RULES, risk: RISK, now: NOW, by: 'staff-1' }).state;

describe('agreePlan', () => {
  it('SVC-4 saves a plan that meets SVC-1 at version 1, with the rule set and risk grade', () => {
    const plan = agree();
    expect(plan).toMatchObject({
      policyId: 'p-1',
      tenantId: 't-1',
      goals: '重大风险管控到位',
      agreedBy: '李矿长',
      agreedOn: '2024-07-02',
      risk: RISK,
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
      updatedAt: '2024-07-02T02:00:00.000Z',
      updatedBy: 'staff-1',
      version: 1,
    });
    expect(plan.items.map((item) => [item.type, item.deep, item.count, item.provider])).toEqual([
      ['RISK_ASSESSMENT', false, 2, { kind: 'OWN' }],
      ['HAZARD_INSPECTION', false, 1, { kind: 'OWN' }],
      ['HAZARD_INSPECTION', true, 1, { kind: 'THIRD_PARTY', orgId: 'org-1' }],
    ]);
  });

  it('SVC-4 a replacement plan is the previous version + 1', () => {
    const first = agree();
    expect(agreePlan(MINE_PLAN, { policy: POLICY, ruleSet: RULES, risk: RISK, previous: first, now: NOW, by: 's' }).state.version).toBe(2);
  });

  it('SVC-1 a mine plan short on every figure is refused (400) with one finding per shortfall', () => {
    const error = expectViolation(() => agree({ items: [line('RISK_ASSESSMENT', 1), line('TRAINING', 5)] }), 'SVC-1', 'items', 400);
    expect(error.findings).toEqual([
      { field: 'items', rule: 'SVC-1', message: 'SVC-1: the plan has 1 risk assessment(s) (风险辨识评估) a year; at least 2 are required' },
      { field: 'items', rule: 'SVC-1', message: 'SVC-1: the plan has 0 hazard inspection(s) (隐患排查) a year; at least 2 are required' },
      { field: 'items', rule: 'SVC-1', message: 'SVC-1: the plan has 0 deep inspection(s) (体检式精查) a year; at least 1 are required' },
    ]);
  });

  it('SVC-1 two plain inspections do not make up for the missing deep one', () => {
    const error = expectViolation(() => agree({ items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 2)] }), 'SVC-1', 'items', 400);
    expect(error.findings?.map((finding) => finding.message)).toEqual(['SVC-1: the plan has 0 deep inspection(s) (体检式精查) a year; at least 1 are required']);
  });

  it('SVC-1 ONLINE_PUSH lines never count toward the minimums', () => {
    const error = thrownBy(() => agree({ items: [line('ONLINE_PUSH', 10), line('HAZARD_INSPECTION', 2, { deep: true })] }));
    expect(error.findings?.map((finding) => finding.message)).toEqual(['SVC-1: the plan has 0 risk assessment(s) (风险辨识评估) a year; at least 2 are required']);
  });

  it('SVC-4 a PER_PLAN policy (HAZCHEM SMALL) may plan anything, even no line', () => {
    const small: PolicyFacts = { ...POLICY, enterprise: { ...POLICY.enterprise, industry: 'HAZCHEM', size: 'SMALL' } };
    expect(agree({ items: [] }, small).items).toEqual([]);
    expect(agree({ items: [line('TRAINING', 1)] }, small).items).toHaveLength(1);
  });

  it('SVC-1 a large HAZCHEM enterprise needs one risk assessment and one inspection, no deep one', () => {
    const large: PolicyFacts = { ...POLICY, enterprise: { ...POLICY.enterprise, industry: 'HAZCHEM', size: 'LARGE' } };
    expect(agree({ items: [line('RISK_ASSESSMENT', 1), line('HAZARD_INSPECTION', 1)] }, large).version).toBe(1);
    expectViolation(() => agree({ items: [line('RISK_ASSESSMENT', 1)] }, large), 'SVC-1', 'items', 400);
  });

  it('SVC-3 a deep line that is not a hazard inspection is refused (400)', () => {
    expectViolation(() => agree({ items: [...MINE_PLAN.items, line('TRAINING', 1, { deep: true })] }), 'SVC-3', 'items.3.deep', 400);
  });

  it.each([0, -1, 1.5])('SVC-4 a line count of %s is refused (400)', (count) => {
    expectViolation(() => agree({ items: [line('TRAINING', count), ...MINE_PLAN.items] }), 'SVC-4', 'items.0.count', 400);
  });

  it('SVC-6 a THIRD_PARTY line without orgId is refused (400)', () => {
    expectViolation(() => agree({ items: [line('TRAINING', 1, { provider: { kind: 'THIRD_PARTY' } }), ...MINE_PLAN.items] }), 'SVC-6', 'items.0.provider.orgId', 400);
  });

  it('SVC-6 an OWN line with an orgId is refused (400)', () => {
    expectViolation(() => agree({ items: [line('TRAINING', 1, { provider: { kind: 'OWN', orgId: 'org-1' } })] }), 'SVC-6', 'items.0.provider.orgId', 400);
  });

  it('SVC-4 the agreement names who agreed (400) on a real day (CAL-1, 400)', () => {
    expectViolation(() => agree({ agreedBy: ' ' }), 'SVC-4', 'agreedBy', 400);
    expectViolation(() => agree({ agreedOn: '2024-13-01' }), 'CAL-1', 'agreedOn', 400);
  });

  it('SVC-4 a cancelled policy cannot get a new plan (409)', () => {
    expectViolation(() => agree({}, { ...POLICY, status: 'CANCELLED', cancelledOn: '2025-01-01' }), 'SVC-4', 'policyId', 409);
  });
});

describe('planShortfalls', () => {
  it('SVC-1 nothing falls short of PER_PLAN', () => {
    expect(planShortfalls([], 'PER_PLAN')).toEqual([]);
  });

  it('SVC-1 exactly the minimum has no shortfall; deep lines count as inspections', () => {
    expect(planShortfalls([{ type: 'RISK_ASSESSMENT', count: 2 }, { type: 'HAZARD_INSPECTION', deep: true, count: 2 }], { riskAssessments: 2, hazardInspections: 2, deepInspections: 1 })).toEqual([]);
  });
});

function thrownBy(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}
