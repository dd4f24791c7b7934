import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';

/** CLM-1: whom an accident befell, by outcome: the policy's death limit or its per-person insured amount applies. */
export const CASUALTY_KINDS = ['DEATH', 'INJURY', 'DISABILITY'] as const;
export type CasualtyKind = (typeof CASUALTY_KINDS)[number];

/**
 * Where a claim stands.
 *
 * ```
 * REGISTERED ──decide (CLM-1)──▶ DECIDED (PAID | PARTIALLY_PAID | DECLINED) ──payouts (PAID, PARTIALLY_PAID)
 * ```
 */
export const CLAIM_STATUSES = ['REGISTERED', 'DECIDED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * CLM-1 (issue 19 extends API.md's `PAID|DECLINED`): accepted in full, accepted in part (a cut), or declined.
 * PAID means "payable as claimed", not yet "money sent" — payouts record the money (`paidFen`).
 */
export const CLAIM_OUTCOMES = ['PAID', 'PARTIALLY_PAID', 'DECLINED'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/**
 * CLM-1 (承诺书: 无正当理由不得拒赔): the reasons an insurer may state for declining or cutting a claim; each
 * comes with free text saying how it applies. OTHER exists, but still needs the text.
 */
export const CLAIM_REASON_CODES = [
  'NOT_COVERED_ACCIDENT',
  'EXCLUSION',
  'NOT_INSURED_PERSON',
  'INSUFFICIENT_EVIDENCE',
  'ABOVE_LIMIT',
  'COMPENSATED_ELSEWHERE',
  'OTHER',
] as const;
export type ClaimReasonCode = (typeof CLAIM_REASON_CODES)[number];

/** Longest free text of a claim (a place, a reason), in characters. */
export const CLAIM_TEXT_MAX_LENGTH = 2000;
/** Casualties one claim may list: a serious accident is tens of people, not thousands. */
export const MAX_CASUALTIES = 200;

const about = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.meta({ description }));

/** CLM-1: one person the accident befell, with what is claimed for them. */
export const casualtySchema = z.object({
  name: z.string(),
  kind: z.enum(CASUALTY_KINDS),
  amountClaimedFen: z.int(),
});
export type Casualty = z.output<typeof casualtySchema>;

/** CLM-1: the per-person limits of the policy as they stood on the accident day (endorsements before it applied). */
export const claimLimitsSchema = z.object({
  deathFen: about(z.int(), 'UW-4: per-person death limit, for DEATH'),
  personFen: about(z.int(), 'Per-person insured amount, for INJURY and DISABILITY'),
});
export type ClaimLimits = z.output<typeof claimLimitsSchema>;

/** CLM-1: a document of the claim (accident report, medical bills, death certificate …): a file of the insurer's write-once archive. */
export const claimDocumentSchema = z.object({
  archiveId: about(z.string(), 'The upload holding the file (POST /claims/document-uploads)'),
  sha256: z.string(),
  name: z.string(),
});
export type ClaimDocument = z.output<typeof claimDocumentSchema>;

/** Documents one claim may cite. */
export const MAX_CLAIM_DOCUMENTS = 50;

/** CLM-1: the decision; `reasonCode` and `reasonText` are present whenever the payable is below the claimed. */
export const claimDecisionSchema = z.object({
  outcome: z.enum(CLAIM_OUTCOMES),
  payableFen: z.readonly(z.array(z.int())),
  totalPayableFen: z.int(),
  reasonCode: z.optional(z.enum(CLAIM_REASON_CODES)),
  reasonText: z.optional(z.string()),
  decidedOn: localDateSchema,
  decidedAt: z.string(),
  decidedBy: z.string(),
});
export type ClaimDecision = z.output<typeof claimDecisionSchema>;

/** CLM-1: money paid on a decided claim, on a day. */
export const claimPayoutSchema = z.object({
  paidOn: localDateSchema,
  amountFen: z.int(),
  note: z.optional(z.string()),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type ClaimPayout = z.output<typeof claimPayoutSchema>;

/**
 * A claim (理赔案件) on a policy — the aggregate of the claims context. Values are immutable: every transition in
 * `claim.rules.ts` returns a new claim with `version` + 1 and its event. Money is integer fen; dates Asia/Shanghai.
 */
export const claimSchema = z.object({
  id: z.string(),
  tenantId: about(z.string(), "The policy's issuer (the lead of a co-insured policy, ACL-1)"),
  policyId: z.string(),
  policyNumber: z.string(),
  enterprise: z.object({ uscc: z.string(), name: z.string(), county: z.string() }),
  accidentOn: about(localDateSchema, "CLM-1: inside the policy's period"),
  place: z.string(),
  casualties: z.readonly(z.array(casualtySchema)),
  claimedFen: about(z.int(), 'The sum of the casualties’ amounts'),
  limits: claimLimitsSchema,
  documents: z.readonly(z.array(claimDocumentSchema)),
  status: z.enum(CLAIM_STATUSES),
  decision: z.optional(claimDecisionSchema),
  payouts: z.readonly(z.array(claimPayoutSchema)),
  paidFen: about(z.int(), 'The sum of the payouts, never above the total payable'),
  registeredAt: z.string(),
  registeredBy: z.string(),
  version: z.int(),
});
export type Claim = z.output<typeof claimSchema>;
