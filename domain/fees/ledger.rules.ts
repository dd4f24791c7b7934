import { compareLocalDates, shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import { exTaxFen, fenToYuanString, isFen, percentOfFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import { recordedRuleSet, selectRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { EXPENSE_CATEGORIES, REFUSED_CATEGORY_NAMES, REFUSED_EXPENSE_CATEGORIES, balanceChangeOf, ledgerEntryId } from './ledger-entry.js';
import type {
  AccrualEntry,
  ExpenseCategory,
  ExpenseEntry,
  LedgerEntry,
  RefusedExpenseCategory,
  ReversalEntry,
  ReversedEntry,
} from './ledger-entry.js';
import { receivablePremiumFen } from './premium-receipt.js';
import type { PolicyReceipts, PolicyTerms, PremiumReceipt } from './premium-receipt.js';
import type { BookExpenseBody, ReceivePremiumBody, ReverseEntryBody } from './schemas.js';
import { appendToYear, balanceOf, emptyYear } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';
import { instantOf } from '../kernel/calendar/instant.js';

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

export interface ReceiveContext extends BookingContext {
  readonly receiptId: string;
  readonly policy: PolicyTerms;
  /** This insurer's receipts on the policy so far (absent before the first). */
  readonly received: PolicyReceipts | undefined;
  /** The ledger of the receipt's year, as read (absent before its first entry). */
  readonly ledger: YearLedger | undefined;
}

/** FEE-1: a receipt, its ACCRUAL, and the two counters as they stand after them. */
export interface PremiumReceived {
  readonly receipt: PremiumReceipt;
  readonly entry: AccrualEntry;
  readonly received: PolicyReceipts;
  readonly ledger: YearLedger;
}

export interface ExpenseContext extends BookingContext {
  /** The ledger of the expense's year, as read (absent before its first entry). */
  readonly ledger: YearLedger | undefined;
}

/** FEE-2: a booked entry and its year's counters after it. */
export interface EntryBooked<E extends LedgerEntry = LedgerEntry> {
  readonly entry: E;
  readonly ledger: YearLedger;
}

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

const percent = (basisPoints: number): string => `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
const yuan = (fen: Fen): string => `${fenToYuanString(fen)} CNY`;


function requireAmount(amountFen: Fen, field: string, rule: string): void {
  if (!isFen(amountFen) || amountFen < 1) {
    throw new RuleViolation(rule, field, `${rule}: ${field} must be a whole number of fen, at least 1`, 400);
  }
}

/**
 * FEE-1: premium is accrued when it is actually received (实收), so a receipt dated after today — premium not
 * yet received — is refused.
 *
 * @throws RuleViolation (FEE-1, `receivedOn`, 400).
 */
export function checkReceivedBy(receivedOn: LocalDate, today: LocalDate): void {
  if (compareLocalDates(receivedOn, today) > 0) {
    throw new RuleViolation(
      'FEE-1',
      'receivedOn',
      `FEE-1: prevention fee is accrued from premium actually received; receivedOn ${receivedOn} is after today (${today})`,
      400,
    );
  }
}

/**
 * FEE-1, RULES-1: the accrual share — the rule set's floor (15% in 2024) unless the insurer asks for more; less
 * is refused. The floor is the policy's own rule set's, recorded at issue.
 *
 * @throws RuleViolation (FEE-1, `accrualBasisPoints`, 400) below the floor.
 */
export function accrualShareOf(requested: number | undefined, ruleSet: RuleSet): number {
  const floor = ruleSet.preventionFeeFloorBasisPoints;
  const share = requested ?? floor;
  if (share < floor) {
    throw new RuleViolation(
      'FEE-1',
      'accrualBasisPoints',
      `FEE-1: the prevention fee is at least ${percent(floor)} of premium received ex-tax (rule set ${ruleSet.id} v${ruleSet.version}); ${percent(share)} is below it`,
      400,
    );
  }
  return share;
}

/**
 * FEE-1: receipts against a policy never add up to more than its premium (this insurer's share of it when
 * co-insured, UW-6).
 *
 * @throws RuleViolation (FEE-1, `amountFen`, 409) when this receipt would.
 */
export function checkWithinPremium(policy: PolicyTerms, tenantId: string, receivedSoFarFen: Fen, amountFen: Fen): void {
  const receivable = receivablePremiumFen(policy, tenantId);
  if (receivable === undefined) {
    throw new RuleViolation('FEE-1', 'policyId', `FEE-1: this insurer takes no part in policy ${policy.policyNumber}`, 409);
  }
  if (receivedSoFarFen + amountFen > receivable) {
    const left = Math.max(0, receivable - receivedSoFarFen);
    throw new RuleViolation(
      'FEE-1',
      'amountFen',
      `FEE-1: receipts cannot exceed the premium of policy ${policy.policyNumber} (${yuan(receivable)}${policy.mode === 'COINSURANCE' ? ', this insurer’s share' : ''}); ` +
        `${yuan(receivedSoFarFen)} is received, so at most ${yuan(left)} more`,
      409,
    );
  }
}

/**
 * UW-5: the premium ex-tax of a receipt, in integer fen. Each receipt takes the difference between the ex-tax
 * of everything received so far and what earlier receipts already took, each ex-tax rounded half up on the fen
 * (`exTaxFen`). So however a premium is paid in parts, the parts add up to exactly the ex-tax of the whole:
 * a policy paid in full has received exactly its `premiumExTaxFen`, and no fen is gained or lost to rounding.
 *
 * @example
 * receiptExTaxFen(10_600_000, 600, undefined);  // 10_000_000 (106,000.00 CNY at 6% → 100,000.00)
 * receiptExTaxFen(53, 600, undefined);          // 50 (53 ÷ 1.06 = 50.00)
 * receiptExTaxFen(1, 600, { receivedFen: 53, receivedExTaxFen: 50 }); // 1 (54 ÷ 1.06 = 50.94 → 51, minus 50)
 */
export function receiptExTaxFen(
  amountFen: Fen,
  vatRateBasisPoints: number,
  received: Pick<PolicyReceipts, 'receivedFen' | 'receivedExTaxFen'> | undefined,
): Fen {
  const before = received ?? { receivedFen: 0, receivedExTaxFen: 0 };
  // Never below zero: after a reversed receipt the running figures may sit one fen off the whole's ex-tax,
  // and the next receipt absorbs that; a receipt never carries negative premium.
  return Math.max(0, exTaxFen(before.receivedFen + amountFen, vatRateBasisPoints) - before.receivedExTaxFen);
}

/**
 * FEE-1, UW-5, RULES-1: records premium received against a policy and accrues the prevention fee on it, for
 * the ledger of the receipt's year. The accrual is the share (at least the floor of the policy's rule set) of
 * the receipt's premium ex-tax, rounded half up on the fen (`percentOfFen`).
 *
 * Checks, in order: the date (FEE-1, not after today), the share (FEE-1, not below the floor), the premium
 * (FEE-1, receipts within it).
 *
 * @example
 * receivePremium({ policyId, receivedOn: '2024-07-01', amountFen: 10_600_000 }, context);
 * // receipt.premiumExTaxFen 10_000_000, entry.amountFen 1_500_000 (15% of 100,000.00 CNY)
 */
export function receivePremium(input: ReceivePremiumBody, context: ReceiveContext): PremiumReceived {
  const { policy, tenantId } = context;
  requireAmount(input.amountFen, 'amountFen', 'FEE-1');
  const recordedAt = instantOf(context.now);
  checkReceivedBy(input.receivedOn, shanghaiDateOf(context.now));
  const ruleSet = recordedRuleSet(context.ruleSets, policy, `policy ${policy.policyNumber}`);
  const accrualBasisPoints = accrualShareOf(input.accrualBasisPoints, ruleSet);
  const receivedSoFar = context.received?.receivedFen ?? 0;
  checkWithinPremium(policy, tenantId, receivedSoFar, input.amountFen);

  const premiumExTaxFen = receiptExTaxFen(input.amountFen, policy.vatRateBasisPoints, context.received);
  const accrualFen = percentOfFen(premiumExTaxFen, accrualBasisPoints);
  const year = yearOf(input.receivedOn);
  const ledger = openLedger(context.ledger, tenantId, year, recordedAt);
  const sequence = ledger.lastSequence + 1;
  const entry: AccrualEntry = {
    id: ledgerEntryId(year, sequence, context.idSuffix),
    tenantId,
    year,
    sequence,
    kind: 'ACCRUAL',
    date: input.receivedOn,
    amountFen: accrualFen,
    advance: false,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    recordedAt,
    recordedBy: context.by,
    receiptId: context.receiptId,
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    receivedFen: input.amountFen,
    vatRateBasisPoints: policy.vatRateBasisPoints,
    premiumExTaxFen,
    accrualBasisPoints,
  };
  const receipt: PremiumReceipt = {
    id: context.receiptId,
    tenantId,
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    receivedOn: input.receivedOn,
    amountFen: input.amountFen,
    vatRateBasisPoints: policy.vatRateBasisPoints,
    premiumExTaxFen,
    accrualBasisPoints,
    accrualFen,
    entryId: entry.id,
    entrySequence: sequence,
    year,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    recordedAt,
    recordedBy: context.by,
  };
  const received: PolicyReceipts = {
    tenantId,
    policyId: policy.id,
    receipts: (context.received?.receipts ?? 0) + 1,
    receivedFen: receivedSoFar + input.amountFen,
    receivedExTaxFen: (context.received?.receivedExTaxFen ?? 0) + premiumExTaxFen,
    version: (context.received?.version ?? 0) + 1,
  };
  return { receipt, entry, received, ledger: appendToYear(ledger, entry) };
}

function openLedger(ledger: YearLedger | undefined, tenantId: string, year: number, at: string): YearLedger {
  if (ledger === undefined) return emptyYear(tenantId, year, at);
  if (ledger.tenantId !== tenantId || ledger.year !== year) {
    throw new RangeError(`the ledger given is ${ledger.tenantId}/${ledger.year}, the entry goes to ${tenantId}/${year}`);
  }
  return ledger;
}

const isRefused = (category: string): category is RefusedExpenseCategory =>
  (REFUSED_EXPENSE_CATEGORIES as readonly string[]).includes(category);

/**
 * FEE-3: an expense must be of an allowed category. Internal management costs, diverting (挪用), squeezing
 * (挤占) and pre-accruing (预提) are refused, each by name.
 *
 * @throws RuleViolation (FEE-3, `category`, 400).
 */
export function checkExpenseCategory(category: string): asserts category is ExpenseCategory {
  if (isRefused(category)) {
    throw new RuleViolation(
      'FEE-3',
      'category',
      `FEE-3: ${REFUSED_CATEGORY_NAMES[category]} is not a prevention expense; allowed: ${EXPENSE_CATEGORIES.join(', ')}`,
      400,
    );
  }
  if (!(EXPENSE_CATEGORIES as readonly string[]).includes(category)) {
    throw new RuleViolation('FEE-3', 'category', `FEE-3: category must be one of ${EXPENSE_CATEGORIES.join(', ')}`, 400);
  }
}

/**
 * FEE-3: expenses are booked as incurred (据实列支); one dated after today is money not yet spent — pre-accrual
 * (预提) — and refused.
 *
 * @throws RuleViolation (FEE-3, `spentOn`, 400).
 */
export function checkNotPreAccrued(spentOn: LocalDate, today: LocalDate): void {
  if (compareLocalDates(spentOn, today) > 0) {
    throw new RuleViolation(
      'FEE-3',
      'spentOn',
      `FEE-3: an expense is booked when incurred; spentOn ${spentOn} is after today (${today}), which would pre-accrue it (预提)`,
      400,
    );
  }
}

/**
 * FEE-2: every expense names what it paid for — the prevention service or the archived document.
 *
 * @throws RuleViolation (FEE-2, `serviceId`, 400).
 */
export function checkExpenseLink(input: Pick<BookExpenseBody, 'serviceId' | 'document'>): void {
  if (input.serviceId === undefined && input.document === undefined) {
    throw new RuleViolation(
      'FEE-2',
      'serviceId',
      'FEE-2: an expense links to the service (serviceId) or the archived document (document) it pays for',
      400,
    );
  }
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

/**
 * FEE-2, FEE-3: books prevention money spent, in the ledger of its year, as the year's next entry.
 *
 * Checks, in order: the category (FEE-3), the date (FEE-3, not pre-accrued), the link to what it paid for
 * (FEE-2), a rule set in force that day (RULES-1), the balance (FEE-2).
 *
 * @example
 * bookExpense({ spentOn: '2024-08-15', category: 'OFFLINE_SERVICE', amountFen: 800_000, description: '体检式精查',
 *   serviceId: 's1' }, context).entry.sequence; // the year's next number
 */
export function bookExpense(input: BookExpenseBody, context: ExpenseContext): EntryBooked<ExpenseEntry> {
  checkExpenseCategory(input.category);
  requireAmount(input.amountFen, 'amountFen', 'FEE-2');
  const recordedAt = instantOf(context.now);
  checkNotPreAccrued(input.spentOn, shanghaiDateOf(context.now));
  checkExpenseLink(input);
  const ruleSet = selectRuleSet(context.ruleSets, input.spentOn);
  const year = yearOf(input.spentOn);
  const ledger = openLedger(context.ledger, context.tenantId, year, recordedAt);
  const sequence = ledger.lastSequence + 1;
  const draft: ExpenseEntry = {
    id: ledgerEntryId(year, sequence, context.idSuffix),
    tenantId: context.tenantId,
    year,
    sequence,
    kind: 'EXPENSE',
    date: input.spentOn,
    amountFen: input.amountFen,
    advance: false,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    recordedAt,
    recordedBy: context.by,
    category: input.category,
    description: input.description,
    ...(input.serviceId === undefined ? {} : { serviceId: input.serviceId }),
    ...(input.document === undefined ? {} : { document: input.document }),
  };
  const advance = checkBalance(ledger, balanceChangeOf(draft), input.advance === true, `an expense of ${yuan(input.amountFen)}`);
  const entry: ExpenseEntry = { ...draft, advance };
  return { entry, ledger: appendToYear(ledger, entry) };
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
  const booked = { entry, ledger: appendToYear(ledger, entry) };
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
