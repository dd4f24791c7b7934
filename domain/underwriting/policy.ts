import type * as z from 'zod/mini';
import type {
  appliedFactorSchema,
  appliedRatingSchema,
  cancellationSchema,
  endorsementChangesSchema,
  endorsementSchema,
  enterpriseSnapshotSchema,
  memberSchema,
  otherSafetyInsuranceSchema,
  policySchema,
} from './policy.schema.js';

/** UW-1: how a policy is written — by one insurer alone, or by several under a lead (共保). */
export const POLICY_MODES = ['INDEPENDENT', 'COINSURANCE'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

/**
 * Where a policy stands. ISSUED: written, and in force during its period (see `isInForce` in coverage.ts —
 * status alone does not say whether today is inside the period). CANCELLED: ended early by a cancellation,
 * which records the first day no longer covered.
 */
export const POLICY_STATUSES = ['ISSUED', 'CANCELLED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** UW-10: kinds of other safety-related insurance an enterprise may already hold. */
export const OTHER_SAFETY_INSURANCE_KINDS = ['EMPLOYER_LIABILITY', 'GROUP_ACCIDENT', 'PUBLIC_LIABILITY', 'OTHER'] as const;
export type OtherSafetyInsuranceKind = (typeof OTHER_SAFETY_INSURANCE_KINDS)[number];

// A policy's shapes are its zod schemas (policy.schema.ts); these names are their outputs, documented there.

/** UW-1, REG-1: the enterprise as the register described it when the policy was issued (a snapshot). */
export type EnterpriseSnapshot = z.output<typeof enterpriseSnapshotSchema>;
/** UW-6: one insurer's part in a policy (one shape for both modes keeps share arithmetic free of special cases). */
export type CoinsuranceMember = z.output<typeof memberSchema>;
/** UW-10: another safety-related insurance the enterprise holds; advisory. */
export type OtherSafetyInsurance = z.output<typeof otherSafetyInsuranceSchema>;
/** UW-7: one factor as applied, with the filed bounds it was checked against. */
export type AppliedFactor = z.output<typeof appliedFactorSchema>;
/** UW-7: how the premium was rated, stored on the policy. */
export type AppliedRating = z.output<typeof appliedRatingSchema>;
/** What an endorsement changed (only the fields it changed are present). */
export type EndorsementChanges = z.output<typeof endorsementChangesSchema>;
/** An endorsement (批改) of an issued policy. */
export type Endorsement = z.output<typeof endorsementSchema>;
/** The early end of a policy (退保/注销). */
export type Cancellation = z.output<typeof cancellationSchema>;

/**
 * A 安责险 policy (保单) — the aggregate of the underwriting context (UW-1). Values are immutable: `issuePolicy`
 * (issue.rules.ts), `endorsePolicy` (endorsement.rules.ts) and `cancelPolicy` (cancellation.rules.ts) return new
 * policies (with the events the change raised), each change with `version` + 1. Its shape is `policySchema`: add a field there, and to the rule that
 * sets it.
 *
 * @example
 * const { state: policy } = issuePolicy(input, context);
 * policy.premiumExTaxFen; // premiumFen ÷ 1.06, to the fen
 */
export type Policy = z.output<typeof policySchema>;

/**
 * ACL-1: whether `tenantId` may read the policy — the lead and every co-insurance member.
 *
 * @example
 * isReadableBy(coinsured, 'member-tenant'); // true
 */
export function isReadableBy(policy: Pick<Policy, 'tenantId' | 'members'>, tenantId: string): boolean {
  return policy.tenantId === tenantId || policy.members.some((member) => member.tenantId === tenantId);
}

/**
 * ACL-1: whether `tenantId` may change the policy (endorse, cancel) — the lead only.
 *
 * @example
 * isWritableBy(coinsured, 'member-tenant'); // false
 */
export function isWritableBy(policy: Pick<Policy, 'tenantId'>, tenantId: string): boolean {
  return policy.tenantId === tenantId;
}

/**
 * UW-10: the other insurances recorded as convertible into 安责险 — what an insurer's follow-up list shows.
 *
 * @example
 * conversionCandidates(policy).map((other) => other.kind); // ['EMPLOYER_LIABILITY']
 */
export function conversionCandidates(policy: Pick<Policy, 'otherSafetyInsurance'>): OtherSafetyInsurance[] {
  return policy.otherSafetyInsurance.filter((other) => other.convertible);
}
