import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { checkYear } from '../../../domain/fees/consistency.js';
import { EXPENSE_CATEGORIES, REFUSED_EXPENSE_CATEGORIES, effectOf } from '../../../domain/fees/ledger-entry.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { receivablePremiumFen } from '../../../domain/fees/premium-receipt.js';
import type { PolicyTerms } from '../../../domain/fees/premium-receipt.js';
import { YEAR_TOTAL_FIELDS, balanceOf, totalsOf, totalsOfLedger } from '../../../domain/fees/year-ledger.js';
import { COINSURED, MemoryLedger, PICC, POLICY } from './fixtures.js';

type Command =
  | { readonly kind: 'receive'; readonly policy: number; readonly amountFen: number; readonly date: string; readonly accrualBasisPoints?: number }
  | { readonly kind: 'spend'; readonly amountFen: number; readonly date: string; readonly category: string; readonly advance: boolean }
  | { readonly kind: 'reverse'; readonly pick: number; readonly advance: boolean };

const dates = fc.constantFrom('2024-05-09', '2024-12-31', '2025-01-01', '2025-06-30', '2025-12-31');
/** Tiny amounts (where rounding bites), everyday ones, and now and then one near a whole premium. */
const amounts = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000_000 }) },
);
const commands = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('receive' as const), policy: fc.nat(2), amountFen: amounts, date: dates, accrualBasisPoints: fc.option(fc.integer({ min: 1400, max: 2500 }), { nil: undefined }) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('spend' as const),
        amountFen: amounts,
        date: dates,
        category: fc.constantFrom(...EXPENSE_CATEGORIES, ...EXPENSE_CATEGORIES, ...REFUSED_EXPENSE_CATEGORIES),
        advance: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), advance: fc.boolean() }) },
  ),
  { maxLength: 80, size: 'medium' },
);

/** Three policies at the rule set's VAT rates (6%, 0 for a documented exemption, FEE-1), one co-insured (PICC's share: 60%). */
const policies: readonly PolicyTerms[] = [
  POLICY,
  { ...POLICY, id: 'pol-exempt', policyNumber: 'P-0', premiumFen: 10_000_001, vatRateBasisPoints: 0 },
  { ...COINSURED, vatRateBasisPoints: 0 },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}

/** Applies one command; a refusal must be a RuleViolation and must leave everything as it was. */
function apply(ledger: MemoryLedger, command: Command): LedgerEntry | undefined {
  try {
    switch (command.kind) {
      case 'receive':
        return ledger.receive(policies[command.policy] as PolicyTerms, { receivedOn: command.date, amountFen: command.amountFen, ...(command.accrualBasisPoints === undefined ? {} : { accrualBasisPoints: command.accrualBasisPoints }) }).entry;
      case 'spend':
        return ledger.spend({ spentOn: command.date, amountFen: command.amountFen, category: command.category as never, advance: command.advance }).entry;
      case 'reverse': {
        const target = ledger.entries[command.pick % Math.max(1, ledger.entries.length)];
        return target && ledger.reverse(target, { reason: '冲销', advance: command.advance }).entry;
      }
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return undefined;
  }
}

describe('FEE-2 FEE-4 properties of any sequence of receipts, expenses and reversals', () => {
  it('FEE-4 the counters always equal the sums recomputed from the entries, year by year', () => {
    const booked = { ACCRUAL: 0, EXPENSE: 0, REVERSAL: 0, advances: 0 };
    fc.assert(
      fc.property(commands, (script) => {
        const ledger = new MemoryLedger();
        for (const command of script) apply(ledger, command);
        for (const entry of ledger.entries) {
          booked[entry.kind] += 1;
          if (entry.advance) booked.advances += 1;
        }
        for (const [year, stored] of ledger.years) {
          expect(totalsOfLedger(stored)).toEqual(totalsOf(ledger.entriesOf(year)));
          expect(checkYear(PICC, year, stored, ledger.entriesOf(year), ledger.marksOf(year))).toMatchObject({ consistent: true, problems: [] });
        }
      }),
      { numRuns: 300 },
    );
    // The scripts do exercise every kind of entry, advances included, not mostly refusals.
    for (const count of Object.values(booked)) expect(count).toBeGreaterThan(1000);
  });

  it('FEE-2 no entry is ever lost or changed, and each year is numbered 1..n without a gap', () => {
    fc.assert(
      fc.property(commands, (script) => {
        const ledger = new MemoryLedger();
        let before: string[] = [];
        for (const command of script) {
          const entry = apply(ledger, command);
          // Frozen as soon as booked: a transition that changed a stored entry would throw here.
          if (entry) deepFreeze(entry);
          const now = ledger.entries.map((stored) => JSON.stringify(stored));
          expect(now.slice(0, before.length)).toEqual(before);
          expect(now.length - before.length).toBe(entry ? 1 : 0);
          before = now;
        }
        for (const year of ledger.years.keys()) {
          expect(ledger.entriesOf(year).map((entry) => entry.sequence)).toEqual(ledger.entriesOf(year).map((_, index) => index + 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('FEE-2 the balance goes below zero only through an entry booked as an advance; a reversal mirrors its entry exactly', () => {
    fc.assert(
      fc.property(commands, (script) => {
        const ledger = new MemoryLedger();
        for (const command of script) {
          const year = command.kind === 'reverse' ? undefined : Number(command.date.slice(0, 4));
          const entry = apply(ledger, command);
          if (!entry) continue;
          const after = ledger.years.get(entry.year);
          const change = effectOf(entry).accruedFen - effectOf(entry).spentFen;
          const balanceBefore = balanceOf(after as never) - change;
          expect(entry.advance).toBe(change < 0 && balanceBefore + change < 0);
          if (entry.advance) expect(command.kind !== 'receive' && command.advance).toBe(true);
          if (year !== undefined) expect(entry.year).toBe(year);
          if (entry.kind === 'REVERSAL') {
            const original = ledger.entries.find((candidate) => candidate.id === entry.reverses.entryId) as LedgerEntry;
            for (const field of ['receivedFen', 'premiumExTaxFen', 'accruedFen', 'spentFen'] as const) {
              expect(effectOf(entry)[field]).toBe(-effectOf(original)[field]);
            }
          }
        }
        for (const year of ledger.years.keys()) {
          const stored = ledger.years.get(year);
          if (stored && balanceOf(stored) < 0) expect(ledger.entriesOf(year).some((entry) => entry.advance)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('FEE-1 UW-5 receipts never exceed the receivable premium, and their ex-tax always adds up to the whole’s', () => {
    fc.assert(
      fc.property(commands, (script) => {
        const ledger = new MemoryLedger();
        for (const command of script) apply(ledger, command);
        for (const policy of policies) {
          const received = ledger.received.get(policy.id);
          if (!received) continue;
          expect(received.receivedFen).toBeLessThanOrEqual(receivablePremiumFen(policy, PICC) as number);
          const live = ledger.entries.flatMap((entry) => (entry.kind === 'ACCRUAL' && entry.policyId === policy.id ? [entry] : []));
          const reversed = new Set(ledger.entries.flatMap((entry) => (entry.kind === 'REVERSAL' ? [entry.reverses.entryId] : [])));
          const kept = live.filter((entry) => !reversed.has(entry.id));
          expect(received.receivedFen).toBe(kept.reduce((sum, entry) => sum + entry.receivedFen, 0));
          expect(received.receivedExTaxFen).toBe(kept.reduce((sum, entry) => sum + entry.premiumExTaxFen, 0));
          // FEE-1: every accrual is at least the floor's share of its premium ex-tax, rounded half up.
          for (const entry of live) expect(entry.amountFen * 10_000).toBeGreaterThanOrEqual(entry.premiumExTaxFen * 1500 - 5_000);
        }
      }),
      { numRuns: 300 },
    );
  });
});
