import * as z from 'zod/mini';
import { areaCodeSchema } from '../kernel/area.js';
import { isLocalDate, localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES, industrySchema } from '../kernel/industry.js';
import { usccSchema } from '../kernel/uscc.js';
import {
  OTHER_SAFETY_INSURANCE_KINDS,
  POLICY_MODES,
  POLICY_STATUSES,
} from './policy.js';
import type { Policy } from './policy.js';
import {
  ANNEX_1_ITEM_CODES,
  COINSURANCE_ROLES,
  ELIGIBILITY_RULES,
  RISK_RATINGS,
  STANDARDISATION_GRADES,
} from './qualification.js';
import type { EligibilityResult, QualificationFiling, QualificationFilingInput } from './qualification.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';

/** Required free text, at most TEXT_MAX_LENGTH characters unless said. */
const text = (message: string, max: number = TEXT_MAX_LENGTH) => requiredText(message, max);

// Messages that apply a rule start with its id (`UW-4: …`): the HTTP layer copies that id into the error's
// `rule`, so a client can go from a 400 back to DOMAIN.md. Every field has its own message, so a form can
// show it next to the input even without zod's locale (zod/mini ships none).

/** Longest free text (a reason, a description), in characters. */
export const TEXT_MAX_LENGTH = 2000;
/** Longest name (a person, an insurer, a document). */
export const NAME_MAX_LENGTH = 200;
/** Most employees one policy covers; far above any enterprise in Xinzhou's register, low enough to rate exactly. */
export const MAX_EMPLOYEES = 1_000_000;
/** Highest per-person amount (insured amount, death limit): 100,000,000 CNY, far above any 安责险 limit. */
export const MAX_PER_PERSON_FEN = 10_000_000_000;
/** Highest factor: ×10.00. Filed bounds are checked by UW-7; this only keeps arithmetic in range. */
export const MAX_FACTOR_BASIS_POINTS = 100_000;
/** Most members of one co-insurance (共保体). */
export const MAX_MEMBERS = 20;

/** A `YYYY-MM-DD` day; `message` is used for a missing value and for a malformed one. */
function date(message: string) {
  return z.string(message).check(z.refine(isLocalDate, message));
}

/** A whole number in [min, max]; `message` is used for every failure. */
function integer(message: string, min: number, max: number) {
  return z.int(message).check(z.gte(min, message), z.lte(max, message));
}


/** An object keyed by some of `keys`; an unknown key is refused by name, with the rule. */
function keyedBy<const Key extends string, Value extends z.ZodMiniType>(
  keys: readonly [Key, ...Key[]],
  value: Value,
  message: string,
) {
  return z.partialRecord(z.enum(keys, message), value, {
    // zod reports keys outside the enum as `unrecognized_keys`, an issue code its record typings leave out.
    error: (issue) => {
      const unknownKeys = (issue as { keys?: unknown }).keys;
      return Array.isArray(unknownKeys) ? `${message}; not ${unknownKeys.map(String).join(', ')}` : message;
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Qualification (QUAL)
// ---------------------------------------------------------------------------------------------------------

/** SVC-10: a reference to an archived document, with the SHA-256 recorded when it was archived. */
export const archiveRefSchema = strictObject(
  {
    archiveId: idField('archiveId'),
    sha256: z
      .string('sha256 must be the lower-case hex SHA-256 of the archived document')
      .check(z.regex(/^[0-9a-f]{64}$/, 'sha256 must be the lower-case hex SHA-256 of the archived document')),
    name: text('name is required: the document’s file name', NAME_MAX_LENGTH),
  },
  'a document reference',
);

const licenceSchema = (rule: string, what: string) =>
  strictObject(
    {
      number: text(`${rule}: the ${what} number is required`, NAME_MAX_LENGTH),
      expiresOn: z.nullable(
        date(`${rule}: expiresOn is the last day the ${what} is valid (YYYY-MM-DD), or null when it states no end`),
      ),
    },
    `the ${what}`,
  );

const factorBoundsSchema = strictObject(
  {
    minBasisPoints: integer(
      `UW-7: minBasisPoints must be a whole number of basis points from 1 to ${MAX_FACTOR_BASIS_POINTS}`,
      1,
      MAX_FACTOR_BASIS_POINTS,
    ),
    maxBasisPoints: integer(
      `UW-7: maxBasisPoints must be a whole number of basis points from 1 to ${MAX_FACTOR_BASIS_POINTS}`,
      1,
      MAX_FACTOR_BASIS_POINTS,
    ),
  },
  'factor bounds',
).check(
  z.refine((bounds) => bounds.minBasisPoints <= bounds.maxBasisPoints, {
    message: 'UW-7: a factor’s minBasisPoints cannot exceed its maxBasisPoints',
    path: ['maxBasisPoints'],
  }),
);

/** QUAL-5, UW-7: the filed product — filing number, base rates per industry (ppm), factor bounds. */
export const filedProductSchema = strictObject(
  {
    filingNumber: text('QUAL-5: filingNumber is required: the product’s filing number with the financial regulator', NAME_MAX_LENGTH),
    name: z.optional(text('QUAL-5: name must not be blank', NAME_MAX_LENGTH)),
    baseRatesPpm: keyedBy(
      INDUSTRIES,
      integer('UW-7: a base rate is a whole number of parts per million of the insured amount, 1 to 1000000', 1, 1_000_000),
      `UW-7: baseRatesPpm is keyed by industry (${INDUSTRIES.join(', ')})`,
    ),
    factorBounds: strictObject(
      {
        accidentRecord: factorBoundsSchema,
        standardisation: strictObject(
          {
            GRADE_1: factorBoundsSchema,
            GRADE_2: factorBoundsSchema,
            GRADE_3: factorBoundsSchema,
            NONE: factorBoundsSchema,
          },
          'UW-7: standardisation bounds per grade (GRADE_1, GRADE_2, GRADE_3, NONE)',
        ),
        penalties: factorBoundsSchema,
        riskLevel: factorBoundsSchema,
      },
      'UW-7: factorBounds',
    ),
  },
  'the filed product',
);

/**
 * QUAL-1..6: `PUT /qualification/{year}` — the insurer's filing for a year, whole (a PUT replaces it). Every
 * part may be left out while the filing is a draft; eligibility then says what is missing. `filedOn` declares a
 * submission on paper before the platform; normally the platform sets it (see `fileQualification`).
 *
 * @example
 * putQualificationBody.parse({ solvency: { comprehensiveRatioBasisPoints: 23560, riskRating: 'A' } });
 */
export const putQualificationBody = strictObject({
  branch: z.optional(
    strictObject(
      {
        name: text('QUAL-1: branch.name is required: the branch’s legal name', NAME_MAX_LENGTH),
        cityLevelBranchInXinzhou: z.boolean('QUAL-1: cityLevelBranchInXinzhou must be true or false'),
        writesPropertyInsurance: z.boolean('QUAL-1: writesPropertyInsurance must be true or false'),
      },
      'QUAL-1: branch',
    ),
  ),
  businessLicence: z.optional(licenceSchema('QUAL-1', 'business licence')),
  insurancePermit: z.optional(licenceSchema('QUAL-1', 'insurance permit')),
  majorViolations: z.optional(
    z.array(
      strictObject(
        {
          decidedOn: date('QUAL-2: decidedOn is the day the violation was decided (YYYY-MM-DD)'),
          authority: text('QUAL-2: authority is required: who decided the violation', NAME_MAX_LENGTH),
          description: text('QUAL-2: description is required'),
        },
        'QUAL-2: a violation',
      ),
      'QUAL-2: majorViolations must be a list',
    ),
  ),
  solvency: z.optional(
    strictObject(
      {
        comprehensiveRatioBasisPoints: integer(
          'QUAL-3: comprehensiveRatioBasisPoints is the prior-year ratio in basis points (10000 = 100%)',
          0,
          10_000_000,
        ),
        riskRating: z.enum(RISK_RATINGS, `QUAL-3: riskRating must be one of ${RISK_RATINGS.join(', ')}`),
      },
      'QUAL-3: solvency',
    ),
  ),
  prevention: z.optional(
    strictObject(
      {
        systemDocument: z.optional(archiveRefSchema),
        planTemplate: z.optional(archiveRefSchema),
        riskControlTeam: z.optional(
          z.array(
            strictObject(
              {
                name: text('QUAL-4: a team member’s name is required', NAME_MAX_LENGTH),
                role: z.optional(text('QUAL-4: role must not be blank', NAME_MAX_LENGTH)),
              },
              'QUAL-4: a team member',
            ),
            'QUAL-4: riskControlTeam must be a list',
          ),
        ),
        evidence: z.optional(z.array(archiveRefSchema, 'QUAL-4: evidence must be a list of document references')),
      },
      'QUAL-4: prevention',
    ),
  ),
  filedProduct: z.optional(filedProductSchema),
  annex1: z.optional(
    keyedBy(
      ANNEX_1_ITEM_CODES,
      z.array(archiveRefSchema, 'QUAL-6: each Annex 1 item is a list of document references'),
      `QUAL-6: annex1 is keyed by Annex 1 item (${ANNEX_1_ITEM_CODES.join(', ')})`,
    ),
  ),
  commitmentLetter: z.optional(
    strictObject(
      {
        signedBy: text('QUAL-6: signedBy is required: who signed the commitment letter', NAME_MAX_LENGTH),
        signedOn: date('QUAL-6: signedOn is the day the commitment letter was signed (YYYY-MM-DD)'),
      },
      'QUAL-6: commitmentLetter',
    ),
  ),
  filedOn: z.optional(date('QUAL-6: filedOn is the day the materials were submitted (YYYY-MM-DD)')),
});
export type PutQualificationBody = z.output<typeof putQualificationBody>;

/** `{year}` of the qualification routes: a four-digit year the platform can hold a filing for. */
export const qualificationYearSchema = z.coerce
  .number('QUAL-6: year must be a year such as 2024')
  .check(z.int('QUAL-6: year must be a year such as 2024'), z.gte(2000, 'QUAL-6: year must be 2000 or later'), z.lte(2100, 'QUAL-6: year must be 2100 or earlier'));

const archiveRefOut = z.object({ archiveId: z.string(), sha256: z.string(), name: z.string() });
const licenceOut = z.object({ number: z.string(), expiresOn: z.nullable(localDateSchema) });
const boundsOut = z.object({ minBasisPoints: z.int(), maxBasisPoints: z.int() });

/** A stored filing as the API returns it and the repository maps it back (kept equal to the interface below). */
export const qualificationFilingSchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  branch: z.optional(
    z.object({ name: z.string(), cityLevelBranchInXinzhou: z.boolean(), writesPropertyInsurance: z.boolean() }),
  ),
  businessLicence: z.optional(licenceOut),
  insurancePermit: z.optional(licenceOut),
  majorViolations: z.readonly(
    z.array(z.object({ decidedOn: localDateSchema, authority: z.string(), description: z.string() })),
  ),
  solvency: z.optional(z.object({ comprehensiveRatioBasisPoints: z.int(), riskRating: z.enum(RISK_RATINGS) })),
  prevention: z.object({
    systemDocument: z.optional(archiveRefOut),
    planTemplate: z.optional(archiveRefOut),
    riskControlTeam: z.readonly(z.array(z.object({ name: z.string(), role: z.optional(z.string()) }))),
    evidence: z.readonly(z.array(archiveRefOut)),
  }),
  filedProduct: z.optional(
    z.object({
      filingNumber: z.string(),
      name: z.optional(z.string()),
      baseRatesPpm: z.readonly(z.partialRecord(z.enum(INDUSTRIES), z.int())),
      factorBounds: z.object({
        accidentRecord: boundsOut,
        standardisation: z.readonly(z.record(z.enum(STANDARDISATION_GRADES), boundsOut)),
        penalties: boundsOut,
        riskLevel: boundsOut,
      }),
    }),
  ),
  annex1: z.readonly(z.partialRecord(z.enum(ANNEX_1_ITEM_CODES), z.readonly(z.array(archiveRefOut)))),
  commitmentLetter: z.optional(z.object({ signedBy: z.string(), signedOn: localDateSchema })),
  filedOn: z.optional(localDateSchema),
  filedOnSource: z.optional(z.enum(['PLATFORM', 'DECLARED'])),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.int(),
});

/** QUAL-1..6, BLK-1: `GET /qualification/{year}` → the computed eligibility. */
export const eligibilityResultSchema = z.object({
  eligible: z.boolean(),
  onDate: localDateSchema,
  coinsuranceRole: z.enum(COINSURANCE_ROLES),
  filingYear: z.optional(z.int()),
  filingVersion: z.optional(z.int()),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  criteria: z.readonly(
    z.array(
      z.object({
        rule: z.enum(ELIGIBILITY_RULES),
        passed: z.boolean(),
        reason: z.string(),
        waived: z.optional(z.literal(true)),
      }),
    ),
  ),
});

// ---------------------------------------------------------------------------------------------------------
// Underwriting (UW)
// ---------------------------------------------------------------------------------------------------------

const fen = (message: string, min = 1, max = MAX_PER_PERSON_FEN) => integer(message, min, max);

const factor = (name: string) =>
  integer(
    `UW-7: ${name} is the factor in basis points (10000 = ×1.00), a whole number from 1 to ${MAX_FACTOR_BASIS_POINTS}`,
    1,
    MAX_FACTOR_BASIS_POINTS,
  );

/** UW-7: the rating factors of `POST /policies`; their filed bounds are checked by `ratePolicy`. */
export const ratingFactorsSchema = strictObject(
  {
    accidentRecordBasisPoints: factor('accidentRecordBasisPoints'),
    standardisationGrade: z.enum(
      STANDARDISATION_GRADES,
      `UW-7: standardisationGrade must be one of ${STANDARDISATION_GRADES.join(', ')} (一级, 二级, 三级, none)`,
    ),
    standardisationBasisPoints: factor('standardisationBasisPoints'),
    penaltiesBasisPoints: factor('penaltiesBasisPoints'),
    riskLevelBasisPoints: factor('riskLevelBasisPoints'),
  },
  'UW-7: rating',
);

const memberSchema = strictObject(
  {
    tenantId: idField('tenantId', 'UW-6'),
    shareBasisPoints: integer('UW-6: shareBasisPoints is the member’s share in basis points, 1 to 10000', 1, 10_000),
    lead: z.boolean('UW-6: lead must be true or false'),
  },
  'UW-6: a member',
);

const otherSafetyInsuranceSchema = strictObject(
  {
    kind: z.enum(
      OTHER_SAFETY_INSURANCE_KINDS,
      `UW-10: kind must be one of ${OTHER_SAFETY_INSURANCE_KINDS.join(', ')}`,
    ),
    insurer: text('UW-10: insurer is required: who wrote the other insurance', NAME_MAX_LENGTH),
    policyNumber: z.optional(text('UW-10: policyNumber must not be blank', NAME_MAX_LENGTH)),
    convertible: z.boolean('UW-10: convertible must be true or false'),
  },
  'UW-10: an other insurance',
);

const POLICY_NUMBER_MESSAGE =
  'UW-1: policyNumber is required: 1–64 letters, digits, ".", "_", "/" or "-", starting with a letter or digit';

/**
 * UW-1..7, UW-10: `POST /policies` — a new policy. Industry, size, county and staff are not taken from the
 * insurer: they come from the regulators' register (REG-1). `industry` and `county` may be sent as a
 * cross-check of the form against the register. `premiumFen` may be left out to take the rated premium (UW-7);
 * `vatRateBasisPoints` defaults to the rule set's (6% in 2024). `members` is for COINSURANCE only. There is one
 * `perPersonInsuredAmountFen` for all employees (UW-3): a list of amounts is refused as an unknown field.
 *
 * @example
 * issuePolicyBody.parse({ enterpriseUscc: '91140902100079190P', policyNumber: 'PZAA2024140900000001',
 *   periodStart: '2024-07-01', periodEnd: '2025-06-30', employeesCovered: 254,
 *   perPersonInsuredAmountFen: 30_000_000, perPersonDeathLimitFen: 30_000_000,
 *   rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 9_500,
 *     penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 11_000 },
 *   mode: 'INDEPENDENT', premiumPaidByEnterprise: true });
 */
export const issuePolicyBody = strictObject({
  enterpriseUscc: z.string('UW-2: enterpriseUscc is required: the enterprise’s 18-character USCC').check(
    z.superRefine((code, ctx) => {
      const result = usccSchema.safeParse(code);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
      }
    }),
  ),
  policyNumber: z
    .string(POLICY_NUMBER_MESSAGE)
    .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, POLICY_NUMBER_MESSAGE)),
  periodStart: date('UW-1: periodStart is the first day covered (YYYY-MM-DD)'),
  periodEnd: date('UW-1: periodEnd is the last day covered, inclusive (YYYY-MM-DD)'),
  employeesCovered: integer(
    `UW-3: employeesCovered is the enterprise’s whole workforce, a whole number from 1 to ${MAX_EMPLOYEES}`,
    1,
    MAX_EMPLOYEES,
  ),
  perPersonInsuredAmountFen: fen(
    'UW-3: perPersonInsuredAmountFen is the one insured amount for every employee, in whole fen (at least 1)',
  ),
  perPersonDeathLimitFen: fen('UW-4: perPersonDeathLimitFen is the death limit per person, in whole fen (at least 1)'),
  premiumFen: z.optional(
    fen('UW-5: premiumFen is the premium incl. VAT in whole fen; leave it out to take the rated premium', 1, Number.MAX_SAFE_INTEGER),
  ),
  vatRateBasisPoints: z.optional(integer('UW-5: vatRateBasisPoints is the VAT rate in basis points, 0 to 10000', 0, 10_000)),
  rating: ratingFactorsSchema,
  mode: z.enum(POLICY_MODES, `UW-6: mode must be one of ${POLICY_MODES.join(', ')}`),
  members: z.optional(
    z
      .array(memberSchema, 'UW-6: members must be a list of {tenantId, shareBasisPoints, lead}')
      .check(z.maxLength(MAX_MEMBERS, `UW-6: at most ${MAX_MEMBERS} members`)),
  ),
  premiumPaidByEnterprise: z.boolean('UW-5: premiumPaidByEnterprise must be true or false'),
  otherSafetyInsurance: z.optional(z.array(otherSafetyInsuranceSchema, 'UW-10: otherSafetyInsurance must be a list')),
  industry: z.optional(industrySchema),
  county: z.optional(areaCodeSchema),
});
export type IssuePolicyBody = z.output<typeof issuePolicyBody>;

/**
 * UW-3, UW-4, UW-1, UW-9: `POST /policies/{policyId}/endorsements` — change the staff count, the insured
 * amount, the death limit and/or the period end, with the reason. Fields left out are unchanged.
 *
 * @example
 * endorsePolicyBody.parse({ employeesCovered: 280, reason: '新招聘26人' });
 */
export const endorsePolicyBody = strictObject({
  employeesCovered: z.optional(
    integer(`UW-3: employeesCovered is the enterprise’s whole workforce, 1 to ${MAX_EMPLOYEES}`, 1, MAX_EMPLOYEES),
  ),
  perPersonInsuredAmountFen: z.optional(
    fen('UW-3: perPersonInsuredAmountFen is the one insured amount for every employee, in whole fen'),
  ),
  perPersonDeathLimitFen: z.optional(fen('UW-4: perPersonDeathLimitFen is the death limit per person, in whole fen')),
  periodEnd: z.optional(date('UW-1: periodEnd is the last day covered, inclusive (YYYY-MM-DD)')),
  reason: text('UW-1: reason is required: why the policy is endorsed'),
});
export type EndorsePolicyBody = z.output<typeof endorsePolicyBody>;

/**
 * UW-1: `POST /policies/{policyId}/cancel` — end a policy early: `on` is the first day no longer covered.
 *
 * @example
 * cancelPolicyBody.parse({ on: '2025-01-01', reason: '企业关闭' });
 */
export const cancelPolicyBody = strictObject({
  on: date('UW-1: on is the first day no longer covered (YYYY-MM-DD)'),
  reason: text('UW-1: reason is required: why the policy is cancelled'),
});
export type CancelPolicyBody = z.output<typeof cancelPolicyBody>;

/** `GET /policies?status=&industry=&county=` filters (the cursor and limit are the HTTP layer's). */
export const policyListFilterSchema = z.object({
  status: z.optional(z.enum(POLICY_STATUSES, `status must be one of ${POLICY_STATUSES.join(', ')}`)),
  industry: z.optional(industrySchema),
  county: z.optional(areaCodeSchema),
});

const appliedFactorOut = z.object({ basisPoints: z.int(), minBasisPoints: z.int(), maxBasisPoints: z.int() });
const changeOf = <T extends z.ZodMiniType>(value: T) => z.optional(z.object({ from: value, to: value }));

/**
 * A policy as the API returns it and as the repository maps it back from storage — the same shape as the
 * {@link Policy} interface (a compile-time check below keeps the two together).
 */
export const policySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  policyNumber: z.string(),
  enterprise: z.object({
    uscc: z.string(),
    name: z.string(),
    industry: z.enum(INDUSTRIES),
    size: z.enum(ENTERPRISE_SIZES),
    county: z.string(),
    employees: z.int(),
  }),
  periodStart: localDateSchema,
  periodEnd: localDateSchema,
  employeesCovered: z.int(),
  perPersonInsuredAmountFen: z.int(),
  perPersonDeathLimitFen: z.int(),
  premiumFen: z.int(),
  vatRateBasisPoints: z.int(),
  premiumExTaxFen: z.int(),
  rating: z.object({
    filingNumber: z.string(),
    baseRatePpm: z.int(),
    factors: z.object({
      accidentRecord: appliedFactorOut,
      standardisation: z.object({
        basisPoints: z.int(),
        minBasisPoints: z.int(),
        maxBasisPoints: z.int(),
        grade: z.enum(STANDARDISATION_GRADES),
      }),
      penalties: appliedFactorOut,
      riskLevel: appliedFactorOut,
    }),
    basePremiumFen: z.int(),
    ratedPremiumFen: z.int(),
    ratedPeriodDays: z.int(),
  }),
  mode: z.enum(POLICY_MODES),
  members: z.readonly(z.array(z.object({ tenantId: z.string(), shareBasisPoints: z.int(), lead: z.boolean() }))),
  premiumPaidByEnterprise: z.literal(true),
  otherSafetyInsurance: z.readonly(
    z.array(
      z.object({
        kind: z.enum(OTHER_SAFETY_INSURANCE_KINDS),
        insurer: z.string(),
        policyNumber: z.optional(z.string()),
        convertible: z.boolean(),
      }),
    ),
  ),
  status: z.enum(POLICY_STATUSES),
  endorsements: z.readonly(
    z.array(
      z.object({
        sequence: z.int(),
        effectiveOn: localDateSchema,
        reason: z.string(),
        changes: z.object({
          employeesCovered: changeOf(z.int()),
          perPersonInsuredAmountFen: changeOf(z.int()),
          perPersonDeathLimitFen: changeOf(z.int()),
          periodEnd: changeOf(localDateSchema),
        }),
        premiumDeltaFen: z.int(),
        premiumFen: z.int(),
        recordedAt: z.string(),
        recordedBy: z.string(),
      }),
    ),
  ),
  cancellation: z.optional(
    z.object({ on: localDateSchema, reason: z.string(), recordedAt: z.string(), recordedBy: z.string() }),
  ),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  qualificationFilingYear: z.int(),
  qualificationFilingVersion: z.int(),
  issuedOn: localDateSchema,
  issuedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fail to compile when a schema and its interface drift apart: the interface documents each field, the schema
// validates and describes it (OpenAPI), and both must say the same thing.
const policyMatches: Same<z.output<typeof policySchema>, Policy> = true;
const filingMatches: Same<z.output<typeof qualificationFilingSchema>, QualificationFiling> = true;
const eligibilityMatches: Same<z.output<typeof eligibilityResultSchema>, EligibilityResult> = true;
const bodyFitsFilingInput: PutQualificationBody extends QualificationFilingInput ? true : false = true;
void policyMatches;
void filingMatches;
void eligibilityMatches;
void bodyFitsFilingInput;
