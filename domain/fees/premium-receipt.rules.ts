import { compareLocalDates, shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { DomainEvent } from '../kernel/events.js';
import { exTaxFen, percentOfFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import { recordedRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { allowedVatRate } from '../kernel/rule-set/vat-rate.js';
import { premiumReceivedEvents } from './events.js';
import { ledgerEntryId } from './ledger-entry.js';
import type { AccrualEntry } from './ledger-entry.js';
import { openLedger, percent, requireAmount, yuan } from './ledger.rules.js';
import type { BookingContext } from './ledger.rules.js';
import { receivablePremiumFen } from './premium-receipt.js';
import type { PolicyReceipts, PolicyTerms, PremiumReceipt } from './premium-receipt.js';
import type { ReceivePremiumBody } from './premium-receipt.schema.js';
import { appendToYear } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';

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
  /** `fees.premium.received` and `fees.entry.booked` (events.ts). */
  readonly events: readonly DomainEvent[];
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
  // FEE-1: premium ex-tax only at a rate the policy's rule set lists, so a policy stored with a free rate accrues nothing short.
  allowedVatRate(ruleSet, policy.vatRateBasisPoints, 'policyId', 409);
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
  return { receipt, entry, received, ledger: appendToYear(ledger, entry), events: premiumReceivedEvents(receipt, entry, received) };
}

