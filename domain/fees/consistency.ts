import type * as z from 'zod/mini';
import type { LedgerEntry, ReversalEntry } from './ledger-entry.js';
import { HALVES } from './half-year.js';
import { YEAR_TOTAL_FIELDS, halfTotalsOf, totalsOf, totalsOfLedger } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';
import type { consistencyReportSchema } from './summary.schema.js';

/** The guard stored when an entry is reversed: it makes a second reversal of the same entry fail. */
export interface ReversalMark {
  /** The reversed entry. */
  readonly entryId: string;
  readonly sequence: number;
  /** The reversal that took it back. */
  readonly reversalEntryId: string;
  readonly reversalSequence: number;
}

/**
 * FEE-4: the year's stored counters against the same figures recomputed from its entries, and anything else
 * about the entries that breaks FEE-2 (summary.schema.ts). `consistent` when there is neither a difference nor a problem.
 */
export type ConsistencyReport = z.output<typeof consistencyReportSchema>;

/** A report lists this many problems; a broken ledger of 100,000 entries would otherwise answer megabytes. */
export const MAX_PROBLEMS_LISTED = 100;

function reversalProblems(reversal: ReversalEntry, bySequence: ReadonlyMap<number, LedgerEntry>): string[] {
  const reversed = bySequence.get(reversal.reverses.sequence);
  const which = `reversal ${reversal.sequence}`;
  if (reversed === undefined || reversed.id !== reversal.reverses.entryId) {
    return [`${which} reverses entry ${reversal.reverses.entryId}, which is not in this year's ledger`];
  }
  if (reversed.kind === 'REVERSAL') return [`${which} reverses reversal ${reversed.sequence}; a reversal is never reversed`];
  if (reversed.kind !== reversal.reverses.kind || reversed.amountFen !== reversal.reverses.amountFen || reversed.advance !== reversal.reverses.advance) {
    return [`${which} does not mirror entry ${reversed.sequence} (kind, amount or advance differ)`];
  }
  if (reversal.amountFen !== reversed.amountFen) return [`${which} is for ${reversal.amountFen} fen; entry ${reversed.sequence} was ${reversed.amountFen}`];
  if (
    reversed.kind === 'ACCRUAL' &&
    (reversed.receivedFen !== reversal.reverses.receivedFen || reversed.premiumExTaxFen !== reversal.reverses.premiumExTaxFen)
  ) {
    return [`${which} does not mirror the premium of accrual ${reversed.sequence}`];
  }
  return [];
}

/**
 * FEE-4, FEE-2: recomputes a year's counters from its entries and reports every difference from the stored
 * ones, with the entries' own problems. Pure: the caller reads the entries (a paged Query) and the marks.
 *
 * @example
 * checkYear(tenantId, 2024, stored, entries, marks).differences; // [] when nothing was lost
 */
export function checkYear(
  tenantId: string,
  year: number,
  stored: YearLedger | undefined,
  entries: readonly LedgerEntry[],
  marks: readonly ReversalMark[],
): ConsistencyReport {
  const problems: string[] = [];
  const bySequence = new Map<number, LedgerEntry>();
  for (const entry of entries) {
    if (entry.tenantId !== tenantId || entry.year !== year) problems.push(`entry ${entry.id} belongs to ${entry.tenantId}/${entry.year}`);
    if (bySequence.has(entry.sequence)) problems.push(`sequence ${entry.sequence} is used twice`);
    bySequence.set(entry.sequence, entry);
  }
  for (let sequence = 1; sequence <= entries.length; sequence += 1) {
    if (!bySequence.has(sequence)) problems.push(`sequence ${sequence} is missing: the numbering has a gap`);
  }
  const reversalsOf = new Map<number, number[]>();
  for (const entry of entries) {
    if (entry.kind !== 'REVERSAL') continue;
    problems.push(...reversalProblems(entry, bySequence));
    reversalsOf.set(entry.reverses.sequence, [...(reversalsOf.get(entry.reverses.sequence) ?? []), entry.sequence]);
  }
  const marked = new Set(marks.map((mark) => mark.sequence));
  for (const [sequence, reversals] of reversalsOf) {
    if (reversals.length > 1) problems.push(`entry ${sequence} is reversed ${reversals.length} times (by ${reversals.join(', ')})`);
    if (!marked.has(sequence)) problems.push(`entry ${sequence} is reversed but carries no reversal mark`);
  }
  for (const mark of marks) {
    if (!(reversalsOf.get(mark.sequence) ?? []).includes(mark.reversalSequence)) {
      problems.push(`entry ${mark.sequence} is marked reversed by ${mark.reversalSequence}, which is not its reversal`);
    }
  }

  const storedTotals = totalsOfLedger(stored);
  const recomputed = totalsOf(entries);
  const differences: { field: string; stored: number; recomputed: number }[] = YEAR_TOTAL_FIELDS.filter((field) => storedTotals[field] !== recomputed[field]).map((field) => ({
    field,
    stored: storedTotals[field],
    recomputed: recomputed[field],
  }));
  // RPT-1: the half totals too, when the counters keep them (`halves.H1.spentFen`): a half summary reads them alone.
  for (const half of HALVES) {
    const storedHalf = stored?.halves?.[half];
    if (storedHalf === undefined) continue;
    const recomputedHalf = halfTotalsOf(entries, half);
    for (const field of YEAR_TOTAL_FIELDS) {
      if (storedHalf[field] !== recomputedHalf[field]) differences.push({ field: `halves.${half}.${field}`, stored: storedHalf[field], recomputed: recomputedHalf[field] });
    }
  }
  const listed =
    problems.length > MAX_PROBLEMS_LISTED
      ? [...problems.slice(0, MAX_PROBLEMS_LISTED), `… and ${problems.length - MAX_PROBLEMS_LISTED} more`]
      : problems;
  return {
    tenantId,
    year,
    consistent: differences.length === 0 && problems.length === 0,
    entriesRead: entries.length,
    stored: storedTotals,
    recomputed,
    differences,
    problems: listed,
  };
}
