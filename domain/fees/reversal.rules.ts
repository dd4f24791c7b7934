import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import { entryReversedEvents } from './events.js';
import { balanceChangeOf, ledgerEntryId } from './ledger-entry.js';
import type { LedgerEntry, ReversalEntry, ReversedEntry } from './ledger-entry.js';
import type { ReverseEntryBody } from './ledger-entry.schema.js';
import { checkBalance, openLedger } from './ledger.rules.js';
import type { BookingContext, EntryBooked } from './ledger.rules.js';
import type { PolicyReceipts } from './premium-receipt.js';
import { appendToYear } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';

export interface ReverseContext extends BookingContext {
  /** The ledger of the reversed entry's year, as read. */
  readonly ledger: YearLedger;
  /** The reversal that already took the entry back, if any. */
  readonly reversedBy: { readonly entryId: string; readonly sequence: number } | undefined;
  /** For an ACCRUAL: the policy's receipts, which give the receipt back. */
  readonly received?: PolicyReceipts;
}

export interface EntryReversed extends EntryBooked<ReversalEntry> {
  /** For an ACCRUAL: the policy's receipts after giving the receipt back. */
  readonly received?: PolicyReceipts;
}

function snapshotOf(entry: Exclude<LedgerEntry, ReversalEntry>): ReversedEntry {
  const common = { entryId: entry.id, sequence: entry.sequence, kind: entry.kind, amountFen: entry.amountFen, advance: entry.advance };
  return entry.kind === 'ACCRUAL'
    ? { ...common, receiptId: entry.receiptId, policyId: entry.policyId, receivedFen: entry.receivedFen, premiumExTaxFen: entry.premiumExTaxFen }
    : { ...common, category: entry.category };
}

/**
 * FEE-2: takes an entry back. The reversal goes into the reversed entry's own year, with that year's next
 * number and the entry's date, and mirrors its effect exactly — so the year's figures are as if the entry had
 * never been booked. A reversed ACCRUAL also gives its receipt back to the policy, so the right receipt can be
 * recorded anew. A reversal is never reversed, and an entry is reversed at most once; the correction of a
 * wrong entry is its reversal plus a new entry.
 *
 * @throws RuleViolation (FEE-2, 409) for a reversal, an entry already reversed, or a balance that would fall
 *   below zero without `advance: true`.
 */
export function reverseEntry(target: LedgerEntry, input: ReverseEntryBody, context: ReverseContext): EntryReversed {
  if (target.kind === 'REVERSAL') {
    throw new RuleViolation(
      'FEE-2',
      'entryId',
      `FEE-2: entry ${target.sequence} of ${target.year} is itself a reversal and cannot be reversed; book a new entry instead`,
      409,
    );
  }
  if (context.reversedBy !== undefined) {
    throw new RuleViolation(
      'FEE-2',
      'entryId',
      `FEE-2: entry ${target.sequence} of ${target.year} was already reversed by entry ${context.reversedBy.sequence}`,
      409,
    );
  }
  const recordedAt = instantOf(context.now);
  const ledger = openLedger(context.ledger, context.tenantId, target.year, recordedAt);
  const sequence = ledger.lastSequence + 1;
  const draft: ReversalEntry = {
    id: ledgerEntryId(target.year, sequence, context.idSuffix),
    tenantId: context.tenantId,
    year: target.year,
    sequence,
    kind: 'REVERSAL',
    date: target.date,
    amountFen: target.amountFen,
    advance: false,
    ruleSetId: target.ruleSetId,
    ruleSetVersion: target.ruleSetVersion,
    recordedAt,
    recordedBy: context.by,
    reason: input.reason,
    reversedOn: shanghaiDateOf(context.now),
    reverses: snapshotOf(target),
  };
  const advance = checkBalance(ledger, balanceChangeOf(draft), input.advance === true, `reversing accrual ${target.sequence}`, 'entryId');
  const entry: ReversalEntry = { ...draft, advance };
  const booked = { entry, ledger: appendToYear(ledger, entry), events: entryReversedEvents(entry) };
  if (target.kind !== 'ACCRUAL') return booked;
  const received = context.received;
  if (received === undefined || received.policyId !== target.policyId) {
    throw new RangeError(`reversing accrual ${target.id} needs the receipts of policy ${target.policyId}`);
  }
  return {
    ...booked,
    received: {
      ...received,
      receivedFen: received.receivedFen - target.receivedFen,
      receivedExTaxFen: received.receivedExTaxFen - target.premiumExTaxFen,
      version: received.version + 1,
    },
  };
}
