import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_SIZES } from '../../../domain/kernel/enterprise-size.js';
import type { EnterpriseSize } from '../../../domain/kernel/enterprise-size.js';
import { INDUSTRIES } from '../../../domain/kernel/industry.js';
import type { Industry } from '../../../domain/kernel/industry.js';
import { svcObligationsFor } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { Requirement } from '../../../domain/services/obligations.schema.js';
import { evaluateObligations } from '../../../domain/services/obligations-engine.js';
import type { PolicyForObligations, ServiceForObligations } from '../../../domain/services/obligations-engine.js';
import type { PlanItem } from '../../../domain/services/service-plan.js';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../../../domain/services/service.js';
import type { ServiceStatus, ServiceType } from '../../../domain/services/service.js';

const RULES = XINZHOU_2024;
const TODAY = '2024-08-01';

function policyOf(industry: Industry, size: EnterpriseSize, overrides: Partial<PolicyForObligations> = {}): PolicyForObligations {
  return { id: 'p-1', industry, size, periodStart: '2024-07-01', periodEnd: '2025-06-30', ...overrides };
}

const svc = (type: ServiceType, status: ServiceStatus, performedOn?: string, deep = false): ServiceForObligations =>
  performedOn === undefined ? { type, deep, status } : { type, deep, status, performedOn };

function line(type: ServiceType, count: number, deep = false): PlanItem {
  return { type, deep, count, items: ['x'], measures: 'm', provider: { kind: 'OWN' }, personnel: ['p'] };
}

const byKey = (requirements: readonly Requirement[]): Record<string, Requirement> =>
  Object.fromEntries(requirements.map((requirement) => [requirement.key, requirement]));

/** SVC-1 as DOMAIN.md writes the table — spelt out here rather than read from the rule set, so either can catch the other. */
const MINES = { RISK_ASSESSMENT: 2, HAZARD_INSPECTION: 2, DEEP_INSPECTION: 1 };
const LARGE_HIGH_RISK = { RISK_ASSESSMENT: 1, HAZARD_INSPECTION: 1 };
function expectedTable(industry: Industry, size: EnterpriseSize): Record<string, number> | 'PER_PLAN' {
  if (industry === 'COAL_MINE' || industry === 'NON_COAL_MINE' || industry === 'TAILINGS_POND') return MINES;
  if (industry === 'HAZCHEM' || industry === 'FIREWORKS' || industry === 'METAL_SMELTING') {
    return size === 'LARGE' || size === 'MEDIUM' ? LARGE_HIGH_RISK : 'PER_PLAN';
  }
  return 'PER_PLAN';
}

const ROWS = INDUSTRIES.flatMap((industry) => ENTERPRISE_SIZES.map((size) => ({ industry, size, expected: expectedTable(industry, size) })));

describe('SVC-1: every cell of the obligations table (xinzhou-2024)', () => {
  it.each(ROWS)('SVC-1 $industry $size', ({ industry, size, expected }) => {
    const obligation = svcObligationsFor(RULES, industry, size);
    const plan = { items: [line('TRAINING', 2), line('HAZARD_INSPECTION', 1)] };
    const status = evaluateObligations(policyOf(industry, size), plan, [], RULES, TODAY);
    if (expected === 'PER_PLAN') {
      expect(obligation).toBe('PER_PLAN');
      expect(status.basis).toBe('PER_PLAN');
      expect(status.planMissing).toBe(false);
      expect(status.requirements.map((requirement) => [requirement.key, requirement.rule, requirement.required])).toEqual([
        ['FIRST_SERVICE', 'SVC-2', 1],
        ['PLAN:TRAINING', 'SVC-4', 2],
        ['PLAN:HAZARD_INSPECTION', 'SVC-4', 1],
      ]);
    } else {
      expect(obligation).not.toBe('PER_PLAN');
      expect(status.basis).toBe('TABLE');
      expect(status.requirements.map((requirement) => [requirement.key, requirement.required])).toEqual([
        ['FIRST_SERVICE', 1],
        ...Object.entries(expected),
      ]);
      for (const requirement of status.requirements.slice(1)) {
        expect(requirement.rule).toBe('SVC-1');
        expect(requirement.dueBy).toBe('2025-06-30');
      }
    }
    expect(status.allDone).toBe(false);
  });

  it.each(ROWS.filter((row) => row.expected === 'PER_PLAN'))('SVC-4 $industry $size without a plan: planMissing, never allDone', ({ industry, size }) => {
    const archivedFirst = [svc('TRAINING', 'ARCHIVED', '2024-07-10')];
    const status = evaluateObligations(policyOf(industry, size), undefined, archivedFirst, RULES, TODAY);
    expect(status.planMissing).toBe(true);
    expect(status.requirements.map((requirement) => [requirement.key, requirement.status])).toEqual([['FIRST_SERVICE', 'DONE']]);
    expect(status.allDone).toBe(false);
  });

  it('SVC-4 a TABLE policy (SVC-1 minimums) without an agreed plan is flagged planMissing, and never allDone', () => {
    const archived = [
      svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-07-05'),
      svc('RISK_ASSESSMENT', 'ARCHIVED', '2025-01-05'),
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-08-05', true),
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2025-02-05'),
    ];
    const without = evaluateObligations(policyOf('COAL_MINE', 'MICRO'), undefined, archived, RULES, '2025-03-01');
    expect(without).toMatchObject({ basis: 'TABLE', planMissing: true, allDone: false });
    expect(without.requirements.every((requirement) => requirement.status === 'DONE')).toBe(true);
    const plan = { items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, true)] };
    expect(evaluateObligations(policyOf('COAL_MINE', 'MICRO'), plan, archived, RULES, '2025-03-01')).toMatchObject({ planMissing: false, allDone: true });
  });
});

describe('SVC-1: requirements go OPEN → DONE as services are archived', () => {
  const policy = policyOf('COAL_MINE', 'LARGE');
  const statusOf = (services: ServiceForObligations[], today = TODAY) => byKey(evaluateObligations(policy, undefined, services, RULES, today).requirements);

  it('SVC-1 nothing done: every requirement OPEN, with the days left to its due date', () => {
    const requirements = statusOf([]);
    expect(requirements.RISK_ASSESSMENT).toEqual({
      key: 'RISK_ASSESSMENT',
      rule: 'SVC-1',
      type: 'RISK_ASSESSMENT',
      required: 2,
      done: 0,
      open: 2,
      inProgress: 0,
      dueBy: '2025-06-30',
      daysLeft: 333,
      status: 'OPEN',
    });
    expect(requirements.FIRST_SERVICE).toEqual({
      key: 'FIRST_SERVICE',
      rule: 'SVC-2',
      required: 1,
      done: 0,
      open: 1,
      inProgress: 0,
      dueBy: '2024-09-30',
      daysLeft: 60,
      status: 'OPEN',
    });
  });

  it.each(['SCHEDULED', 'SCHEDULE_CONFIRMED', 'COMPLETED', 'FOLLOWED_UP', 'CONFIRMED'] as const)(
    'SVC-2 a %s service is in progress, not done',
    (status) => {
      const performedOn = status === 'SCHEDULED' || status === 'SCHEDULE_CONFIRMED' ? undefined : '2024-07-20';
      const requirements = statusOf([svc('RISK_ASSESSMENT', status, performedOn)]);
      expect(requirements.RISK_ASSESSMENT).toMatchObject({ done: 0, open: 2, inProgress: 1, status: 'OPEN' });
      expect(requirements.FIRST_SERVICE).toMatchObject({ done: 0, inProgress: 1, status: 'OPEN' });
    },
  );

  it('SVC-1 a CANCELLED service counts for nothing', () => {
    const requirements = statusOf([svc('RISK_ASSESSMENT', 'CANCELLED')]);
    expect(requirements.RISK_ASSESSMENT).toMatchObject({ done: 0, inProgress: 0 });
    expect(requirements.FIRST_SERVICE).toMatchObject({ done: 0, inProgress: 0 });
  });

  it('SVC-1 one archived risk assessment: 1 done, 1 open; the second makes it DONE', () => {
    const one = statusOf([svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-07-20')]);
    expect(one.RISK_ASSESSMENT).toMatchObject({ done: 1, open: 1, status: 'OPEN' });
    expect(one.FIRST_SERVICE).toMatchObject({ done: 1, open: 0, status: 'DONE' });
    const two = statusOf([svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-07-20'), svc('RISK_ASSESSMENT', 'ARCHIVED', '2025-01-10')]);
    expect(two.RISK_ASSESSMENT).toMatchObject({ done: 2, open: 0, status: 'DONE' });
  });

  it('SVC-1 a deep inspection counts as a hazard inspection and as the deep one; a plain one only as the former', () => {
    const requirements = statusOf([svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-08-01', true), svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-09-01')]);
    expect(requirements.HAZARD_INSPECTION).toMatchObject({ done: 2, open: 0, status: 'DONE' });
    expect(requirements.DEEP_INSPECTION).toMatchObject({ done: 1, open: 0, status: 'DONE' });
    const plainOnly = statusOf([svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-08-01'), svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-09-01')]);
    expect(plainOnly.DEEP_INSPECTION).toMatchObject({ done: 0, open: 1, status: 'OPEN' });
  });

  it('SVC-1 more than required: open stays 0, done reports them all', () => {
    const requirements = statusOf([1, 2, 3].map(() => svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-10-01')));
    expect(requirements.RISK_ASSESSMENT).toMatchObject({ done: 3, open: 0, status: 'DONE' });
  });

  it('SVC-1 everything archived in the year: allDone', () => {
    const services = [
      svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-07-05'),
      svc('RISK_ASSESSMENT', 'ARCHIVED', '2025-01-05'),
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-08-05', true),
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2025-02-05'),
    ];
    const plan = { items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, true)] };
    const status = evaluateObligations(policy, plan, services, RULES, '2025-03-01');
    expect(status.requirements.every((requirement) => requirement.status === 'DONE')).toBe(true);
    expect(status.allDone).toBe(true);
  });

  it('SVC-3 ONLINE_PUSH never counts toward SVC-1 or SVC-2, archived or not', () => {
    const requirements = statusOf([svc('ONLINE_PUSH', 'ARCHIVED', '2024-07-05'), svc('ONLINE_PUSH', 'SCHEDULED')]);
    expect(requirements.FIRST_SERVICE).toMatchObject({ done: 0, inProgress: 0 });
    for (const key of ['RISK_ASSESSMENT', 'HAZARD_INSPECTION', 'DEEP_INSPECTION']) expect(requirements[key]).toMatchObject({ done: 0, inProgress: 0 });
  });

  it('SVC-1 services performed outside the period count for nothing; its first and last day count', () => {
    const outside = statusOf([svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-06-30'), svc('RISK_ASSESSMENT', 'COMPLETED', '2025-07-01')]);
    expect(outside.RISK_ASSESSMENT).toMatchObject({ done: 0, inProgress: 0 });
    const edges = statusOf([svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-07-01'), svc('RISK_ASSESSMENT', 'ARCHIVED', '2025-06-30')]);
    expect(edges.RISK_ASSESSMENT).toMatchObject({ done: 2, status: 'DONE' });
  });

  it('SVC-11 OVERDUE the day after dueBy, not on it; daysLeft goes negative', () => {
    const onDueDay = statusOf([], '2025-06-30');
    expect(onDueDay.RISK_ASSESSMENT).toMatchObject({ status: 'OPEN', daysLeft: 0 });
    const after = evaluateObligations(policy, undefined, [], RULES, '2025-07-01');
    expect(byKey(after.requirements).RISK_ASSESSMENT).toMatchObject({ status: 'OVERDUE', daysLeft: -1, open: 2 });
    expect(after.daysLeftInYear).toBe(-1);
  });

  it('SVC-11 a DONE requirement stays DONE after its due date', () => {
    const requirements = statusOf([svc('TRAINING', 'ARCHIVED', '2024-07-05')], '2024-12-01');
    expect(requirements.FIRST_SERVICE).toMatchObject({ status: 'DONE', daysLeft: -62 });
  });

  it('SVC-11 daysLeftInYear counts to the last day of the period', () => {
    expect(evaluateObligations(policy, undefined, [], RULES, TODAY).daysLeftInYear).toBe(333);
  });
});

describe('SVC-2: the first service within 3 months of the start', () => {
  const policy = policyOf('OTHER', 'SMALL');
  const plan = { items: [] };
  const first = (services: ServiceForObligations[], today = TODAY, overrides: Partial<PolicyForObligations> = {}) =>
    byKey(evaluateObligations({ ...policy, ...overrides }, plan, services, RULES, today).requirements).FIRST_SERVICE!;

  it.each([
    { periodStart: '2024-07-01', periodEnd: '2025-06-30', dueBy: '2024-09-30' },
    { periodStart: '2024-05-15', periodEnd: '2025-05-14', dueBy: '2024-08-14' },
    // SVC-2: the start day counts (cover from 00:00); no 2025-02-29 or -30, so February's last day is the last (art. 202).
    { periodStart: '2024-11-30', periodEnd: '2025-11-29', dueBy: '2025-02-28' },
    { periodStart: '2024-11-29', periodEnd: '2025-11-28', dueBy: '2025-02-28' },
    { periodStart: '2024-11-28', periodEnd: '2025-11-27', dueBy: '2025-02-27' },
    { periodStart: '2023-12-01', periodEnd: '2024-11-30', dueBy: '2024-02-29' },
    { periodStart: '2024-03-31', periodEnd: '2025-03-30', dueBy: '2024-06-30' },
  ])('SVC-2 a policy starting $periodStart owes its first service by $dueBy (three months, the start day counted)', ({ periodStart, periodEnd, dueBy }) => {
    expect(first([], periodStart, { periodStart, periodEnd }).dueBy).toBe(dueBy);
  });

  it('SVC-2 archived and performed on the due day: DONE; the day after: not', () => {
    expect(first([svc('TRAINING', 'ARCHIVED', '2024-09-30')]).status).toBe('DONE');
    expect(first([svc('TRAINING', 'ARCHIVED', '2024-10-01')], '2024-10-20')).toMatchObject({ done: 0, status: 'OVERDUE', daysLeft: -20 });
  });

  it('SVC-2 performed in time but not yet archived: in progress, and OVERDUE once the date passes', () => {
    expect(first([svc('TRAINING', 'CONFIRMED', '2024-09-20')], '2024-10-01')).toMatchObject({ done: 0, inProgress: 1, status: 'OVERDUE' });
  });

  it('SVC-2 a service performed after the due date is not in progress for it either', () => {
    expect(first([svc('TRAINING', 'COMPLETED', '2024-10-05')])).toMatchObject({ inProgress: 0 });
  });
});

describe('cancelled policies', () => {
  it('SVC-1 the year ends the day before cancelledOn; a service performed on cancelledOn counts for nothing', () => {
    const policy = policyOf('COAL_MINE', 'LARGE', { cancelledOn: '2025-01-01' });
    const services = [svc('RISK_ASSESSMENT', 'ARCHIVED', '2024-12-31'), svc('RISK_ASSESSMENT', 'ARCHIVED', '2025-01-01')];
    const status = evaluateObligations(policy, undefined, services, RULES, '2024-12-01');
    expect(status.periodEnd).toBe('2024-12-31');
    expect(status.daysLeftInYear).toBe(30);
    expect(byKey(status.requirements).RISK_ASSESSMENT).toMatchObject({ done: 1, open: 1, dueBy: '2024-12-31', daysLeft: 30 });
  });

  it('SVC-2 cancelled before the first-service date: the first service is due by the last covered day', () => {
    const status = evaluateObligations(policyOf('COAL_MINE', 'LARGE', { cancelledOn: '2024-08-01' }), undefined, [], RULES, '2024-08-05');
    expect(byKey(status.requirements).FIRST_SERVICE).toMatchObject({ dueBy: '2024-07-31', status: 'OVERDUE' });
  });

  it('a cancellation after the period end changes nothing', () => {
    expect(evaluateObligations(policyOf('COAL_MINE', 'LARGE', { cancelledOn: '2025-07-01' }), undefined, [], RULES, TODAY).periodEnd).toBe('2025-06-30');
  });
});

describe('SVC-4: PER_PLAN requirements from the plan lines', () => {
  const policy = policyOf('HAZCHEM', 'SMALL');

  it('SVC-4 lines of the same kind add up; deep inspections have their own line', () => {
    const plan = { items: [line('TRAINING', 1), line('HAZARD_INSPECTION', 2), line('TRAINING', 2), line('HAZARD_INSPECTION', 1, true)] };
    const status = evaluateObligations(policy, plan, [], RULES, TODAY);
    expect(status.requirements.map((requirement) => [requirement.key, requirement.type, requirement.deep, requirement.required])).toEqual([
      ['FIRST_SERVICE', undefined, undefined, 1],
      ['PLAN:TRAINING', 'TRAINING', false, 3],
      ['PLAN:HAZARD_INSPECTION', 'HAZARD_INSPECTION', false, 2],
      ['PLAN:HAZARD_INSPECTION:DEEP', 'HAZARD_INSPECTION', true, 1],
    ]);
  });

  it('SVC-4 archived services of the line count; a deep inspection beyond the deep line counts as a plain one', () => {
    const plan = { items: [line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, true), line('EMERGENCY_DRILL', 1)] };
    const services = [
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-07-10', true),
      svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-08-10', true),
      svc('EMERGENCY_DRILL', 'FOLLOWED_UP', '2024-07-20'),
    ];
    const requirements = byKey(evaluateObligations(policy, plan, services, RULES, TODAY).requirements);
    expect(requirements['PLAN:HAZARD_INSPECTION:DEEP']).toMatchObject({ done: 1, open: 0, status: 'DONE' });
    expect(requirements['PLAN:HAZARD_INSPECTION']).toMatchObject({ done: 1, open: 0, status: 'DONE' });
    expect(requirements['PLAN:EMERGENCY_DRILL']).toMatchObject({ done: 0, open: 1, inProgress: 1, status: 'OPEN' });
  });

  it('SVC-4 a plain inspection never counts for the deep line', () => {
    const plan = { items: [line('HAZARD_INSPECTION', 1, true)] };
    const requirements = byKey(evaluateObligations(policy, plan, [svc('HAZARD_INSPECTION', 'ARCHIVED', '2024-07-10')], RULES, TODAY).requirements);
    expect(requirements['PLAN:HAZARD_INSPECTION:DEEP']).toMatchObject({ done: 0, open: 1 });
  });

  it('SVC-4 a deep inspection counts for a plain line when the plan has no deep line', () => {
    const plan = { items: [line('HAZARD_INSPECTION', 1)] };
    const requirements = byKey(evaluateObligations(policy, plan, [svc('HAZARD_INSPECTION', 'SCHEDULED', undefined, true)], RULES, TODAY).requirements);
    expect(requirements['PLAN:HAZARD_INSPECTION']).toMatchObject({ done: 0, inProgress: 1 });
  });

  it('SVC-4 deep inspections in progress spill into the plain line only beyond what the deep line still owes', () => {
    const plan = { items: [line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, true)] };
    const services = [svc('HAZARD_INSPECTION', 'SCHEDULED', undefined, true), svc('HAZARD_INSPECTION', 'SCHEDULED', undefined, true)];
    const requirements = byKey(evaluateObligations(policy, plan, services, RULES, TODAY).requirements);
    expect(requirements['PLAN:HAZARD_INSPECTION:DEEP']).toMatchObject({ inProgress: 2 });
    expect(requirements['PLAN:HAZARD_INSPECTION']).toMatchObject({ inProgress: 1 });
  });

  it('SVC-4 an ONLINE_PUSH plan line counts online pushes, which still never count for SVC-2', () => {
    const plan = { items: [line('ONLINE_PUSH', 4)] };
    const status = evaluateObligations(policy, plan, [svc('ONLINE_PUSH', 'ARCHIVED', '2024-07-03')], RULES, TODAY);
    expect(byKey(status.requirements)['PLAN:ONLINE_PUSH']).toMatchObject({ done: 1, open: 3 });
    expect(byKey(status.requirements).FIRST_SERVICE).toMatchObject({ done: 0 });
  });

  it('SVC-4 services of a kind the plan does not list count only for SVC-2', () => {
    const plan = { items: [line('TRAINING', 1)] };
    const status = evaluateObligations(policy, plan, [svc('CONSULTING', 'ARCHIVED', '2024-07-03')], RULES, TODAY);
    expect(status.requirements.map((requirement) => [requirement.key, requirement.done])).toEqual([
      ['FIRST_SERVICE', 1],
      ['PLAN:TRAINING', 0],
    ]);
  });

  it('SVC-4 an empty plan owes only the first service', () => {
    const status = evaluateObligations(policy, { items: [] }, [svc('CONSULTING', 'ARCHIVED', '2024-07-03')], RULES, TODAY);
    expect(status.planMissing).toBe(false);
    expect(status.allDone).toBe(true);
  });
});

describe('properties of the engine (fast-check)', () => {
  const dateIn2024to2025 = fc.integer({ min: 0, max: 730 }).map((offset) => {
    const date = new Date(Date.UTC(2024, 5, 1) + offset * 86_400_000);
    return date.toISOString().slice(0, 10);
  });
  const serviceArbitrary: fc.Arbitrary<ServiceForObligations> = fc
    .record({
      type: fc.constantFrom(...SERVICE_TYPES),
      deep: fc.boolean(),
      status: fc.constantFrom(...SERVICE_STATUSES),
      performedOn: fc.option(dateIn2024to2025, { nil: undefined }),
    })
    .map(({ type, deep, status, performedOn }) => {
      const withDeep = { type, deep: type === 'HAZARD_INSPECTION' && deep, status };
      const performed = status !== 'SCHEDULED' && status !== 'SCHEDULE_CONFIRMED' && status !== 'CANCELLED';
      return performed ? { ...withDeep, performedOn: performedOn ?? '2024-08-01' } : withDeep;
    });
  const planArbitrary = fc.option(
    fc.array(
      fc.record({ type: fc.constantFrom(...SERVICE_TYPES), deep: fc.boolean(), count: fc.integer({ min: 1, max: 4 }) }).map(({ type, deep, count }) =>
        line(type, count, type === 'HAZARD_INSPECTION' && deep),
      ),
      { maxLength: 6 },
    ),
    { nil: undefined },
  );
  const caseArbitrary = fc.record({
    industry: fc.constantFrom(...INDUSTRIES),
    size: fc.constantFrom(...ENTERPRISE_SIZES),
    cancelledOn: fc.option(dateIn2024to2025, { nil: undefined }),
    plan: planArbitrary,
    services: fc.array(serviceArbitrary, { maxLength: 25 }),
    today: dateIn2024to2025,
  });

  it('open = max(required − done, 0); status DONE iff done ≥ required, else OVERDUE iff today > dueBy', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ industry, size, cancelledOn, plan, services, today }) => {
        const policy = policyOf(industry, size, cancelledOn === undefined ? {} : { cancelledOn });
        const status = evaluateObligations(policy, plan === undefined ? undefined : { items: plan }, services, RULES, today);
        for (const requirement of status.requirements) {
          expect(requirement.open).toBe(Math.max(requirement.required - requirement.done, 0));
          expect(requirement.done + requirement.open).toBe(Math.max(requirement.required, requirement.done));
          const expected = requirement.done >= requirement.required ? 'DONE' : today > requirement.dueBy ? 'OVERDUE' : 'OPEN';
          expect(requirement.status).toBe(expected);
          expect(requirement.dueBy <= status.periodEnd).toBe(true);
        }
        expect(status.allDone).toBe(!status.planMissing && status.requirements.every((requirement) => requirement.status === 'DONE'));
      }),
      { numRuns: 400 },
    );
  });

  it('done never exceeds the archived services, nor inProgress the live ones; order of services does not matter', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ industry, size, cancelledOn, plan, services, today }) => {
        const policy = policyOf(industry, size, cancelledOn === undefined ? {} : { cancelledOn });
        const planned = plan === undefined ? undefined : { items: plan };
        const status = evaluateObligations(policy, planned, services, RULES, today);
        const archivedCount = services.filter((service) => service.status === 'ARCHIVED').length;
        const liveCount = services.filter((service) => service.status !== 'ARCHIVED' && service.status !== 'CANCELLED').length;
        for (const requirement of status.requirements) {
          expect(requirement.done).toBeLessThanOrEqual(archivedCount);
          expect(requirement.inProgress).toBeLessThanOrEqual(liveCount);
        }
        expect(evaluateObligations(policy, planned, [...services].reverse(), RULES, today)).toEqual(status);
      }),
      { numRuns: 300 },
    );
  });

  it('archiving one more counting service never lowers any done figure; a cancelled one changes nothing', () => {
    fc.assert(
      fc.property(caseArbitrary, serviceArbitrary, ({ industry, size, plan, services, today }, extra) => {
        const policy = policyOf(industry, size);
        const planned = plan === undefined ? undefined : { items: plan };
        const before = evaluateObligations(policy, planned, services, RULES, today);
        const withArchived = evaluateObligations(policy, planned, [...services, { ...extra, status: 'ARCHIVED', performedOn: extra.performedOn ?? '2024-09-01' }], RULES, today);
        before.requirements.forEach((requirement, index) => {
          expect(withArchived.requirements[index]!.done).toBeGreaterThanOrEqual(requirement.done);
        });
        const { performedOn: _performedOn, ...unperformed } = extra;
        expect(evaluateObligations(policy, planned, [...services, { ...unperformed, status: 'CANCELLED' }], RULES, today)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
