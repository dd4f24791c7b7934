import type * as z from 'zod/mini';
import type { Fen } from '../kernel/money.js';
import { entryDateOf, halfOf, type Half } from './half-year.js';
import { effectOf } from './ledger-entry.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { yearLedgerSchema, yearTotalsSchema } from './year-ledger.schema.js';

/**
 * The figures of one insurer-year's ledger, kept as pre-aggregated counters (FEE-4, FEE-5): the summary is one
 * read of them whatever the number of entries, and each booking updates them in the entry's own transaction.
 */
export type YearTotals = z.output<typeof yearTotalsSchema>;

/** One insurer-year's counters as stored. `lastSequence` is also the optimistic-lock version of the item. */
export type YearLedger = z.output<typeof yearLedgerSchema>;

/** The counter fields, in the order reports list them. */
export const YEAR_TOTAL_FIELDS = [
  'lastSequence',
  'accruals',
  'expenses',
  'reversals',
  'receivedFen',
  'premiumExTaxFen',
  'accruedFen',
  'spentFen',
  'advances',
] as const satisfies readonly (keyof YearTotals)[];

export const NO_TOTALS: YearTotals = {
  lastSequence: 0,
  accruals: 0,
  expenses: 0,
  reversals: 0,
  receivedFen: 0,
  premiumExTaxFen: 0,
  accruedFen: 0,
  spentFen: 0,
  advances: 0,
};

/** FEE-2: the prevention balance — accrued minus spent; below zero only through advances. */
export const balanceOf = (totals: Pick<YearTotals, 'accruedFen' | 'spentFen'>): Fen => totals.accruedFen - totals.spentFen;

/** The totals once `entry` is added: its effect, its kind counted, its sequence the last. */
export function addEntry(totals: YearTotals, entry: LedgerEntry): YearTotals {
  const effect = effectOf(entry);
  return {
    lastSequence: Math.max(totals.lastSequence, entry.sequence),
    accruals: totals.accruals + (entry.kind === 'ACCRUAL' ? 1 : 0),
    expenses: totals.expenses + (entry.kind === 'EXPENSE' ? 1 : 0),
    reversals: totals.reversals + (entry.kind === 'REVERSAL' ? 1 : 0),
    receivedFen: totals.receivedFen + effect.receivedFen,
    premiumExTaxFen: totals.premiumExTaxFen + effect.premiumExTaxFen,
    accruedFen: totals.accruedFen + effect.accruedFen,
    spentFen: totals.spentFen + effect.spentFen,
    advances: totals.advances + effect.advances,
  };
}

/**
 * FEE-2: the year's counters with the next entry booked. The entry must be the year's next one — its own
 * year, sequence `lastSequence + 1` — which is what keeps the numbering gap-free.
 *
 * @throws RangeError when it is not (a bug in the caller, not a user error).
 */
export function appendToYear(ledger: YearLedger, entry: LedgerEntry): YearLedger {
  if (entry.tenantId !== ledger.tenantId || entry.year !== ledger.year) {
    throw new RangeError(`entry ${entry.id} belongs to ${entry.tenantId}/${entry.year}, not ${ledger.tenantId}/${ledger.year}`);
  }
  if (entry.sequence !== ledger.lastSequence + 1) {
    throw new RangeError(`entry ${entry.id} has sequence ${entry.sequence}; the ledger's next is ${ledger.lastSequence + 1}`);
  }
  return { ...ledger, ...addEntry(ledger, entry), ...halvesWith(ledger.halves, entry), updatedAt: entry.recordedAt };
}

/**
 * RPT-1: the half totals with `entry` added to the half of its date. A counters item written before halves
 * were kept has none, and starting them from zero would miss its earlier entries: it stays without, and its
 * half summaries are recomputed from the entries (`halfTotalsOf`).
 */
function halvesWith(halves: YearLedger['halves'], entry: LedgerEntry): Pick<YearLedger, 'halves'> {
  if (halves === undefined) return {};
  const half = halfOf(entryDateOf(entry));
  return { halves: { ...halves, [half]: addEntry(halves[half], entry) } };
}

/** An insurer-year with nothing booked yet: the counters of its first entry start here, the halves' too. */
export function emptyYear(tenantId: string, year: number, at: string): YearLedger {
  return { tenantId, year, updatedAt: at, ...NO_TOTALS, halves: { H1: NO_TOTALS, H2: NO_TOTALS } };
}

/** RPT-1, FEE-4: the totals of one half recomputed from the year's entries (any order), placed by `entryDateOf`. */
export function halfTotalsOf(entries: Iterable<LedgerEntry>, half: Half): YearTotals {
  let totals = NO_TOTALS;
  for (const entry of entries) if (halfOf(entryDateOf(entry)) === half) totals = addEntry(totals, entry);
  return totals;
}

/** Both halves' totals recomputed from the entries — what a loaded year stores as its `halves`. */
export function halvesOf(entries: readonly LedgerEntry[]): NonNullable<YearLedger['halves']> {
  return { H1: halfTotalsOf(entries, 'H1'), H2: halfTotalsOf(entries, 'H2') };
}

/**
 * The totals recomputed from the entries themselves (in any order) — what the counters must equal. The
 * consistency check and the property tests compare the two.
 */
export function totalsOf(entries: Iterable<LedgerEntry>): YearTotals {
  let totals = NO_TOTALS;
  for (const entry of entries) totals = addEntry(totals, entry);
  return totals;
}

/** The counter fields of `ledger` alone (without tenant, year and time). */
export function totalsOfLedger(ledger: YearTotals | undefined): YearTotals {
  if (ledger === undefined) return NO_TOTALS;
  return Object.fromEntries(YEAR_TOTAL_FIELDS.map((field) => [field, ledger[field]])) as unknown as YearTotals;
}
