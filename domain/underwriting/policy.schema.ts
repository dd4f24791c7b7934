import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { idField, strictObject } from '../kernel/schema-parts.js';
import { NAME_MAX_LENGTH, about, integer, text } from './fields.schema.js';
import { OTHER_SAFETY_INSURANCE_KINDS, POLICY_MODES, POLICY_STATUSES } from './policy.js';
import { STANDARDISATION_GRADES } from './qualification.js';

// The policy's one shape (UW-1): `Policy` in policy.ts is z.output of `policySchema`, the repository stores and
// reads it whole, and every policy route answers with it — a field added here reaches the API, the OpenAPI
// document and the console's generated types without another edit.

/**
 * UW-6: one insurer's part in a policy. Every policy lists its members: an INDEPENDENT policy has exactly one,
 * its issuer, with 10000 bp as lead; a COINSURANCE policy has two or more whose shares sum to 10000 bp with
 * exactly one lead — the issuing tenant.
 */
export const memberSchema = strictObject(
  {
    tenantId: about(idField('tenantId', 'UW-6'), 'The insurer (tenant)'),
    shareBasisPoints: about(
      integer('UW-6: shareBasisPoints is the member’s share in basis points, 1 to 10000', 1, 10_000),
      "The member's share of the risk and premium, in basis points (6000 = 60%)",
    ),
    lead: about(z.boolean('UW-6: lead must be true or false'), 'The lead insurer issues and alone changes the policy (ACL-1)'),
  },
  'UW-6: a member',
);

/**
 * UW-10: another safety-related insurance the enterprise holds (雇主责任险, 团体意外险 …), recorded so that it can
 * be added to or converted into 安责险 (notice §一(三)). Advisory: it never blocks a policy.
 */
export const otherSafetyInsuranceSchema = strictObject(
  {
    kind: z.enum(
      OTHER_SAFETY_INSURANCE_KINDS,
      `UW-10: kind must be one of ${OTHER_SAFETY_INSURANCE_KINDS.join(', ')}`,
    ),
    insurer: about(
      text('UW-10: insurer is required: who wrote the other insurance', NAME_MAX_LENGTH),
      "The insurer's name as the enterprise gives it (it need not be a tenant)",
    ),
    policyNumber: z.optional(text('UW-10: policyNumber must not be blank', NAME_MAX_LENGTH)),
    convertible: about(
      z.boolean('UW-10: convertible must be true or false'),
      'Whether the insurer judges it convertible into 安责险 (应当增加或将其调整为安责险)',
    ),
  },
  'UW-10: an other insurance',
);

/**
 * UW-1, REG-1: the enterprise as the regulators' register (企业底数) described it when the policy was issued — a
 * snapshot, not a reference. Industry and county come from the register, never from the insurer, so coverage
 * statistics (UW-11) and county scoping (ACL-4) cannot be bent by a policy.
 */
export const enterpriseSnapshotSchema = z.object({
  uscc: about(z.string(), '统一社会信用代码 (UW-2)'),
  name: z.string(),
  industry: z.enum(INDUSTRIES),
  size: z.enum(ENTERPRISE_SIZES),
  county: about(z.string(), 'SCOPE-5 area code'),
  employees: about(z.int(), "UW-3: the enterprise's total employees (从业人员) according to the register"),
});

/** UW-7: one factor as applied, with the filed bounds it was checked against. */
export const appliedFactorSchema = z.object({
  basisPoints: about(z.int(), 'The multiplier in basis points: 10000 = ×1.00, 12000 = ×1.20'),
  minBasisPoints: z.int(),
  maxBasisPoints: z.int(),
});

/**
 * UW-7: how the premium was rated — stored on the policy so the premium can be explained and audited against the
 * filed product, and so an endorsement re-rates with the same base rate and factors. premium = insured amount
 * per person × employees × base rate (ppm) × the four factors (bp), exact in integers, rounded once half up.
 */
export const appliedRatingSchema = z.object({
  filingNumber: about(z.string(), 'QUAL-5: the filed product whose rates were applied'),
  baseRatePpm: about(
    z.int(),
    'Parts per million of the per-person insured amount, per employee, for the period (3500 = 3.5‰)',
  ),
  factors: z.object({
    accidentRecord: appliedFactorSchema,
    standardisation: z.extend(appliedFactorSchema, { grade: z.enum(STANDARDISATION_GRADES) }),
    penalties: appliedFactorSchema,
    riskLevel: appliedFactorSchema,
  }),
  basePremiumFen: about(z.int(), 'Amount × employees × base rate, before the factors (shown for explanation only)'),
  ratedPremiumFen: about(z.int(), 'The rated premium incl. tax, for ratedPeriodDays'),
  ratedPeriodDays: about(z.int(), 'Days of the period the premium was rated for (both ends included)'),
});

/** A field's value before and after an endorsement. */
const changeOf = <T extends z.ZodMiniType>(value: T) => z.optional(z.object({ from: value, to: value }));

/** What an endorsement changed (only the fields it changed are present). */
export const endorsementChangesSchema = z.object({
  employeesCovered: changeOf(z.int()),
  perPersonInsuredAmountFen: changeOf(z.int()),
  perPersonDeathLimitFen: changeOf(z.int()),
  periodEnd: changeOf(localDateSchema),
});

/**
 * An endorsement (批改): a change to an issued policy, effective from `effectiveOn`, with the premium it adds
 * (批增, positive) or returns (批减, negative).
 */
export const endorsementSchema = z.object({
  sequence: about(z.int(), '1, 2, … in order'),
  effectiveOn: about(localDateSchema, 'The first day the change applies: the day it was made, or the period start'),
  reason: z.string(),
  changes: endorsementChangesSchema,
  premiumDeltaFen: about(z.int(), 'UW-7: the premium difference incl. tax, pro rata for the days from effectiveOn'),
  premiumFen: about(z.int(), "The policy's premium incl. tax after this endorsement"),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

/** The early end of a policy (退保/注销). */
export const cancellationSchema = z.object({
  on: about(localDateSchema, 'The first day no longer covered (保险责任自该日零时起终止)'),
  reason: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

/**
 * A 安责险 policy (保单) — the aggregate of the underwriting context (UW-1), as stored and as every policy route
 * answers. The period runs from `periodStart` to `periodEnd`, both days included (自…零时起至…二十四时止).
 * Instants are ISO 8601 in UTC; dates are Asia/Shanghai days (CAL-1); money is integer fen.
 */
export const policySchema = z.object({
  id: z.string(),
  tenantId: about(z.string(), 'The issuing insurer; for co-insurance, the lead (ACL-1: the only tenant that writes it)'),
  policyNumber: about(z.string(), 'Unique per insurer (UW-1)'),
  enterprise: enterpriseSnapshotSchema,
  periodStart: localDateSchema,
  periodEnd: about(localDateSchema, 'The last day covered (inclusive)'),
  employeesCovered: about(z.int(), 'UW-3: every employee of the enterprise, all at one insured amount'),
  perPersonInsuredAmountFen: z.int(),
  perPersonDeathLimitFen: about(z.int(), "UW-4: at least the rule set's floor (300,000 CNY in 2024)"),
  premiumFen: about(z.int(), 'UW-5: the premium incl. VAT, paid by the enterprise'),
  vatRateBasisPoints: z.int(),
  premiumExTaxFen: about(z.int(), "UW-5: premiumFen ÷ (1 + VAT), rounded half up on the fen; FEE-1's base once received"),
  rating: appliedRatingSchema,
  mode: about(z.enum(POLICY_MODES), 'UW-1: by one insurer alone, or by several under a lead (共保)'),
  members: about(
    z.readonly(z.array(memberSchema)),
    'UW-6: one member for INDEPENDENT (the issuer, lead, 10000 bp), two or more for COINSURANCE',
  ),
  premiumPaidByEnterprise: about(
    z.literal(true),
    'UW-5: the insurer attests the enterprise pays the premium and charges none of it to employees',
  ),
  otherSafetyInsurance: about(z.readonly(z.array(otherSafetyInsuranceSchema)), 'UW-10: advisory record'),
  status: about(
    z.enum(POLICY_STATUSES),
    'ISSUED: written, in force during its period; CANCELLED: ended early, see cancellation.on',
  ),
  endorsements: z.readonly(z.array(endorsementSchema)),
  cancellation: z.optional(cancellationSchema),
  ruleSetId: about(z.string(), 'RULES-1: the rule set in force on the issue date, applied for the whole life'),
  ruleSetVersion: z.int(),
  qualificationFilingYear: about(z.int(), 'UW-8: the qualification filing that made the issuer eligible'),
  qualificationFilingVersion: z.int(),
  issuedOn: about(localDateSchema, "The Asia/Shanghai day the policy was issued on this platform (UW-8's issue date)"),
  issuedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: about(z.int(), 'Optimistic lock: 1 on issue, + 1 on every endorsement or cancellation'),
});
