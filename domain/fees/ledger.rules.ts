import { fenToYuanString, isFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import { RuleViolation } from '../kernel/errors.js';
import type { DomainEvent } from '../kernel/events.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { LedgerEntry } from './ledger-entry.js';
import { balanceOf, emptyYear } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';

/**
 * The steps every booking of the ledger shares (FEE-2): who books, the year's ledger an entry opens or joins,
 * and the balance rule. The bookings themselves: premium-receipt.rules.ts (FEE-1 receipts and their accruals),
 * expense.rules.ts (FEE-2, FEE-3 expenses), reversal.rules.ts (FEE-2 reversals).
 */

/** Everything a booking needs besides its input: who books it, when, and under which rules. */
export interface BookingContext {
  readonly tenantId: string;
  /** The booking user. */
  readonly by: string;
  readonly now: Date;
  /** The random tail of the new entry's id, 10 lower-case letters or digits (the domain has no randomness). */
  readonly idSuffix: string;
  /** RULES-1: the published rule-set versions. */
  readonly ruleSets: readonly RuleSet[];
}

/** FEE-2: a booked entry and its year's counters after it. */
export interface EntryBooked<E extends LedgerEntry = LedgerEntry> {
  readonly entry: E;
  readonly ledger: YearLedger;
  /** What the booking announces (events.ts), stored in the outbox of the same transaction. */
  readonly events: readonly DomainEvent[];
}

export const percent = (basisPoints: number): string => `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
export const yuan = (fen: Fen): string => `${fenToYuanString(fen)} CNY`;

/** An amount is a whole number of fen, at least 1 (the schema says so too; the rules do not rely on it). */
export function requireAmount(amountFen: Fen, field: string, rule: string): void {
  if (!isFen(amountFen) || amountFen < 1) {
    throw new RuleViolation(rule, field, `${rule}: ${field} must be a whole number of fen, at least 1`, 400);
  }
}

/** The ledger an entry goes to: as read, or a new one for the year's first entry. */
export function openLedger(ledger: YearLedger | undefined, tenantId: string, year: number, at: string): YearLedger {
  if (ledger === undefined) return emptyYear(tenantId, year, at);
  if (ledger.tenantId !== tenantId || ledger.year !== year) {
    throw new RangeError(`the ledger given is ${ledger.tenantId}/${ledger.year}, the entry goes to ${tenantId}/${year}`);
  }
  return ledger;
}

/**
 * FEE-2's balance rule: an entry may not take the year's prevention balance (accrued − spent) below zero, unless
 * the caller books it as an advance (垫支) — which is then recorded on the entry and reported in the summary.
 * Returns whether the entry is an advance.
 *
 * @throws RuleViolation (FEE-2, `field`, 409) when it would and no advance was asked for.
 */
export function checkBalance(ledger: YearLedger, change: Fen, advanceAllowed: boolean, what: string, field = 'amountFen'): boolean {
  const balance = balanceOf(ledger);
  const after = balance + change;
  if (change >= 0 || after >= 0) return false;
  if (!advanceAllowed) {
    throw new RuleViolation(
      'FEE-2',
      field,
      `FEE-2: the ${ledger.year} prevention balance is ${yuan(balance)}; ${what} would take it to ${yuan(after)}. ` +
        'Book it as an advance (advance: true) or receive premium first',
      409,
    );
  }
  return true;
}

