import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../api';
import { dialScale, monthlyTotals, reversedIds, runningBalances } from './fee-ledger';

const base = { tenantId: 't', year: 2026, advance: false, ruleSetId: 'r', ruleSetVersion: 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'u' };
const accrual = (sequence: number, date: string, amountFen: number): LedgerEntry => ({
  ...base, id: `a${sequence}`, sequence, date, amountFen, kind: 'ACCRUAL', receiptId: 'r', policyId: 'p', policyNumber: 'P1',
  receivedFen: 0, vatRateBasisPoints: 600, premiumExTaxFen: 0, accrualBasisPoints: 1500,
});
const expense = (sequence: number, date: string, amountFen: number): LedgerEntry => ({
  ...base, id: `e${sequence}`, sequence, date, amountFen, kind: 'EXPENSE', category: 'OFFLINE_SERVICE', description: 'x', serviceId: 's',
});
const reversal = (sequence: number, of: LedgerEntry): LedgerEntry => ({
  ...base, id: `r${sequence}`, sequence, date: of.date, amountFen: of.amountFen, kind: 'REVERSAL', reason: 'wrong', reversedOn: '2026-03-01',
  reverses: { entryId: of.id, sequence: of.sequence, kind: of.kind === 'ACCRUAL' ? 'ACCRUAL' : 'EXPENSE', amountFen: of.amountFen, advance: false },
});

describe('the prevention-fee ledger figures', () => {
  const a1 = accrual(1, '2026-01-10', 1_500_000);
  const e2 = expense(2, '2026-02-03', 300_000);
  const r3 = reversal(3, e2);
  const e4 = expense(4, '2026-02-20', 200_000);
  const entries = [e4, r3, a1, e2]; // any order: balances follow the sequence

  it('keeps a running balance in sequence order, a reversal taking its entry back', () => {
    expect([...runningBalances(entries)]).toEqual([
      ['a1', 1_500_000],
      ['e2', 1_200_000],
      ['r3', 1_500_000],
      ['e4', 1_300_000],
    ]);
  });

  it('adds accrued and spent per month of the entry date', () => {
    const months = monthlyTotals(entries);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: 1, accruedFen: 1_500_000, spentFen: 0 });
    expect(months[1]).toEqual({ month: 2, accruedFen: 0, spentFen: 200_000 });
  });

  it('knows which entries were reversed', () => {
    expect([...reversedIds(entries)]).toEqual(['e2']);
  });
});

describe('the spending dial', () => {
  it('puts the 15% floor and the 21% ceiling on ticks', () => {
    expect(dialScale(15, 21)).toEqual({ max: 30, step: 3 });
    expect(dialScale(15, 20)).toEqual({ max: 30, step: 5 });
  });
});
