import type * as z from 'zod/mini';
import { percentOfFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import type { Policy } from '../underwriting/policy.js';
import type { policyReceiptsSchema, premiumReceiptSchema } from './premium-receipt.schema.js';

/**
 * What the fee ledger needs of a policy (UW-1, UW-5, UW-6, RULES-1): its premium and VAT rate, who shares it,
 * and the rule set it was issued under.
 */
export type PolicyTerms = Pick<
  Policy,
  'id' | 'tenantId' | 'policyNumber' | 'premiumFen' | 'vatRateBasisPoints' | 'mode' | 'members' | 'ruleSetId' | 'ruleSetVersion'
>;

/** FEE-1: one premium receipt (实收保费) against a policy and the ACCRUAL it booked (premium-receipt.schema.ts). */
export type PremiumReceipt = z.output<typeof premiumReceiptSchema>;

/** FEE-1: premium received so far against one policy by one insurer, under optimistic locking. */
export type PolicyReceipts = z.output<typeof policyReceiptsSchema>;

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
