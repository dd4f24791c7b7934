import { describe, expect, it } from 'vitest';
import { scheduleService } from '../../../domain/services/service-schedule.rules.js';
import type { PlanItem } from '../../../domain/services/service-plan.js';
import type { ScheduleServiceInput } from '../../../domain/services/service.schema.js';
import { EXPERT, ORG, POLICY, SCHEDULE_INPUT, at, expectViolation } from './fixtures.js';

const line = (type: PlanItem['type'], deep = false): PlanItem => ({
  type,
  deep,
  count: 1,
  items: ['主要危险源'],
  measures: '现场检查',
  provider: { kind: 'OWN' },
  personnel: ['张工'],
});
/** A coal mine's plan, version 3: two risk-assessment lines, one plain and one deep hazard inspection. */
const PLAN = { version: 3, items: [line('RISK_ASSESSMENT'), line('RISK_ASSESSMENT'), line('HAZARD_INSPECTION'), line('HAZARD_INSPECTION', true)] };

const schedule = (input: Partial<ScheduleServiceInput>, plan: typeof PLAN | null = PLAN) =>
  scheduleService(
    { ...SCHEDULE_INPUT, ...input },
    { id: 's-1', policy: POLICY, org: ORG, experts: [EXPERT], ...(plan === null ? {} : { plan }), now: at('2024-09-20T02:00:00Z'), by: 'staff-1' },
  ).state;

describe('SVC-4 a scheduled service is tied to a line of the agreed plan', () => {
  it('SVC-4 the only line of its type and depth is taken when none is named', () => {
    expect(schedule({ type: 'HAZARD_INSPECTION', deep: true }).planItem).toEqual({ planVersion: 3, index: 3 });
    expect(schedule({ type: 'HAZARD_INSPECTION', deep: false }).planItem).toEqual({ planVersion: 3, index: 2 });
  });

  it('SVC-4 a named line of the same type and depth is kept', () => {
    expect(schedule({ type: 'RISK_ASSESSMENT', deep: false, planItem: 1 }).planItem).toEqual({ planVersion: 3, index: 1 });
  });

  it('SVC-4 a named line of another type or depth is refused (409 naming planItem)', () => {
    expectViolation(() => schedule({ type: 'HAZARD_INSPECTION', deep: true, planItem: 2 }), 'SVC-4', 'planItem', 409);
    expectViolation(() => schedule({ type: 'RISK_ASSESSMENT', deep: false, planItem: 3 }), 'SVC-4', 'planItem', 409);
  });

  it('SVC-4 a line the plan does not have is refused (409 naming planItem)', () => {
    expectViolation(() => schedule({ type: 'RISK_ASSESSMENT', deep: false, planItem: 4 }), 'SVC-4', 'planItem', 409);
  });

  it('SVC-4 a service of a type the plan does not list is refused (409 naming type): the plan is revised first', () => {
    expectViolation(() => schedule({ type: 'TRAINING', deep: false }), 'SVC-4', 'type', 409);
  });

  it('SVC-4 two lines of the type: the line must be named (400 naming planItem)', () => {
    expectViolation(() => schedule({ type: 'RISK_ASSESSMENT', deep: false }), 'SVC-4', 'planItem', 400);
  });

  it('SVC-4 without an agreed plan nothing is tied (the policy is flagged plan missing), and no line can be named', () => {
    expect(schedule({ type: 'TRAINING', deep: false }, null).planItem).toBeUndefined();
    expectViolation(() => schedule({ type: 'TRAINING', deep: false, planItem: 0 }, null), 'SVC-4', 'planItem', 409);
  });
});
