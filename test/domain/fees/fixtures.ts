/**
 * Shared setup of the prevention-fee tests: two insurers, a policy of each mode, a booking context with a fixed
 * clock, and a small in-memory ledger that applies the domain's transitions the way the repository stores
 * them (the counters replaced by the ones a transition returns). Not a test file itself.
 */
import { expect } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { ReversalMark } from '../../../domain/fees/consistency.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { bookExpense } from '../../../domain/fees/expense.rules.js';
import type { BookingContext, EntryBooked } from '../../../domain/fees/ledger.rules.js';
import { receivePremium } from '../../../domain/fees/premium-receipt.rules.js';
import type { PremiumReceived } from '../../../domain/fees/premium-receipt.rules.js';
import { reverseEntry } from '../../../domain/fees/reversal.rules.js';
import type { EntryReversed } from '../../../domain/fees/reversal.rules.js';
import type { PolicyReceipts, PolicyTerms } from '../../../domain/fees/premium-receipt.js';
import type { BookExpenseBody, ReverseEntryBody } from '../../../domain/fees/ledger-entry.schema.js';
import type { ReceivePremiumBody } from '../../../domain/fees/premium-receipt.schema.js';
import type { YearLedger } from '../../../domain/fees/year-ledger.js';

export const PICC = 't-picc';
export const PINGAN = 't-pingan';
export const RULE_SETS: readonly RuleSet[] = [XINZHOU_2024];

/** 2026-01-15 10:00 in Xinzhou: every date of 2024 (from the rule set's 2024-05-09) and 2025 is in the past. */
export const NOW = new Date('2026-01-15T02:00:00Z');
export const TODAY = '2026-01-15';

/** 278,701.50 CNY incl. 6% VAT, written by PICC alone, issued under xinzhou-2024 v1. */
export const POLICY: PolicyTerms = {
  id: 'pol-xinda',
  tenantId: PICC,
  policyNumber: 'PZAA2024140900000001',
  premiumFen: 27_870_150,
  vatRateBasisPoints: 600,
  mode: 'INDEPENDENT',
  members: [{ tenantId: PICC, shareBasisPoints: 10_000, lead: true }],
  ruleSetId: XINZHOU_2024.id,
  ruleSetVersion: XINZHOU_2024.version,
};

/** A co-insured policy led by PICC (60%) with PING AN (40%). */
export const COINSURED: PolicyTerms = {
  ...POLICY,
  id: 'pol-xingyuan',
  policyNumber: 'PZAA2024140900000002',
  premiumFen: 73_425_001,
  mode: 'COINSURANCE',
  members: [
    { tenantId: PICC, shareBasisPoints: 6_000, lead: true },
    { tenantId: PINGAN, shareBasisPoints: 4_000, lead: false },
  ],
};

let suffixCounter = 0;
/** A fresh 10-character id tail. */
export const suffix = (): string => (suffixCounter++).toString(36).padStart(10, '0');

export const context = (overrides: Partial<BookingContext> = {}): BookingContext => ({
  tenantId: PICC,
  by: 'u-staff',
  now: NOW,
  idSuffix: suffix(),
  ruleSets: RULE_SETS,
  ...overrides,
});

export const expenseBody = (overrides: Partial<BookExpenseBody> = {}): BookExpenseBody => ({
  spentOn: '2025-03-04',
  category: 'OFFLINE_SERVICE',
  amountFen: 100_000,
  description: '体检式精查',
  serviceId: 'svc-1',
  ...overrides,
});

/** Runs `action` and returns what it threw. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

export function expectRuleViolation(action: () => unknown, ruleId: string, status?: 400 | 409, field?: string): RuleViolation {
  const error = thrown(action);
  expect(error).toBeInstanceOf(RuleViolation);
  const violation = error as RuleViolation;
  expect(violation.ruleId).toBe(ruleId);
  expect(violation.message.startsWith(`${ruleId}:`)).toBe(true);
  if (status !== undefined) expect(violation.status).toBe(status);
  if (field !== undefined) expect(violation.field).toBe(field);
  return violation;
}

/**
 * An insurer's ledger in memory, stored the way the DynamoDB adapter stores it: each transition reads the state,
 * and its result replaces the counters and appends the entry — nothing else is ever written.
 */
export class MemoryLedger {
  readonly entries: LedgerEntry[] = [];
  readonly years = new Map<number, YearLedger>();
  readonly received = new Map<string, PolicyReceipts>();
  readonly marks = new Map<string, ReversalMark>();
  private receipts = 0;

  constructor(
    readonly tenantId: string = PICC,
    readonly now: Date = NOW,
  ) {}

  receive(policy: PolicyTerms, body: Omit<ReceivePremiumBody, 'policyId'>): PremiumReceived {
    const year = Number(body.receivedOn.slice(0, 4));
    const change = receivePremium(
      { ...body, policyId: policy.id },
      {
        ...context({ tenantId: this.tenantId, now: this.now }),
        receiptId: `r${(this.receipts += 1)}`,
        policy,
        received: this.received.get(policy.id),
        ledger: this.years.get(year),
      },
    );
    this.received.set(policy.id, change.received);
    this.store(change);
    return change;
  }

  spend(body: Partial<BookExpenseBody>): EntryBooked {
    const full = expenseBody(body);
    const change = bookExpense(full, { ...context({ tenantId: this.tenantId, now: this.now }), ledger: this.years.get(Number(full.spentOn.slice(0, 4))) });
    this.store(change);
    return change;
  }

  reverse(entry: LedgerEntry, body: ReverseEntryBody = { reason: '录入错误' }): EntryReversed {
    const received = entry.kind === 'ACCRUAL' ? this.received.get(entry.policyId) : undefined;
    const change = reverseEntry(entry, body, {
      ...context({ tenantId: this.tenantId, now: this.now }),
      ledger: this.years.get(entry.year) as YearLedger,
      reversedBy: this.marks.get(entry.id) && { entryId: this.marks.get(entry.id)?.reversalEntryId as string, sequence: this.marks.get(entry.id)?.reversalSequence as number },
      ...(received ? { received } : {}),
    });
    if (change.received) this.received.set(change.received.policyId, change.received);
    const reversed = change.entry.reverses;
    this.marks.set(reversed.entryId, { entryId: reversed.entryId, sequence: reversed.sequence, reversalEntryId: change.entry.id, reversalSequence: change.entry.sequence });
    this.store(change);
    return change;
  }

  entriesOf(year: number): LedgerEntry[] {
    return this.entries.filter((entry) => entry.year === year);
  }

  marksOf(year: number): ReversalMark[] {
    const ids = new Set(this.entriesOf(year).map((entry) => entry.id));
    return [...this.marks.values()].filter((mark) => ids.has(mark.entryId));
  }

  private store(change: { entry: LedgerEntry; ledger: YearLedger }): void {
    const previous = this.years.get(change.ledger.year);
    // What the repository's condition guarantees: the counters move exactly one number at a time.
    expect(change.ledger.lastSequence).toBe((previous?.lastSequence ?? 0) + 1);
    this.years.set(change.ledger.year, change.ledger);
    this.entries.push(change.entry);
  }
}
