import { describe, expect, it } from 'vitest';
import { overviewOf, rankBehind } from '../../../domain/supervision/counters-overview.js';
import type { FeeFigures, FigureSet } from '../../../domain/supervision/counters-overview.js';
import { cellKeyOf, policyContribution } from '../../../domain/supervision/counters.js';

const zero = { due: 0, onTime: 0, late: 0, overdue: 0 };
const row = (tenantId: string, over: Partial<FigureSet> = {}, fees: Partial<FeeFigures> | null = null) => ({
  tenantId,
  inForce: 0,
  obligations: { required: 0, done: 0, overdue: 0 },
  followUps: zero,
  archives: zero,
  complaints: { ...zero, escalated: 0 },
  majorHazards: { open: 0, overdue: 0 },
  ...over,
  fees: fees === null ? null : ({ shortfallFen: 0, ...fees } as FeeFigures),
});

describe('issue 14: the "most behind" ranking', () => {
  it('SVC-8 SVC-9 CMP-2 FEE-4 ranks open overdue items first, then late ones, then the fee shortfall, then the share of services done', () => {
    const ranked = rankBehind([
      row('done-all', { obligations: { required: 4, done: 4, overdue: 0 } }),
      row('short-on-fees', {}, { shortfallFen: 50_000 }),
      row('late-archives', { archives: { due: 3, onTime: 0, late: 3, overdue: 0 } }),
      row('overdue-follow-up', { followUps: { due: 1, onTime: 0, late: 0, overdue: 1 } }),
      row('half-done', { obligations: { required: 4, done: 2, overdue: 0 } }),
    ]);
    expect(ranked.map((r) => r.tenantId)).toEqual(['overdue-follow-up', 'late-archives', 'short-on-fees', 'half-done', 'done-all']);
  });

  it('SVC-7 an overdue major hazard or an unanswered complaint weighs like an overdue service item', () => {
    const ranked = rankBehind([
      row('a', { followUps: { due: 1, onTime: 0, late: 0, overdue: 1 } }),
      row('b', { majorHazards: { open: 2, overdue: 2 } }),
      row('c', { complaints: { due: 1, onTime: 0, late: 0, overdue: 1, escalated: 1 } }),
    ]);
    expect(ranked.map((r) => r.tenantId)).toEqual(['b', 'a', 'c']);
  });
});

describe('issue 14: the overview from cells', () => {
  it('UW-11 ACL-4 counts a policy in force today for its county and insurer, and a county EMB sees its county only, without fees', () => {
    const policy = { tenantId: 'picc', enterprise: { county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' } as never, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    const other = { ...policy, tenantId: 'pingan', enterprise: { county: '140981', industry: 'COAL_MINE', size: 'MEDIUM' } as never };
    const cells = {
      ...policyContribution(policy, undefined, '2026-06-15').contribution,
      ...policyContribution(other, undefined, '2026-06-15').contribution,
      [cellKeyOf({ year: 2026, tenantId: 'pingan', county: 'ALL' })]: { feeSpent: 100, feePremiumExTax: 1_000 },
    };
    const city = overviewOf({ year: 2026, today: '2026-06-15', cells, tenantIds: ['picc', 'pingan'], registered: { '140902': 4, '140981': 1 }, fees: { floorBasisPoints: 1500, ceilingBasisPoints: 2100 } });
    expect(city.totals).toMatchObject({ inForce: 2, registered: 5, coverageShareBasisPoints: 4000 });
    expect(city.insurers.find((r) => r.tenantId === 'pingan')?.fees).toMatchObject({ spentFen: 100, ratioBasisPoints: 1000, shortfallFen: 50 });
    const county = overviewOf({ year: 2026, today: '2026-06-15', cells, tenantIds: ['picc', 'pingan'], registered: { '140902': 4 }, county: '140902' });
    expect(county.counties.map((r) => r.county)).toEqual(['140902']);
    expect(county.insurers.map((r) => [r.tenantId, r.inForce, r.fees])).toEqual(
      expect.arrayContaining([
        ['picc', 1, null],
        ['pingan', 0, null],
      ]),
    );
    expect(county.totals.coverageShareBasisPoints).toBe(2500);
  });
});
