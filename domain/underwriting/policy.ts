import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import type { Industry } from '../kernel/industry.js';
import type { Fen } from '../kernel/money.js';
import type { StandardisationGrade } from './qualification.js';

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

/**
 * UW-1, REG-1: the enterprise as the regulators' register (企业底数) described it when the policy was issued.
 * A snapshot, not a reference: the register changes (staff, size, even county), and a policy must keep saying
 * what it was written on. Industry and county come from the register, never from the insurer, so coverage
 * statistics (UW-11) and county scoping (ACL-4) cannot be bent by a policy.
 *
 * The register context's own type may name fields differently (e.g. `staff`); its adapter maps to this shape.
 */
export interface EnterpriseSnapshot {
  /** 统一社会信用代码 (UW-2). */
  readonly uscc: string;
  readonly name: string;
  readonly industry: Industry;
  readonly size: EnterpriseSize;
  /** SCOPE-5 area code. */
  readonly county: string;
  /** UW-3: the enterprise's total employees (从业人员) according to the register. */
  readonly employees: number;
}

/**
 * UW-6: one insurer's part in a policy. Every policy lists its members: an INDEPENDENT policy has exactly one,
 * its issuer, with 10000 bp as lead; a COINSURANCE policy has two or more whose shares sum to 10000 bp with
 * exactly one lead — the issuing tenant. One shape for both modes keeps share arithmetic (an insurer's premium
 * = Σ premium × share) free of special cases.
 */
export interface CoinsuranceMember {
  readonly tenantId: string;
  /** The member's share of the risk and premium, in basis points (6000 = 60%). */
  readonly shareBasisPoints: number;
  readonly lead: boolean;
}

/** UW-10: kinds of other safety-related insurance an enterprise may already hold. */
export const OTHER_SAFETY_INSURANCE_KINDS = ['EMPLOYER_LIABILITY', 'GROUP_ACCIDENT', 'PUBLIC_LIABILITY', 'OTHER'] as const;
export type OtherSafetyInsuranceKind = (typeof OTHER_SAFETY_INSURANCE_KINDS)[number];

/**
 * UW-10: another safety-related insurance the enterprise holds (雇主责任险, 团体意外险 …), recorded so that it can
 * be added to or converted into 安责险 (notice §一(三)). Advisory: it never blocks a policy.
 */
export interface OtherSafetyInsurance {
  readonly kind: OtherSafetyInsuranceKind;
  /** The insurer's name as the enterprise gives it (it need not be a tenant). */
  readonly insurer: string;
  readonly policyNumber?: string;
  /** Whether the insurer judges it convertible into 安责险 (应当增加或将其调整为安责险). */
  readonly convertible: boolean;
}

/** UW-7: one factor as applied, with the filed bounds it was checked against. */
export interface AppliedFactor {
  /** The multiplier in basis points: 10000 = ×1.00, 12000 = ×1.20. */
  readonly basisPoints: number;
  readonly minBasisPoints: number;
  readonly maxBasisPoints: number;
}

/**
 * UW-7: how the premium was rated — stored on the policy so the premium can be explained and audited against the
 * filed product, and so an endorsement re-rates with the same base rate and factors.
 *
 * premium = insured amount per person × employees × base rate (ppm) × the four factors (bp), computed exactly
 * in integers and rounded **once**, half up on the fen.
 */
export interface AppliedRating {
  /** QUAL-5: the filed product whose rates were applied. */
  readonly filingNumber: string;
  /** Parts per million of the per-person insured amount, per employee, for the period (3500 = 3.5‰). */
  readonly baseRatePpm: number;
  readonly factors: {
    readonly accidentRecord: AppliedFactor;
    readonly standardisation: AppliedFactor & { readonly grade: StandardisationGrade };
    readonly penalties: AppliedFactor;
    readonly riskLevel: AppliedFactor;
  };
  /** Amount × employees × base rate, before the factors, rounded half up (shown for explanation only). */
  readonly basePremiumFen: Fen;
  /** The rated premium incl. tax, for `ratedPeriodDays`. */
  readonly ratedPremiumFen: Fen;
  /** Days of the period the premium was rated for (the period at issue, both ends included). */
  readonly ratedPeriodDays: number;
}

/** A field's value before and after an endorsement. */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

/** What an endorsement changed (only the fields it changed are present). */
export interface EndorsementChanges {
  readonly employeesCovered?: Change<number>;
  readonly perPersonInsuredAmountFen?: Change<Fen>;
  readonly perPersonDeathLimitFen?: Change<Fen>;
  readonly periodEnd?: Change<LocalDate>;
}

/**
 * An endorsement (批改): a change to an issued policy, effective from `effectiveOn`, with the premium it adds
 * (批增, positive) or returns (批减, negative).
 */
export interface Endorsement {
  /** 1, 2, … in order. */
  readonly sequence: number;
  /** The first day the change applies: the day it was made, or the period start when made before it. */
  readonly effectiveOn: LocalDate;
  readonly reason: string;
  readonly changes: EndorsementChanges;
  /** UW-7: the premium difference, incl. tax, pro rata for the days from `effectiveOn`. */
  readonly premiumDeltaFen: Fen;
  /** The policy's premium incl. tax after this endorsement. */
  readonly premiumFen: Fen;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The early end of a policy (退保/注销). */
export interface Cancellation {
  /** The first day no longer covered (保险责任自该日零时起终止). */
  readonly on: LocalDate;
  readonly reason: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * A 安责险 policy (保单) — the aggregate of the underwriting context (UW-1). Values are immutable: `issuePolicy`,
 * `endorsePolicy` and `cancelPolicy` in policy.rules.ts return new policies, each change with `version` + 1.
 *
 * The period runs from `periodStart` to `periodEnd`, **both days included** — the way a Chinese policy states
 * it (自…零时起至…二十四时止): a one-year policy from 2024-07-01 ends on 2025-06-30. The period is also the
 * prevention-service cycle (Annex 3 art. 8).
 *
 * Instants (`createdAt`, `recordedAt` …) are ISO 8601 in UTC; dates are Asia/Shanghai days (CAL-1); money is
 * integer fen.
 *
 * @example
 * const policy = issuePolicy(input, context);
 * policy.premiumExTaxFen; // premiumFen ÷ 1.06, to the fen
 */
export interface Policy {
  readonly id: string;
  /** The issuing insurer; for co-insurance, the lead (ACL-1: the only tenant that writes it). */
  readonly tenantId: string;
  /** Unique per insurer (the repository enforces it). */
  readonly policyNumber: string;
  readonly enterprise: EnterpriseSnapshot;
  readonly periodStart: LocalDate;
  /** The last day covered (inclusive). */
  readonly periodEnd: LocalDate;
  /** UW-3: every employee of the enterprise, all at one insured amount. */
  readonly employeesCovered: number;
  readonly perPersonInsuredAmountFen: Fen;
  /** UW-4: at least the rule set's floor (300,000 CNY in 2024). */
  readonly perPersonDeathLimitFen: Fen;
  /** UW-5: the premium incl. VAT, paid by the enterprise. */
  readonly premiumFen: Fen;
  readonly vatRateBasisPoints: number;
  /** UW-5: premiumFen ÷ (1 + VAT), rounded half up on the fen; FEE-1's base once received. */
  readonly premiumExTaxFen: Fen;
  readonly rating: AppliedRating;
  readonly mode: PolicyMode;
  /** UW-6: see {@link CoinsuranceMember} — one member for INDEPENDENT, two or more for COINSURANCE. */
  readonly members: readonly CoinsuranceMember[];
  /** UW-5: the insurer attests the enterprise pays the premium and charges none of it to employees. */
  readonly premiumPaidByEnterprise: true;
  /** UW-10: advisory record. */
  readonly otherSafetyInsurance: readonly OtherSafetyInsurance[];
  readonly status: PolicyStatus;
  readonly endorsements: readonly Endorsement[];
  readonly cancellation?: Cancellation;
  /** RULES-1: the rule set in force on the issue date, applied to the policy for its whole life. */
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  /** UW-8: the qualification filing that made the issuer eligible on the issue date. */
  readonly qualificationFilingYear: number;
  readonly qualificationFilingVersion: number;
  /** The Asia/Shanghai day the policy was issued on this platform (UW-8's issue date). */
  readonly issuedOn: LocalDate;
  readonly issuedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic lock: 1 on issue, + 1 on every endorsement or cancellation. */
  readonly version: number;
}

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
