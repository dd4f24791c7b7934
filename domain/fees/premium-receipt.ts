import type { LocalDate } from '../kernel/calendar/local-date.js';
import { percentOfFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import type { Policy } from '../underwriting/policy.js';

/**
 * What the fee ledger needs of a policy (UW-1, UW-5, UW-6, RULES-1): its premium and VAT rate, who shares it,
 * and the rule set it was issued under.
 */
export type PolicyTerms = Pick<
  Policy,
  'id' | 'tenantId' | 'policyNumber' | 'premiumFen' | 'vatRateBasisPoints' | 'mode' | 'members' | 'ruleSetId' | 'ruleSetVersion'
>;

/**
 * FEE-1: one premium receipt (实收保费) against a policy — possibly one of several partial receipts — and the
 * ACCRUAL it booked in the same transaction.
 */
export interface PremiumReceipt {
  readonly id: string;
  readonly tenantId: string;
  readonly policyId: string;
  readonly policyNumber: string;
  /** The Asia/Shanghai day the premium was received; its year is the ledger the accrual goes to. */
  readonly receivedOn: LocalDate;
  /** Premium received, incl. VAT. */
  readonly amountFen: Fen;
  /** UW-5: the policy's VAT rate. */
  readonly vatRateBasisPoints: number;
  /** UW-5: this receipt's premium ex-tax (see `receivePremium` for how partial receipts round). */
  readonly premiumExTaxFen: Fen;
  readonly accrualBasisPoints: number;
  readonly accrualFen: Fen;
  /** The ACCRUAL entry booked with it. */
  readonly entryId: string;
  readonly entrySequence: number;
  readonly year: number;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * FEE-1: premium received so far against one policy by one insurer — the counter that keeps receipts from
 * exceeding the premium, updated with each receipt (and each reversed one) under optimistic locking.
 */
export interface PolicyReceipts {
  readonly tenantId: string;
  readonly policyId: string;
  /** Receipts booked (a reversed one still counts). */
  readonly receipts: number;
  /** Premium received incl. VAT, net of reversed receipts. */
  readonly receivedFen: Fen;
  /**
   * UW-5: the same ex-tax — after each receipt the ex-tax of `receivedFen` as a whole (see `receiptExTaxFen`);
   * a reversed receipt takes back exactly what it added, and the next receipt settles any fen of difference.
   */
  readonly receivedExTaxFen: Fen;
  /** Optimistic lock: 1 at the first receipt, + 1 on every change. */
  readonly version: number;
}

/**
 * UW-6, FEE-1: how much premium this insurer may receive on the policy — all of it when it writes the policy
 * alone, its share (rounded half up on the fen) as a co-insurance member, since each member accrues its own
 * prevention fee on the premium it receives. `undefined` when the insurer is not on the policy.
 *
 * @example
 * receivablePremiumFen({ ...policy, premiumFen: 1_000_001, members: [{ tenantId: 'a', shareBasisPoints: 5000, lead: true }, …] }, 'a'); // 500_001
 */
export function receivablePremiumFen(policy: Pick<PolicyTerms, 'premiumFen' | 'members'>, tenantId: string): Fen | undefined {
  const member = policy.members.find((candidate) => candidate.tenantId === tenantId);
  if (member === undefined) return undefined;
  return member.shareBasisPoints === 10_000 ? policy.premiumFen : percentOfFen(policy.premiumFen, member.shareBasisPoints);
}
