import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeYear } from '../../../domain/fees/compliance.js';
import { checkYear } from '../../../domain/fees/consistency.js';
import { entryDateOf, halfOf, halfPeriod, HALVES } from '../../../domain/fees/half-year.js';
import { EXPENSE_CATEGORIES } from '../../../domain/fees/ledger-entry.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { appendToYear, halfTotalsOf, NO_TOTALS, totalsOf, YEAR_TOTAL_FIELDS } from '../../../domain/fees/year-ledger.js';
import type { YearLedger } from '../../../domain/fees/year-ledger.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures } from '../../../domain/reports/figures.js';
import { COINSURED, MemoryLedger, PICC, POLICY } from './fixtures.js';

// Both halves of two years, their edges included (June 30 / July 1, December 31 / January 1).
const dates = fc.constantFrom('2024-05-09', '2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01', '2025-03-15', '2025-06-30', '2025-07-01', '2025-11-30');
const amounts = fc.integer({ min: 1, max: 3_000_000 });
const script = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('receive' as const), policy: fc.boolean(), amountFen: amounts, date: dates }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('spend' as const), amountFen: amounts, date: dates, category: fc.constantFrom(...EXPENSE_CATEGORIES), advance: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), advance: fc.boolean() }) },
  ),
  { maxLength: 60 },
);

type Command =
  | { readonly kind: 'receive'; readonly policy: boolean; readonly amountFen: number; readonly date: string }
  | { readonly kind: 'spend'; readonly amountFen: number; readonly date: string; readonly category: (typeof EXPENSE_CATEGORIES)[number]; readonly advance: boolean }
  | { readonly kind: 'reverse'; readonly pick: number; readonly advance: boolean };

/** Applies the commands through the domain's transitions; a refusal (a RuleViolation) books nothing. */
function run(commands: readonly Command[]): MemoryLedger {
  const ledger = new MemoryLedger();
  for (const command of commands) {
    try {
      if (command.kind === 'receive') ledger.receive(command.policy ? POLICY : { ...COINSURED, vatRateBasisPoints: 0 }, { receivedOn: command.date, amountFen: command.amountFen });
      else if (command.kind === 'spend') ledger.spend({ spentOn: command.date, amountFen: command.amountFen, category: command.category, advance: command.advance });
      else {
        const target = ledger.entries[command.pick % Math.max(1, ledger.entries.length)];
        if (target) ledger.reverse(target, { reason: '冲销', advance: command.advance });
      }
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
    }
  }
  return ledger;
}

describe('RPT-1 FEE-4 half totals in the year counters (domain/fees/half-year.ts, year-ledger.ts)', () => {
  it('RPT-1 FEE-4 per-half totals always sum to the year totals, and each half equals its entries placed by entryDateOf', () => {
    let reversals = 0;
    fc.assert(
      fc.property(script, (commands) => {
        const ledger = run(commands);
        for (const [year, stored] of ledger.years) {
          const halves = stored.halves as NonNullable<YearLedger['halves']>;
          expect(halves).toBeDefined();
          for (const field of YEAR_TOTAL_FIELDS) {
            // lastSequence is each half's highest number; every other counter adds up.
            if (field === 'lastSequence') expect(Math.max(halves.H1.lastSequence, halves.H2.lastSequence)).toBe(stored.lastSequence);
            else expect(halves.H1[field] + halves.H2[field], field).toBe(stored[field]);
          }
          for (const half of HALVES) {
            const placed = ledger.entriesOf(year).filter((entry) => halfOf(entryDateOf(entry)) === half);
            expect(halves[half]).toEqual(totalsOf(placed));
            expect(halfTotalsOf(ledger.entriesOf(year), half)).toEqual(halves[half]);
          }
          reversals += ledger.entriesOf(year).filter((entry) => entry.kind === 'REVERSAL').length;
        }
      }),
      { numRuns: 200 },
    );
    expect(reversals).toBeGreaterThan(50);
  });

  it('RPT-1 an entry lands in the half of its date: June 30 in H1, July 1 in H2; a reversal in its entry’s half, whenever booked', () => {
    const ledger = new MemoryLedger();
    const june = ledger.receive(POLICY, { receivedOn: '2025-06-30', amountFen: 10_600_000 }).entry;
    ledger.spend({ spentOn: '2025-07-01', amountFen: 300_000 });
    const year = ledger.years.get(2025) as YearLedger;
    expect([halfOf(entryDateOf(june)), year.halves?.H1.premiumExTaxFen, year.halves?.H2.spentFen, year.halves?.H1.spentFen]).toEqual(['H1', 10_000_000, 300_000, 0]);
    // Reversed in the second half, the receipt is taken back from the first: where the report counts it.
    const reversal = ledger.reverse(june, { reason: '到账金额有误', advance: true }).entry;
    expect(entryDateOf(reversal)).toBe('2025-06-30');
    const after = ledger.years.get(2025) as YearLedger;
    expect([after.halves?.H1.premiumExTaxFen, after.halves?.H1.reversals, after.halves?.H2.reversals]).toEqual([0, 1, 0]);
    expect(halfPeriod(2025, 'H1')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(halfPeriod(2025, 'H2')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });

  it('RPT-1 a counters item written before halves were kept stays without them (its halves are recomputed from the entries, not started from zero)', () => {
    const ledger = new MemoryLedger();
    const first = ledger.receive(POLICY, { receivedOn: '2025-02-01', amountFen: 10_600_000 }).entry;
    const { halves: _dropped, ...legacy } = ledger.years.get(2025) as YearLedger;
    const next: LedgerEntry = { ...first, id: '2025-0000000002-0000000abc', sequence: 2, date: '2025-08-01' };
    expect(appendToYear(legacy, next).halves).toBeUndefined();
    expect(halfTotalsOf([first, next], 'H2')).toEqual({ ...NO_TOTALS, ...totalsOf([next]) });
  });

  it('RPT-1 FEE-4 the consistency check compares the half totals too, naming the half and the field', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-02-01', amountFen: 10_600_000 });
    ledger.spend({ spentOn: '2025-09-01', amountFen: 300_000 });
    const stored = ledger.years.get(2025) as YearLedger;
    const halves = stored.halves as NonNullable<YearLedger['halves']>;
    expect(checkYear(PICC, 2025, stored, ledger.entriesOf(2025), [])).toMatchObject({ consistent: true, differences: [] });
    const tampered = { ...stored, halves: { ...halves, H2: { ...halves.H2, spentFen: halves.H2.spentFen + 1 } } };
    expect(checkYear(PICC, 2025, tampered, ledger.entriesOf(2025), [])).toMatchObject({
      consistent: false,
      differences: [{ field: 'halves.H2.spentFen', stored: 300_001, recomputed: 300_000 }],
    });
  });

  it('RPT-1 RPT-4 a half-year report’s fee figures equal the H1 summary from the counters, to the fen', () => {
    fc.assert(
      fc.property(script, (commands) => {
        const ledger = run(commands);
        for (const [year, stored] of ledger.years) {
          const period = { year, kind: 'HALF_YEAR' as const, ...halfPeriod(year, 'H1'), dueOn: `${year}-07-31` };
          const figures = computeReportFigures(
            { policies: [], plans: [], services: [], hazards: [], ledger: ledger.entriesOf(year), complaints: [] },
            { tenantId: PICC, insurerName: '人保', period, ruleSet: XINZHOU_2024, generatedAt: '2026-01-15T02:00:00.000Z' },
          );
          const summary = summarizeYear({ ...stored, ...stored.halves?.H1 }, { tenantId: PICC, year, ruleSet: XINZHOU_2024 });
          expect(figures.fees).toMatchObject({
            receivedExTaxFen: summary.premiumExTaxFen,
            accruedFen: summary.accruedFen,
            spentFen: summary.spentFen,
            ratioBp: summary.ratioBasisPoints ?? 0,
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
