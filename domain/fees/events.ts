import * as z from 'zod/mini';
import { defineEvent, type AnyEventType, type DomainEvent } from '../kernel/events.js';
import type { AccrualEntry, ExpenseEntry, LedgerEntry, ReversalEntry } from './ledger-entry.js';
import { EXPENSE_CATEGORIES } from './ledger-entry.js';
import type { PolicyReceipts, PremiumReceipt } from './premium-receipt.js';

/** The aggregate of the ledger events: one insurer-year's ledger, `<tenantId>-<year>`, versioned by sequence number. */
export const FEE_LEDGER = 'fee-ledger';
/** The aggregate of `fees.premium.received`: one insurer's receipts on one policy, versioned by its counter. */
export const POLICY_PREMIUM = 'policy-premium';

/** What every ledger event says of its entry. */
const entryFacts = {
  entryId: z.string().check(z.meta({ description: 'The entry: `<year>-<sequence>-<random tail>`' })),
  year: z.int().check(z.meta({ description: 'FEE-2: the ledger (Asia/Shanghai year) the entry belongs to' })),
  sequence: z.int().check(z.meta({ description: 'FEE-2: its number in that year, gap-free' })),
  kind: z.enum(['ACCRUAL', 'EXPENSE', 'REVERSAL']),
  date: z.string().check(z.meta({ description: 'The day the money moved (YYYY-MM-DD)' })),
  amountFen: z.int().check(z.meta({ description: 'Integer fen, never negative; the kind says which way it moves the figures' })),
  advance: z.boolean().check(z.meta({ description: 'FEE-2: it took the year’s prevention balance below zero (垫支)' })),
};

/** FEE-1: premium received against a policy; the accrual it booked is announced by `fees.entry.booked`. */
export const premiumReceived = defineEvent({
  name: 'fees.premium.received',
  version: 1,
  aggregate: POLICY_PREMIUM,
  summary: 'Premium was received against a policy and the prevention fee accrued on it (FEE-1, UW-5)',
  payload: z.object({
    receiptId: z.string(),
    policyId: z.string(),
    policyNumber: z.string(),
    receivedOn: z.string().check(z.meta({ description: 'The day the premium was received (YYYY-MM-DD)' })),
    amountFen: z.int().check(z.meta({ description: 'This receipt, incl. VAT' })),
    premiumExTaxFen: z.int().check(z.meta({ description: 'UW-5: this receipt’s premium ex-tax' })),
    accrualFen: z.int().check(z.meta({ description: 'FEE-1: the prevention fee accrued on it' })),
    receivedFen: z.int().check(z.meta({ description: 'Everything received on the policy so far, incl. VAT' })),
    entryId: z.string().check(z.meta({ description: 'The ACCRUAL entry booked with it' })),
  }),
});

/** FEE-1, FEE-2: an ACCRUAL or an EXPENSE took the year's next number. */
export const entryBooked = defineEvent({
  name: 'fees.entry.booked',
  version: 1,
  aggregate: FEE_LEDGER,
  summary: 'An accrual or an expense was booked in an insurer’s prevention-fee ledger (FEE-1, FEE-2, FEE-3)',
  payload: z.object({
    ...entryFacts,
    receiptId: z.optional(z.string().check(z.meta({ description: 'ACCRUAL: the receipt it accrues on' }))),
    policyId: z.optional(z.string().check(z.meta({ description: 'ACCRUAL: the policy' }))),
    premiumExTaxFen: z.optional(z.int().check(z.meta({ description: 'ACCRUAL: the premium ex-tax it accrues on' }))),
    accrualBasisPoints: z.optional(z.int().check(z.meta({ description: 'ACCRUAL: the share accrued, in basis points' }))),
    category: z.optional(z.enum(EXPENSE_CATEGORIES).check(z.meta({ description: 'EXPENSE: the FEE-3 category' }))),
    serviceId: z.optional(z.string().check(z.meta({ description: 'EXPENSE: the prevention service it paid for' }))),
    archiveId: z.optional(z.string().check(z.meta({ description: 'EXPENSE: the archived document it paid for' }))),
  }),
});

/** FEE-2: an entry was taken back by a REVERSAL, in its own year. */
export const entryReversed = defineEvent({
  name: 'fees.entry.reversed',
  version: 1,
  aggregate: FEE_LEDGER,
  summary: 'A ledger entry was reversed: its effect taken back exactly, in its own year (FEE-2)',
  payload: z.object({
    ...entryFacts,
    reason: z.string(),
    reversedEntryId: z.string(),
    reversedSequence: z.int(),
    reversedKind: z.enum(['ACCRUAL', 'EXPENSE']),
    policyId: z.optional(z.string().check(z.meta({ description: 'A reversed ACCRUAL: its policy' }))),
    receiptId: z.optional(z.string().check(z.meta({ description: 'A reversed ACCRUAL: the receipt given back' }))),
  }),
});

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const feeEvents = { premiumReceived, entryBooked, entryReversed } as const satisfies Readonly<Record<string, AnyEventType>>;

/** Events of a ledger ride in its partition, ordered by sequence number (ARCHITECTURE.md §6). */
const ledgerOf = (entry: LedgerEntry) => ({ id: `${entry.tenantId}-${entry.year}`, version: entry.sequence, tenantId: entry.tenantId });

const factsOf = (entry: LedgerEntry) => ({
  entryId: entry.id,
  year: entry.year,
  sequence: entry.sequence,
  kind: entry.kind,
  date: entry.date,
  amountFen: entry.amountFen,
  advance: entry.advance,
});

/** FEE-1: what a receipt announces — the receipt on its policy, then its ACCRUAL in the year's ledger. */
export function premiumReceivedEvents(receipt: PremiumReceipt, entry: AccrualEntry, received: PolicyReceipts): readonly DomainEvent[] {
  return [
    premiumReceived.of(
      { id: receipt.policyId, version: received.version, tenantId: receipt.tenantId },
      {
        receiptId: receipt.id,
        policyId: receipt.policyId,
        policyNumber: receipt.policyNumber,
        receivedOn: receipt.receivedOn,
        amountFen: receipt.amountFen,
        premiumExTaxFen: receipt.premiumExTaxFen,
        accrualFen: receipt.accrualFen,
        receivedFen: received.receivedFen,
        entryId: entry.id,
      },
    ),
    entryBooked.of(ledgerOf(entry), {
      ...factsOf(entry),
      receiptId: receipt.id,
      policyId: receipt.policyId,
      premiumExTaxFen: entry.premiumExTaxFen,
      accrualBasisPoints: entry.accrualBasisPoints,
    }),
  ];
}

/** FEE-2: what a booked expense announces. */
export function expenseBookedEvents(entry: ExpenseEntry): readonly DomainEvent[] {
  return [
    entryBooked.of(ledgerOf(entry), {
      ...factsOf(entry),
      category: entry.category,
      ...(entry.serviceId === undefined ? {} : { serviceId: entry.serviceId }),
      ...(entry.document === undefined ? {} : { archiveId: entry.document.archiveId }),
    }),
  ];
}

/** FEE-2: what a reversal announces. */
export function entryReversedEvents(entry: ReversalEntry): readonly DomainEvent[] {
  const reversed = entry.reverses;
  return [
    entryReversed.of(ledgerOf(entry), {
      ...factsOf(entry),
      reason: entry.reason,
      reversedEntryId: reversed.entryId,
      reversedSequence: reversed.sequence,
      reversedKind: reversed.kind,
      ...(reversed.policyId === undefined ? {} : { policyId: reversed.policyId }),
      ...(reversed.receiptId === undefined ? {} : { receiptId: reversed.receiptId }),
    }),
  ];
}
