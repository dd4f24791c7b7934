import { describe, expect, it } from 'vitest';
import {
  coverageCountsOf,
  evaluateCoverage,
  nextEdgeAfter,
  withPolicyShare,
  type EnterpriseCoverage,
} from '../../../domain/underwriting/coverage.js';
import { cancelPolicy } from '../../../domain/underwriting/cancellation.rules.js';
import { COAL_MINE, at, issued } from './fixtures.js';

const YEAR = { start: '2024-07-01', end: '2025-06-30' };
const IN_FORCE = '2024-09-27';

/** The enterprise's coverage as last stored, evaluated on `evaluatedOn`. */
function stored(overrides: Partial<EnterpriseCoverage> = {}): EnterpriseCoverage {
  return {
    uscc: COAL_MINE.uscc,
    county: '140902',
    industry: 'COAL_MINE',
    shares: { 'p-1': { tenantId: 't-picc', ...YEAR } },
    evaluatedOn: IN_FORCE,
    insuredCounted: true,
    version: 1,
    ...overrides,
  };
}

describe('coverage counters (UW-11)', () => {
  it('UW-11 a first in-force policy counts the enterprise once in its county × industry', () => {
    const change = evaluateCoverage(undefined, withPolicyShare(undefined, issued()), IN_FORCE);
    expect(change.counterDeltas).toEqual([{ county: '140902', industry: 'COAL_MINE', delta: 1 }]);
    expect(change.expectedVersion).toBeUndefined();
    expect(change.coverage).toMatchObject({ insuredCounted: true, evaluatedOn: IN_FORCE, nextEdge: '2025-07-01', version: 1 });
    expect(change.coverage.shares['p-1']).toEqual({ tenantId: 't-picc', ...YEAR });
  });

  it('UW-11 a policy that starts later is recorded but not counted until its first day', () => {
    const change = evaluateCoverage(undefined, withPolicyShare(undefined, issued()), '2024-06-28');
    expect(change.counterDeltas).toEqual([]);
    expect(change.coverage).toMatchObject({ insuredCounted: false, nextEdge: '2024-07-01' });
    const onStart = evaluateCoverage(change.coverage, change.coverage, '2024-07-01');
    expect(onStart.counterDeltas).toEqual([{ county: '140902', industry: 'COAL_MINE', delta: 1 }]);
    expect(onStart.expectedVersion).toBe(1);
  });

  it('UW-11 an enterprise already counted is not counted twice by a second policy or a redelivered event', () => {
    const again = evaluateCoverage(stored(), withPolicyShare(stored(), issued()), IN_FORCE);
    expect(again.counterDeltas).toEqual([]);
    const second = { ...issued({ periodStart: '2024-08-01', periodEnd: '2025-07-31' }, { id: 'p-2' }), tenantId: 't-cpic' };
    expect(evaluateCoverage(stored(), withPolicyShare(stored(), second), IN_FORCE).counterDeltas).toEqual([]);
  });

  it('UW-11 a cancellation that ends cover today takes the enterprise off the counter', () => {
    const cancelled = cancelPolicy(issued(), { on: IN_FORCE, reason: '企业关闭' }, at('2024-09-27T02:00:00Z')).state;
    const change = evaluateCoverage(stored(), withPolicyShare(stored(), cancelled), IN_FORCE);
    expect(change.coverage.shares['p-1']).toEqual({ tenantId: 't-picc', start: '2024-07-01', end: '2024-09-26' });
    expect(change.counterDeltas).toEqual([{ county: '140902', industry: 'COAL_MINE', delta: -1 }]);
  });

  it('UW-11 a policy cancelled before it began leaves no share', () => {
    const voided = cancelPolicy(issued(), { on: '2024-07-01', reason: '未起保即注销' }, at('2024-06-28T02:00:00Z')).state;
    const uncounted = stored({ insuredCounted: false, evaluatedOn: '2024-06-28' });
    const change = evaluateCoverage(uncounted, withPolicyShare(uncounted, voided), '2024-06-28');
    expect(change.coverage.shares).toEqual({});
    expect(change.counterDeltas).toEqual([]);
    expect(change.coverage.nextEdge).toBeUndefined();
  });

  it('UW-11 an enterprise whose snapshot moved to another county moves from one counter to the other', () => {
    const moved = { ...issued(), enterprise: { ...COAL_MINE, county: '140981' } };
    const change = evaluateCoverage(stored(), withPolicyShare(stored(), moved), IN_FORCE);
    expect(change.counterDeltas).toEqual([
      { county: '140902', industry: 'COAL_MINE', delta: -1 },
      { county: '140981', industry: 'COAL_MINE', delta: 1 },
    ]);
  });

  it('UW-11 the day after the last covered day the sweep takes the enterprise off the counter', () => {
    const change = evaluateCoverage(stored(), stored(), '2025-07-01');
    expect(change.counterDeltas).toEqual([{ county: '140902', industry: 'COAL_MINE', delta: -1 }]);
    expect(change.coverage).toMatchObject({ insuredCounted: false, version: 2 });
    expect(change.coverage.nextEdge).toBeUndefined();
  });

  it('UW-11 the next edge is the first start or day-after-end later than today', () => {
    const periods = [YEAR, { start: '2025-03-01', end: '2026-02-28' }];
    expect(nextEdgeAfter(periods, '2024-06-30')).toBe('2024-07-01');
    expect(nextEdgeAfter(periods, IN_FORCE)).toBe('2025-03-01');
    expect(nextEdgeAfter(periods, '2025-03-01')).toBe('2025-07-01');
    expect(nextEdgeAfter(periods, '2026-03-01')).toBeUndefined();
  });

  it('UW-11 counts per industry never show more insured than registered, and leave OTHER out', () => {
    expect(
      coverageCountsOf(
        '140902',
        [
          { industry: 'COAL_MINE', registered: 2 },
          { industry: 'CHEMICAL', registered: 1 },
          { industry: 'OTHER', registered: 9 },
        ],
        [
          { industry: 'COAL_MINE', insured: 1 },
          { industry: 'CHEMICAL', insured: 3 },
        ],
      ),
    ).toEqual([
      { county: '140902', industry: 'COAL_MINE', scope: 'MANDATORY', registered: 2, insured: 1, uninsured: 1 },
      { county: '140902', industry: 'CHEMICAL', scope: 'PROMOTED', registered: 1, insured: 1, uninsured: 0 },
    ]);
  });
});
