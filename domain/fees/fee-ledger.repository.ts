import type { ReversalMark } from './consistency.js';
import type * as z from 'zod/mini';
import type { EntryBooked } from './ledger.rules.js';
import type { ExpenseEntry, LedgerEntry } from './ledger-entry.js';
import type { ledgerEntryViewSchema } from './ledger-entry.schema.js';
import type { PremiumReceived } from './premium-receipt.rules.js';
import type { EntryReversed } from './reversal.rules.js';
import type { PolicyReceipts, PremiumReceipt } from './premium-receipt.js';
import type { YearLedger } from './year-ledger.js';

/** One page of a year's ledger and the opaque cursor of the next (absent on the last page). */
export interface LedgerEntryPage {
  readonly items: readonly LedgerEntry[];
  readonly nextCursor?: string;
  /** The year's entries, on the first page when asked for (issues 14/15). */
  readonly total?: number;
}

/** An entry and, once reversed, the reversal that took it back. */
export type LedgerEntryView = z.output<typeof ledgerEntryViewSchema>;

/**
 * The port of the prevention-fee context; the DynamoDB adapter implements it. Every method is scoped by tenant:
 * keys are built from `tenantId`, which comes from the caller's token (ACL-1).
 *
 * Writes take the state a domain transition returned (the counters as they stand after it) and store it in one
 * transaction with the entry and its events, conditioned on the counters still being what the transition read:
 * a lost race throws `StaleVersion` (or `Conflict` without a rule, for a transaction conflict), and the caller
 * reads again and decides again. That is what keeps sequence numbers gap-free and the counters exact.
 *
 * @example
 * const ledger = await fees.year(tenantId, 2024);
 * const booked = bookExpense(body, { ...context, ledger });
 * await fees.bookExpense(booked); // StaleVersion if another entry took the number meanwhile
 */
export interface FeeLedgerRepository {
  /** FEE-4: the counters of an insurer-year — one consistent read — or `undefined` before its first entry. */
  year(tenantId: string, year: number): Promise<YearLedger | undefined>;

  /** FEE-1: what the insurer has received on a policy so far, or `undefined` before the first receipt. */
  policyReceipts(tenantId: string, policyId: string): Promise<PolicyReceipts | undefined>;

  /** FEE-1: the insurer's receipts on a policy, oldest first. */
  listReceipts(tenantId: string, policyId: string): Promise<readonly PremiumReceipt[]>;

  /** FEE-2: an entry by id, with its reversal if reversed; `undefined` when missing or another tenant's. */
  entry(tenantId: string, entryId: string): Promise<LedgerEntryView | undefined>;

  /** FEE-2: one page of a year's ledger, by sequence number (newest first on request). */
  listEntries(
    tenantId: string,
    year: number,
    page: { readonly limit: number; readonly cursor?: string; readonly newestFirst?: boolean; readonly withTotal?: boolean },
  ): Promise<LedgerEntryPage>;

  /** FEE-2, FEE-4: every entry of a year in sequence order, page by page (export, consistency check). */
  eachEntryPage(tenantId: string, year: number, visit: (entries: readonly LedgerEntry[]) => void | Promise<void>): Promise<void>;

  /** FEE-2: the reversal marks of a year (consistency check). */
  reversalMarks(tenantId: string, year: number): Promise<readonly ReversalMark[]>;

  /** FEE-1: the receipt, its ACCRUAL, both counters and `fees.premium.received` + `fees.entry.booked`, atomically. */
  recordReceipt(change: PremiumReceived): Promise<void>;

  /** FEE-2: the expense, the year's counters and `fees.entry.booked`, atomically. */
  bookExpense(change: EntryBooked<ExpenseEntry>): Promise<void>;

  /**
   * FEE-2: the reversal, its mark on the reversed entry (a second reversal fails on it: `Conflict`, FEE-2), the
   * counters (and the policy's receipts for an ACCRUAL) and `fees.entry.reversed`, atomically.
   */
  reverse(change: EntryReversed): Promise<void>;
}
