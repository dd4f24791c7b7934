import { describe, expect, it } from 'vitest';
import { checkYear } from '../../../domain/fees/consistency.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { MemoryLedger, PICC, POLICY } from './fixtures.js';

function sampleLedger(): MemoryLedger {
  const ledger = new MemoryLedger();
  ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
  const expense = ledger.spend({ amountFen: 400_000 }).entry;
  ledger.reverse(expense);
  ledger.spend({ amountFen: 399_999 });
  return ledger;
}

describe('FEE-4 FEE-2 the consistency check', () => {
  it('FEE-4 finds the counters equal to the entries they were booked with', () => {
    const ledger = sampleLedger();
    const report = checkYear(PICC, 2025, ledger.years.get(2025), ledger.entriesOf(2025), ledger.marksOf(2025));
    expect(report).toMatchObject({ consistent: true, entriesRead: 4, differences: [], problems: [] });
    expect(report.recomputed).toMatchObject({ lastSequence: 4, accruedFen: 1_500_000, spentFen: 399_999, reversals: 1 });
  });

  it('FEE-4 reports every counter that differs from the entries', () => {
    const ledger = sampleLedger();
    const stored = ledger.years.get(2025);
    const report = checkYear(PICC, 2025, stored && { ...stored, spentFen: stored.spentFen + 1, lastSequence: 5 }, ledger.entriesOf(2025), ledger.marksOf(2025));
    expect(report.consistent).toBe(false);
    expect(report.differences).toEqual([
      { field: 'lastSequence', stored: 5, recomputed: 4 },
      { field: 'spentFen', stored: 400_000, recomputed: 399_999 },
    ]);
  });

  it('FEE-2 reports a lost entry as a gap in the numbering, and a lost counter as every figure differing', () => {
    const ledger = sampleLedger();
    const entries = ledger.entriesOf(2025);
    const lost = checkYear(PICC, 2025, ledger.years.get(2025), entries.filter((entry) => entry.sequence !== 2), ledger.marksOf(2025));
    expect(lost.problems).toEqual(expect.arrayContaining([expect.stringContaining('reverses entry'), expect.stringContaining('missing')]));
    const noCounters = checkYear(PICC, 2025, undefined, entries, ledger.marksOf(2025));
    expect(noCounters.differences.map((difference) => difference.field)).toContain('accruedFen');
  });

  it('FEE-2 reports an entry reversed twice, a reversal of a reversal and a reversal without its mark', () => {
    const ledger = sampleLedger();
    const entries = ledger.entriesOf(2025);
    const reversal = entries[2] as Extract<LedgerEntry, { kind: 'REVERSAL' }>;
    const twice = { ...reversal, id: '2025-0000000005-aaaaaaaaaa', sequence: 5 };
    const ofReversal = { ...reversal, id: '2025-0000000006-aaaaaaaaaa', sequence: 6, reverses: { ...reversal.reverses, entryId: reversal.id, sequence: 3, kind: 'EXPENSE' as const } };
    const report = checkYear(PICC, 2025, undefined, [...entries, twice, ofReversal], []);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('reversed 2 times'),
        expect.stringContaining('a reversal is never reversed'),
        expect.stringContaining('carries no reversal mark'),
      ]),
    );
  });
});
