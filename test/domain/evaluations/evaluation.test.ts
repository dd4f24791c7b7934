import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSheet } from '../../../domain/evaluations/computed-items.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { draftEvaluation, noticeAfterEvaluation, publishEvaluation, scoreManualItems } from '../../../domain/evaluations/evaluation.rules.js';
import { evaluationPeriodOf, reportPeriodFor, type EvaluationPeriod } from '../../../domain/evaluations/period.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { evaluationScoreSheetSchema, XINZHOU_2024_EVALUATION_SCORE_SHEET as SHEET } from '../../../domain/kernel/rule-set/evaluation-score-sheet.js';
import { ruleSetSchema } from '../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures, type ReportComplaint, type ReportHazard, type ReportPolicy, type ReportRecords, type ReportService } from '../../../domain/reports/figures.js';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../../../domain/services/service.js';

const DUE = XINZHOU_2024.regulatorEvaluationDue;
/** Days around the half-years' edges, so "in the period" is decided at its boundaries. */
const day = fc.constantFrom('2025-12-31', '2026-01-01', '2026-03-15', '2026-06-30', '2026-07-01', '2026-09-30', '2026-12-31', '2027-01-01');
/** Instants whose Asia/Shanghai day differs from their UTC day (2026-06-30T16:30Z is July 1 in Beijing). */
const instant = fc.constantFrom('2026-01-01T01:00:00Z', '2026-06-30T15:59:59Z', '2026-06-30T16:30:00Z', '2026-12-31T15:00:00Z', '2026-12-31T16:00:00Z');
const fen = fc.integer({ min: 0, max: 3_000_000 });
const USCCS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

const seededYear = fc.record({
  policies: fc.array(
    fc.record({ id: fc.uuid(), periodStart: day, enterprise: fc.record({ uscc: fc.constantFrom(...USCCS), county: fc.constant('140902'), industry: fc.constant('COAL_MINE' as const) }), employeesCovered: fc.integer({ min: 1, max: 500 }), premiumFen: fen, premiumExTaxFen: fen }),
    { maxLength: 20 },
  ),
  services: fc.array(
    fc.record(
      { type: fc.constantFrom(...SERVICE_TYPES), status: fc.constantFrom(...SERVICE_STATUSES), record: fc.record({ performedOn: day }), followUp: fc.record({ at: instant, late: fc.boolean() }), archive: fc.record({ archivedOn: day, late: fc.boolean() }) },
      { requiredKeys: ['type', 'status'] },
    ),
    { maxLength: 40 },
  ),
  hazards: fc.array(
    fc.record(
      { grade: fc.constantFrom('GENERAL' as const, 'MAJOR' as const), status: fc.constantFrom('OPEN' as const, 'RECTIFYING' as const, 'RECTIFIED' as const, 'VERIFIED' as const), foundOn: day, rectification: fc.record({ closedAt: instant }, { requiredKeys: [] }) },
      { requiredKeys: ['grade', 'status', 'foundOn'] },
    ),
    { maxLength: 25 },
  ),
  complaints: fc.array(
    fc.record({ receivedOn: day, reply: fc.record({ repliedAt: instant }), deadlines: fc.record({ binding: fc.record({ dueOn: day }) }) }, { requiredKeys: ['receivedOn', 'deadlines'] }),
    { maxLength: 15 },
  ),
  accruals: fc.array(fc.record({ date: day, exTax: fen }), { maxLength: 10 }),
  expenses: fc.array(fc.record({ date: day, amount: fen }), { maxLength: 10 }),
  registered: fc.subarray(USCCS),
  term: fc.constantFrom('H1' as const, 'H2' as const, 'YEAR' as const),
});
type Seed = typeof seededYear extends fc.Arbitrary<infer T> ? T : never;

function ledgerOf(seed: Seed): LedgerEntry[] {
  const base = (sequence: number, date: string) => ({ id: `2026-${String(sequence).padStart(10, '0')}-aaaaaaaaaa`, tenantId: 't1', year: Number(date.slice(0, 4)), sequence, date, advance: false, ruleSetId: 'xinzhou-2024', ruleSetVersion: 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'u' });
  const entries: LedgerEntry[] = [];
  for (const accrual of seed.accruals) entries.push({ ...base(entries.length + 1, accrual.date), kind: 'ACCRUAL', amountFen: Math.floor(accrual.exTax * 0.15), receivedFen: accrual.exTax, premiumExTaxFen: accrual.exTax } as unknown as LedgerEntry);
  for (const expense of seed.expenses) entries.push({ ...base(entries.length + 1, expense.date), kind: 'EXPENSE', amountFen: expense.amount, category: 'OFFLINE_SERVICE' } as unknown as LedgerEntry);
  return entries;
}

function recordsOf(seed: Seed): ReportRecords {
  return { policies: seed.policies as ReportPolicy[], plans: [], services: seed.services as ReportService[], hazards: seed.hazards as ReportHazard[], ledger: ledgerOf(seed), complaints: seed.complaints as ReportComplaint[] };
}

/** Beijing's day of an instant by adding eight hours — a different way from the code's. */
const beijingDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const inPeriod = (d: string, period: EvaluationPeriod) => d >= period.from && d <= period.to;
/** Points from a part of a whole, the score sheet's way: share rounded down to basis points, points to the nearest. */
const points = (weight: number, part: number, whole: number) => (whole === 0 ? weight : Math.round((weight * Math.min(10_000, Math.floor((part * 10_000) / whole))) / 10_000));

/** The five computed items recounted straight from the records, without the report figures. */
function recount(seed: Seed, period: EvaluationPeriod): Record<string, number> {
  let onTime = 0;
  let all = 0;
  for (const service of seed.services) {
    if (service.status === 'CANCELLED') continue;
    if (service.followUp && inPeriod(beijingDay(service.followUp.at), period)) {
      all += 1;
      if (!service.followUp.late) onTime += 1;
    }
    if (service.archive && inPeriod(service.archive.archivedOn, period)) {
      all += 1;
      if (!service.archive.late) onTime += 1;
    }
  }
  let answered = 0;
  let answeredOnTime = 0;
  for (const complaint of seed.complaints) {
    if (!inPeriod(complaint.receivedOn, period) || !complaint.reply) continue;
    answered += 1;
    if (beijingDay(complaint.reply.repliedAt) <= complaint.deadlines.binding.dueOn) answeredOnTime += 1;
  }
  const ofYear = (d: string) => d.startsWith(`${period.year}-`) && d <= period.to;
  const exTax = seed.accruals.filter((a) => ofYear(a.date)).reduce((sum, a) => sum + a.exTax, 0);
  const spent = seed.expenses.filter((e) => ofYear(e.date)).reduce((sum, e) => sum + e.amount, 0);
  const ratioBp = exTax === 0 ? 0 : Math.round((spent * 10_000) / exTax);
  const insured = new Set(seed.policies.filter((p) => inPeriod(p.periodStart, period)).map((p) => p.enterprise.uscc));
  const inRegister = [...insured].filter((uscc) => seed.registered.includes(uscc)).length;
  const found = seed.hazards.filter((h) => inPeriod(h.foundOn, period));
  const rectified = found.filter((h) => (h.status === 'RECTIFIED' || h.status === 'VERIFIED') && h.rectification?.closedAt !== undefined && beijingDay(h.rectification.closedAt) <= period.to);
  return {
    SERVICE_TIMELINESS: points(20, onTime, all),
    COMPLAINTS_ON_TIME: points(10, answeredOnTime, answered),
    FEE_RATIO: exTax === 0 ? 20 : points(20, ratioBp, 1500),
    COVERAGE: points(10, inRegister, insured.size),
    HAZARD_CLOSURE: points(10, rectified.length, found.length),
  };
}

function computed(seed: Seed, period: EvaluationPeriod) {
  const records = recordsOf(seed);
  const reportPeriod = reportPeriodFor(period);
  const figures = computeReportFigures(records, { tenantId: 't1', insurerName: '测试保险', period: reportPeriod, ruleSet: XINZHOU_2024, generatedAt: '2027-01-05T00:00:00Z' });
  const insured = [...new Set(records.policies.filter((p) => inPeriod(p.periodStart, period)).map((p) => p.enterprise.uscc))];
  return computeSheet(SHEET, figures, { insuredEnterprises: insured.length, inRegister: insured.filter((uscc) => seed.registered.includes(uscc)).length });
}

function draftOf(seed: Seed, period: EvaluationPeriod): Evaluation {
  return draftEvaluation({ id: 'e1', tenantId: 't1', insurerName: '测试保险', period, sheet: SHEET, ruleSetVersion: 'xinzhou-2024 v1', computed: computed(seed, period), series: undefined, by: 'emb-city', now: new Date('2027-01-05T02:00:00Z') }).state;
}

describe('RPT-3 the score sheet', () => {
  it('RPT-3 RULES-1 the Xinzhou 2024 score sheet is rule-set data whose weights add up to 100', () => {
    expect(evaluationScoreSheetSchema.safeParse(SHEET).success).toBe(true);
    expect(SHEET.items.reduce((sum, item) => sum + item.weight, 0)).toBe(100);
    expect(ruleSetSchema.safeParse(XINZHOU_2024).success).toBe(true);
    expect(XINZHOU_2024.evaluationScoreSheet).toEqual(SHEET);
    // RULES-1: a new version's figures are a parsed copy, compared field by field as JSON: the sheet must survive parsing unchanged.
    expect(JSON.stringify(evaluationScoreSheetSchema.parse(SHEET))).toBe(JSON.stringify(SHEET));
    const skewed = { ...SHEET, items: SHEET.items.map((item, index) => (index === 0 ? { ...item, weight: item.weight + 5 } : item)) };
    const refused = evaluationScoreSheetSchema.safeParse(skewed);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^RPT-3: the weights add up to 105/);
  });

  it('RPT-3 the computed items on a seeded year equal an independent recount from the records (property, fixed seeds)', () => {
    for (const seed of [2024, 2025, 2026, 71, 18]) {
      fc.assert(
        fc.property(seededYear, (year) => {
          const period = evaluationPeriodOf(2026, year.term, DUE);
          const results = computed(year, period);
          const expected = recount(year, period);
          for (const [code, score] of Object.entries(expected)) expect(results.get(code)?.score, code).toBe(score);
          for (const result of results.values()) {
            expect(result.evidence.length).toBeGreaterThan(0);
            expect(result.link).toMatch(/^\/regulator\//);
          }
        }),
        { seed, numRuns: 60 },
      );
    }
  });

  it('RPT-3 a computed item with nothing to measure scores full marks and says so', () => {
    const results = computed({ policies: [], services: [], hazards: [], complaints: [], accruals: [], expenses: [], registered: [], term: 'H1' }, evaluationPeriodOf(2026, 'H1', DUE));
    for (const item of SHEET.items.filter((i) => i.measure === 'COMPUTED')) expect(results.get(item.code)).toMatchObject({ score: item.weight, notMeasurable: true });
  });

  it('RPT-3 the year is due March 31 of the next year, the half-years have no due day', () => {
    expect(evaluationPeriodOf(2025, 'YEAR', DUE)).toEqual({ year: 2025, term: 'YEAR', from: '2025-01-01', to: '2025-12-31', dueOn: '2026-03-31' });
    expect(evaluationPeriodOf(2026, 'H2', DUE)).toEqual({ year: 2026, term: 'H2', from: '2026-07-01', to: '2026-12-31' });
  });
});

describe('RPT-3 scoring and publishing', () => {
  const empty: Seed = { policies: [], services: [], hazards: [], complaints: [], accruals: [], expenses: [], registered: [], term: 'YEAR' };
  const period = evaluationPeriodOf(2026, 'YEAR', DUE);

  it('RPT-3 a manual item scored without a reason is refused, naming the field and RPT-3', () => {
    const draft = draftOf(empty, period);
    const refuse = () => scoreManualItems(draft, [{ code: 'SERVICE_SYSTEM', score: 10, reason: '  ' }], { by: 'emb-city', now: new Date() });
    expect(refuse).toThrow(RuleViolation);
    try {
      refuse();
    } catch (error) {
      expect(error).toMatchObject({ ruleId: 'RPT-3', field: 'items.0.reason', status: 400 });
    }
  });

  it('RPT-3 a computed item is not scored by hand, and a manual score stays within its weight', () => {
    const draft = draftOf(empty, period);
    expect(() => scoreManualItems(draft, [{ code: 'FEE_RATIO', score: 1, reason: '人工调整' }], { by: 'emb-city', now: new Date() })).toThrow(/computed/);
    expect(() => scoreManualItems(draft, [{ code: 'SERVICE_SYSTEM', score: 16, reason: '超出分值' }], { by: 'emb-city', now: new Date() })).toThrow(/0 to 15/);
  });

  it('RPT-3 publication needs every manual item scored, fixes the result and is late after March 31; a published evaluation never changes', () => {
    const draft = draftOf(empty, period);
    const files = { xlsx: { key: 'k.xlsx', sha256: 'a', size: 1, contentType: 'x' }, pdf: { key: 'k.pdf', sha256: 'b', size: 1, contentType: 'p' } };
    expect(() => publishEvaluation(draft, { by: 'emb-city', now: new Date('2027-03-31T15:00:00Z'), files })).toThrow(/SERVICE_SYSTEM, SERVICE_EFFECT/);
    const scored = scoreManualItems(draft, [{ code: 'SERVICE_SYSTEM', score: 0, reason: '无制度' }, { code: 'SERVICE_EFFECT', score: 0, reason: '无效果' }], { by: 'emb-city', now: new Date() }).state;
    // 2027-03-31T15:00Z is April 1 in Beijing: late.
    const published = publishEvaluation(scored, { by: 'emb-city', now: new Date('2027-03-31T16:00:00Z'), files });
    expect(published.state.published).toMatchObject({ total: 70, passed: true, late: true, on: '2027-04-01' });
    expect(published.events[0]).toMatchObject({ type: 'evaluations.evaluation.published', tenantId: 't1' });
    expect(() => scoreManualItems(published.state, [{ code: 'SERVICE_SYSTEM', score: 1, reason: '改分' }], { by: 'emb-city', now: new Date() })).toThrow(/never changes/);
  });

  it('RPT-3 BLK-1 a notice (通报) follows only a failing published result, once', () => {
    const draft = draftOf(empty, period);
    const failing = { ...draft, items: draft.items.map((item) => ({ ...item, score: 0, reason: '差' })) };
    const files = { xlsx: { key: 'k.xlsx', sha256: 'a', size: 1, contentType: 'x' }, pdf: { key: 'k.pdf', sha256: 'b', size: 1, contentType: 'p' } };
    expect(() => noticeAfterEvaluation(failing, [], '2027-03-01')).toThrow(/only a published/);
    const published = publishEvaluation(failing, { by: 'emb-city', now: new Date('2027-03-01T02:00:00Z'), files }).state;
    expect(published.published?.passed).toBe(false);
    expect(() => noticeAfterEvaluation(published, [], '2027-03-01')).not.toThrow();
    expect(() => noticeAfterEvaluation(published, [{ evaluationId: 'e1', listedOn: '2027-03-01' }], '2027-03-02')).toThrow(/BLK-1/);
  });
});
