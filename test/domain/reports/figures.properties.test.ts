import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES, type LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { INDUSTRIES } from '../../../domain/kernel/industry.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures, type ReportClaim, type ReportComplaint, type ReportHazard, type ReportPolicy, type ReportRecords, type ReportService } from '../../../domain/reports/figures.js';
import { reportPeriodOf } from '../../../domain/reports/period.js';
import { reportFiguresSchema, type ReportKind } from '../../../domain/reports/report-figures.js';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../../../domain/services/service.js';

/** Days around both periods' edges, so "in the period" is decided at its boundaries. */
const DAYS = ['2025-12-31', '2026-01-01', '2026-03-15', '2026-06-30', '2026-07-01', '2026-07-31', '2026-12-31', '2027-01-01'] as const;
const day = fc.constantFrom(...DAYS);
/** Instants whose Asia/Shanghai day differs from their UTC day: 2026-06-30T16:30Z is July 1 in Beijing. */
const instant = fc.constantFrom('2026-01-01T01:00:00Z', '2026-06-30T15:59:59Z', '2026-06-30T16:30:00Z', '2026-12-31T15:00:00Z', '2026-12-31T16:00:00Z', '2027-02-01T02:00:00Z');
const counties = fc.constantFrom('140902', '140981', 'XZ-EDZ');
const fen = fc.integer({ min: 0, max: 30_000_000 });

const policy: fc.Arbitrary<ReportPolicy> = fc.record({
  id: fc.uuid(),
  periodStart: day,
  enterprise: fc.record({ uscc: fc.constantFrom('U1', 'U2', 'U3', 'U4', 'U5'), county: counties, industry: fc.constantFrom(...INDUSTRIES) }),
  employeesCovered: fc.integer({ min: 1, max: 5000 }),
  premiumFen: fen,
  premiumExTaxFen: fen,
});

const service: fc.Arbitrary<ReportService> = fc.record(
  {
    type: fc.constantFrom(...SERVICE_TYPES),
    status: fc.constantFrom(...SERVICE_STATUSES),
    record: fc.record({ performedOn: day }),
    followUp: fc.record({ at: instant, late: fc.boolean() }),
    archive: fc.record({ archivedOn: day, late: fc.boolean() }),
  },
  { requiredKeys: ['type', 'status'] },
);

const hazard: fc.Arbitrary<ReportHazard> = fc.record(
  {
    grade: fc.constantFrom('GENERAL', 'MAJOR'),
    status: fc.constantFrom('OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'),
    foundOn: day,
    rectification: fc.record({ closedAt: instant }, { requiredKeys: [] }),
  },
  { requiredKeys: ['grade', 'status', 'foundOn'] },
);

const complaint: fc.Arbitrary<ReportComplaint> = fc.record(
  {
    receivedOn: day,
    reply: fc.record({ repliedAt: instant }),
    deadlines: fc.record({ binding: fc.record({ dueOn: day }) }),
    escalation: fc.constant({ reason: '不满意' }),
  },
  { requiredKeys: ['receivedOn', 'deadlines'] },
);

const claim: fc.Arbitrary<ReportClaim> = fc.record(
  {
    registeredAt: instant,
    decision: fc.record({ outcome: fc.constantFrom('PAID', 'PARTIALLY_PAID', 'DECLINED'), decidedOn: day }),
    payouts: fc.array(fc.record({ paidOn: day, amountFen: fen }), { maxLength: 3 }),
  },
  { requiredKeys: ['registeredAt', 'payouts'] },
);

type RawEntry =
  | { kind: 'ACCRUAL'; date: string; receivedFen: number; premiumExTaxFen: number; amountFen: number }
  | { kind: 'EXPENSE'; date: string; category: (typeof EXPENSE_CATEGORIES)[number]; amountFen: number }
  | { kind: 'REVERSAL'; pick: number };

const rawEntry: fc.Arbitrary<RawEntry> = fc.oneof(
  fc.record({ kind: fc.constant('ACCRUAL' as const), date: day, receivedFen: fen, premiumExTaxFen: fen, amountFen: fen }),
  fc.record({ kind: fc.constant('EXPENSE' as const), date: day, category: fc.constantFrom(...EXPENSE_CATEGORIES), amountFen: fen }),
  fc.record({ kind: fc.constant('REVERSAL' as const), pick: fc.nat() }),
);

/** A ledger of year 2026 as FEE-2 books it: numbered entries, a reversal taking back an earlier entry on its day. */
function ledgerOf(raw: readonly RawEntry[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const base = (sequence: number, date: string) => ({ id: `2026-${String(sequence).padStart(10, '0')}-aaaaaaaaaa`, tenantId: 't1', year: 2026, sequence, date, advance: false, ruleSetId: 'xinzhou-2024', ruleSetVersion: 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'u' });
  for (const item of raw) {
    const sequence = entries.length + 1;
    if (item.kind === 'REVERSAL') {
      const candidates = entries.filter((entry) => entry.kind !== 'REVERSAL' && !entries.some((other) => other.kind === 'REVERSAL' && other.reverses.entryId === entry.id));
      const target = candidates[item.pick % Math.max(1, candidates.length)];
      if (!target || target.kind === 'REVERSAL') continue;
      entries.push({
        ...base(sequence, target.date),
        kind: 'REVERSAL',
        amountFen: target.amountFen,
        reason: '冲销',
        reverses: target.kind === 'ACCRUAL'
          ? { entryId: target.id, sequence: target.sequence, kind: 'ACCRUAL', amountFen: target.amountFen, advance: false, receivedFen: target.receivedFen, premiumExTaxFen: target.premiumExTaxFen }
          : { entryId: target.id, sequence: target.sequence, kind: 'EXPENSE', amountFen: target.amountFen, advance: false, category: target.category },
      } as unknown as LedgerEntry);
    } else if (item.kind === 'ACCRUAL') {
      entries.push({ ...base(sequence, item.date), kind: 'ACCRUAL', amountFen: item.amountFen, receivedFen: item.receivedFen, premiumExTaxFen: item.premiumExTaxFen } as unknown as LedgerEntry);
    } else {
      entries.push({ ...base(sequence, item.date), kind: 'EXPENSE', amountFen: item.amountFen, category: item.category } as unknown as LedgerEntry);
    }
  }
  return entries;
}

const records = fc.record({
  policies: fc.array(policy, { maxLength: 25 }),
  planCounts: fc.array(fc.record({ pick: fc.nat(), type: fc.constantFrom(...SERVICE_TYPES), count: fc.integer({ min: 1, max: 6 }) }), { maxLength: 20 }),
  services: fc.array(service, { maxLength: 40 }),
  hazards: fc.array(hazard, { maxLength: 25 }),
  ledger: fc.array(rawEntry, { maxLength: 40 }),
  complaints: fc.array(complaint, { maxLength: 15 }),
  claims: fc.array(claim, { maxLength: 8 }),
  kind: fc.constantFrom<ReportKind>('HALF_YEAR', 'YEAR'),
});

type Seed = typeof records extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(seed: Seed): ReportRecords {
  const plans = seed.policies.length === 0 ? [] : seed.planCounts.map((line) => ({ policyId: (seed.policies[line.pick % seed.policies.length] as ReportPolicy).id, items: [{ type: line.type, count: line.count }] }));
  return { policies: seed.policies, plans, services: seed.services, hazards: seed.hazards, ledger: ledgerOf(seed.ledger), complaints: seed.complaints, claims: seed.claims };
}

/** Beijing's day of an instant, by adding eight hours — a different way from the code's. */
const beijingDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('RPT-1 RPT-4 report figures are an exact recount of the records', () => {
  it('RPT-4 every figure equals an independent recount from seeded records (property, random seeds)', () => {
    fc.assert(
      fc.property(records, (seed) => {
        const period = reportPeriodOf(2026, seed.kind);
        const input = recordsOf(seed);
        const figures = computeReportFigures(input, { tenantId: 't1', insurerName: '测试保险忻州分公司', period, ruleSet: XINZHOU_2024, generatedAt: '2027-02-01T00:00:00.000Z' });
        expect(reportFiguresSchema.safeParse(figures).success).toBe(true);
        const inPeriod = (d: string) => d >= period.from && d <= period.to;

        const policies = input.policies.filter((p) => inPeriod(p.periodStart));
        const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);
        expect(figures.underwriting.policies).toBe(policies.length);
        expect(figures.underwriting.enterprises).toBe(new Set(policies.map((p) => p.enterprise.uscc)).size);
        expect(figures.underwriting.employees).toBe(sum(policies, (p) => p.employeesCovered));
        expect(figures.underwriting.premiumFen).toBe(sum(policies, (p) => p.premiumFen));
        expect(figures.underwriting.premiumExTaxFen).toBe(sum(policies, (p) => p.premiumExTaxFen));
        expect(sum(figures.underwriting.byCountyIndustry, (row) => row.policies)).toBe(policies.length);
        expect(sum(figures.underwriting.byCountyIndustry, (row) => row.premiumFen)).toBe(figures.underwriting.premiumFen);
        for (const row of figures.underwriting.byCountyIndustry) {
          const group = policies.filter((p) => p.enterprise.county === row.county && p.enterprise.industry === row.industry);
          expect(row.policies).toBe(group.length);
          expect(row.enterprises).toBe(new Set(group.map((p) => p.enterprise.uscc)).size);
          expect(row.employees).toBe(sum(group, (p) => p.employeesCovered));
        }

        const ids = new Set(policies.map((p) => p.id));
        for (const row of figures.services.byCategory) {
          expect(row.planned).toBe(sum(input.plans.filter((plan) => ids.has(plan.policyId)), (plan) => sum(plan.items.filter((item) => item.type === row.category), (item) => item.count)));
          expect(row.performed).toBe(input.services.filter((s) => s.type === row.category && s.status !== 'CANCELLED' && s.record !== undefined && inPeriod(s.record.performedOn)).length);
        }
        const live = input.services.filter((s) => s.status !== 'CANCELLED');
        expect(figures.services.followUps).toEqual({
          onTime: live.filter((s) => s.followUp && inPeriod(beijingDay(s.followUp.at)) && !s.followUp.late).length,
          late: live.filter((s) => s.followUp && inPeriod(beijingDay(s.followUp.at)) && s.followUp.late).length,
        });
        expect(figures.services.archives).toEqual({
          onTime: live.filter((s) => s.archive && inPeriod(s.archive.archivedOn) && !s.archive.late).length,
          late: live.filter((s) => s.archive && inPeriod(s.archive.archivedOn) && s.archive.late).length,
        });
        const found = input.hazards.filter((h) => inPeriod(h.foundOn));
        expect(figures.services.hazards).toEqual({
          found: found.length,
          major: found.filter((h) => h.grade === 'MAJOR').length,
          rectified: found.filter((h) => ['RECTIFIED', 'VERIFIED'].includes(h.status) && h.rectification?.closedAt !== undefined && beijingDay(h.rectification.closedAt) <= period.to).length,
        });

        const entries = input.ledger.filter((e) => e.date <= period.to);
        const signed = (e: LedgerEntry, field: 'premiumExTaxFen' | 'accrued' | 'spent'): number => {
          if (e.kind === 'ACCRUAL') return field === 'premiumExTaxFen' ? e.premiumExTaxFen : field === 'accrued' ? e.amountFen : 0;
          if (e.kind === 'EXPENSE') return field === 'spent' ? e.amountFen : 0;
          const r = e.reverses;
          if (r.kind === 'ACCRUAL') return field === 'premiumExTaxFen' ? -(r.premiumExTaxFen ?? 0) : field === 'accrued' ? -r.amountFen : 0;
          return field === 'spent' ? -r.amountFen : 0;
        };
        const premium = sum(entries, (e) => signed(e, 'premiumExTaxFen'));
        const spent = sum(entries, (e) => signed(e, 'spent'));
        expect(figures.fees.receivedExTaxFen).toBe(premium);
        expect(figures.fees.accruedFen).toBe(sum(entries, (e) => signed(e, 'accrued')));
        expect(figures.fees.spentFen).toBe(spent);
        expect(figures.fees.ratioBp).toBe(premium > 0 ? Math.floor((2 * spent * 10_000 + premium) / (2 * premium)) : 0);
        expect([figures.fees.minimumRatioBp, figures.fees.targetRatioBp]).toEqual([1500, 2100]);
        expect(sum(figures.fees.spentByCategory, (row) => row.fen)).toBe(spent);

        const received = input.complaints.filter((c) => inPeriod(c.receivedOn));
        expect(figures.complaints).toEqual({
          received: received.length,
          answeredOnTime: received.filter((c) => c.reply && beijingDay(c.reply.repliedAt) <= c.deadlines.binding.dueOn).length,
          answeredLate: received.filter((c) => c.reply && beijingDay(c.reply.repliedAt) > c.deadlines.binding.dueOn).length,
          escalated: received.filter((c) => c.escalation !== undefined).length,
        });
        const claims = input.claims ?? [];
        if (claims.length === 0) expect(figures.claims).toBeUndefined();
        else {
          expect(figures.claims).toEqual({
            registered: claims.filter((c) => inPeriod(beijingDay(c.registeredAt))).length,
            paid: claims.filter((c) => c.decision && c.decision.outcome !== 'DECLINED' && inPeriod(c.decision.decidedOn)).length,
            declined: claims.filter((c) => c.decision?.outcome === 'DECLINED' && inPeriod(c.decision.decidedOn)).length,
            paidFen: sum(claims.flatMap((c) => c.payouts.filter((p) => inPeriod(p.paidOn))), (p) => p.amountFen),
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('RPT-4 regenerating from the same records gives the same figures, whatever their order', () => {
    fc.assert(
      fc.property(records, (seed) => {
        const period = reportPeriodOf(2026, seed.kind);
        const input = recordsOf(seed);
        const context = { tenantId: 't1', insurerName: '测试保险忻州分公司', period, ruleSet: XINZHOU_2024, generatedAt: '2027-02-01T00:00:00.000Z' };
        const reversed: ReportRecords = {
          policies: [...input.policies].reverse(),
          plans: [...input.plans].reverse(),
          services: [...input.services].reverse(),
          hazards: [...input.hazards].reverse(),
          ledger: [...input.ledger].reverse(),
          complaints: [...input.complaints].reverse(),
          claims: [...(input.claims ?? [])].reverse(),
        };
        expect(computeReportFigures(reversed, context)).toEqual(computeReportFigures(input, context));
      }),
      { numRuns: 30 },
    );
  });

  it('RPT-1 names are Chinese for display: counties, industries, service and expense categories', () => {
    const figures = computeReportFigures(
      { policies: [{ id: 'p1', periodStart: '2026-02-01', enterprise: { uscc: 'U1', county: '140902', industry: 'COAL_MINE' }, employeesCovered: 10, premiumFen: 100, premiumExTaxFen: 94 }], plans: [], services: [], hazards: [], ledger: [], complaints: [] },
      { tenantId: 't1', insurerName: '测试', period: reportPeriodOf(2026, 'HALF_YEAR'), ruleSet: XINZHOU_2024, generatedAt: '2026-08-01T00:00:00.000Z' },
    );
    expect(figures.underwriting.byCountyIndustry[0]).toMatchObject({ countyName: '忻府区', industryName: expect.stringMatching(/煤/) });
    expect(figures.services.byCategory.map((row) => row.categoryName)).toContain('隐患排查');
    expect(figures.fees.spentByCategory.every((row) => /^[\u4e00-\u9fff]+$/.test(row.categoryName))).toBe(true);
  });
});
