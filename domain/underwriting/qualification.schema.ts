import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { idField, strictObject } from '../kernel/schema-parts.js';
import { MAX_FACTOR_BASIS_POINTS, NAME_MAX_LENGTH, about, date, integer, keyedBy, text } from './fields.schema.js';
import {
  ANNEX_1_ITEM_CODES,
  COINSURANCE_ROLES,
  ELIGIBILITY_FINDING_CODES,
  ELIGIBILITY_RULES,
  RISK_RATINGS,
} from './qualification.js';

// One schema per shape of the qualification filing (QUAL-1..6): the request body, the stored filing and the
// API's answer are built from the same parts, and qualification.ts takes its types from them (z.output).

/** SVC-10: a reference to an archived document, with the SHA-256 recorded when it was archived. */
export const archiveRefSchema = strictObject(
  {
    archiveId: about(idField('archiveId'), 'The archive item holding the document (SVC-10)'),
    sha256: about(
      z
        .string('sha256 must be the lower-case hex SHA-256 of the archived document')
        .check(z.regex(/^[0-9a-f]{64}$/, 'sha256 must be the lower-case hex SHA-256 of the archived document')),
      'Lower-case hex SHA-256 of the archived bytes, so the filing names exactly what regulators can verify',
    ),
    name: about(text('name is required: the document’s file name', NAME_MAX_LENGTH), 'The file name shown'),
  },
  'a document reference',
);

/** QUAL-1: a licence of the branch; `expiresOn` null when it states no end (营业期限：长期). */
const licenceSchema = (rule: string, what: string) =>
  strictObject(
    {
      number: text(`${rule}: the ${what} number is required`, NAME_MAX_LENGTH),
      expiresOn: about(
        z.nullable(
          date(`${rule}: expiresOn is the last day the ${what} is valid (YYYY-MM-DD), or null when it states no end`),
        ),
        'The last day it is valid (inclusive); null when the document states no end (长期)',
      ),
    },
    `the ${what}`,
  );

/** QUAL-1: what the insurer states about the branch that writes 安责险 in Xinzhou. */
export const branchSchema = strictObject(
  {
    name: about(text('QUAL-1: branch.name is required: the branch’s legal name', NAME_MAX_LENGTH), 'Legal name of the branch'),
    cityLevelBranchInXinzhou: about(
      z.boolean('QUAL-1: cityLevelBranchInXinzhou must be true or false'),
      'A 市级分公司 set up in Xinzhou (not a county sub-branch, not the provincial branch)',
    ),
    writesPropertyInsurance: about(
      z.boolean('QUAL-1: writesPropertyInsurance must be true or false'),
      'The branch is licensed for property insurance (经营财产保险业务)',
    ),
  },
  'QUAL-1: branch',
);

/** QUAL-2: a major violation of law (重大违法记录) in the insurer's business, with the day it was decided. */
export const majorViolationSchema = strictObject(
  {
    decidedOn: date('QUAL-2: decidedOn is the day the violation was decided (YYYY-MM-DD)'),
    authority: about(text('QUAL-2: authority is required: who decided the violation', NAME_MAX_LENGTH), 'Who decided it'),
    description: text('QUAL-2: description is required'),
  },
  'QUAL-2: a violation',
);

/** QUAL-3: the prior-year figures (the year before the filing's year). */
export const solvencySchema = strictObject(
  {
    comprehensiveRatioBasisPoints: about(
      integer('QUAL-3: comprehensiveRatioBasisPoints is the prior-year ratio in basis points (10000 = 100%)', 0, 10_000_000),
      '综合偿付能力充足率 in basis points: 10000 = 100%, 23560 = 235.60%',
    ),
    riskRating: about(
      z.enum(RISK_RATINGS, `QUAL-3: riskRating must be one of ${RISK_RATINGS.join(', ')}`),
      '风险综合评级; A and B pass',
    ),
  },
  'QUAL-3: solvency',
);

/** QUAL-4: a named member of the risk-control service team (事故预防风控服务团队). */
export const teamMemberSchema = strictObject(
  {
    name: text('QUAL-4: a team member’s name is required', NAME_MAX_LENGTH),
    role: about(z.optional(text('QUAL-4: role must not be blank', NAME_MAX_LENGTH)), 'e.g. 负责人, 注册安全工程师'),
  },
  'QUAL-4: a team member',
);

/** UW-7: the filed range of one factor, in basis points of a multiplier (10000 = ×1.00), both ends allowed. */
export const factorBoundsSchema = strictObject(
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

/**
 * QUAL-5, UW-7: the filed product — filing number, base rates per industry (ppm), factor bounds. Base rates are
 * parts per million of the per-person insured amount, per covered employee, for the policy period (3500 =
 * 3.5‰): rate schedules state rates in ‰ with up to three decimals, which millionths hold exactly.
 */
export const filedProductSchema = strictObject(
  {
    filingNumber: about(
      text('QUAL-5: filingNumber is required: the product’s filing number with the financial regulator', NAME_MAX_LENGTH),
      'The filing number with the financial regulator (备案编号)',
    ),
    name: z.optional(text('QUAL-5: name must not be blank', NAME_MAX_LENGTH)),
    baseRatesPpm: about(
      keyedBy(
        INDUSTRIES,
        integer('UW-7: a base rate is a whole number of parts per million of the insured amount, 1 to 1000000', 1, 1_000_000),
        `UW-7: baseRatesPpm is keyed by industry (${INDUSTRIES.join(', ')})`,
      ),
      'Base rate per industry (差别费率) in parts per million; an industry without one cannot be rated',
    ),
    factorBounds: about(
      strictObject(
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
      'UW-7: the filed range of every factor, in basis points of a multiplier (10000 = ×1.00), both ends allowed',
    ),
  },
  'the filed product',
);

/** QUAL-6: the commitment letter of Annex 2 (承诺函), as signed. */
export const commitmentLetterSchema = strictObject(
  {
    signedBy: about(
      text('QUAL-6: signedBy is required: who signed the commitment letter', NAME_MAX_LENGTH),
      'The signatory (legal representative or principal of the branch)',
    ),
    signedOn: date('QUAL-6: signedOn is the day the commitment letter was signed (YYYY-MM-DD)'),
  },
  'QUAL-6: commitmentLetter',
);

/** QUAL-6: the documents attached for each Annex 1 item; an item is attached when it has at least one. */
const annex1Schema = keyedBy(
  ANNEX_1_ITEM_CODES,
  z.readonly(z.array(archiveRefSchema, 'QUAL-6: each Annex 1 item is a list of document references')),
  `QUAL-6: annex1 is keyed by Annex 1 item (${ANNEX_1_ITEM_CODES.join(', ')})`,
);

/**
 * QUAL-1..6: `PUT /qualification/{year}` — the insurer's filing for a year, whole (a PUT replaces it). Every
 * part may be left out while the filing is a draft; eligibility then says what is missing. There is no `filedOn`:
 * the platform stamps it (QUAL-6), and an earlier paper submission is the city EMB's record, not the insurer's.
 *
 * @example
 * putQualificationBody.parse({ solvency: { comprehensiveRatioBasisPoints: 23560, riskRating: 'A' } });
 */
export const putQualificationBody = strictObject({
  branch: z.optional(branchSchema),
  businessLicence: z.optional(licenceSchema('QUAL-1', 'business licence')),
  insurancePermit: z.optional(licenceSchema('QUAL-1', 'insurance permit')),
  majorViolations: z.optional(z.readonly(z.array(majorViolationSchema, 'QUAL-2: majorViolations must be a list'))),
  solvency: z.optional(solvencySchema),
  prevention: z.optional(
    strictObject(
      {
        systemDocument: z.optional(archiveRefSchema),
        planTemplate: z.optional(archiveRefSchema),
        riskControlTeam: z.optional(z.readonly(z.array(teamMemberSchema, 'QUAL-4: riskControlTeam must be a list'))),
        evidence: z.optional(
          z.readonly(z.array(archiveRefSchema, 'QUAL-4: evidence must be a list of document references')),
        ),
      },
      'QUAL-4: prevention',
    ),
  ),
  filedProduct: z.optional(filedProductSchema),
  annex1: z.optional(annex1Schema),
  commitmentLetter: z.optional(commitmentLetterSchema),
});
export type PutQualificationBody = z.output<typeof putQualificationBody>;

/** `{year}` of the qualification routes: a four-digit year the platform can hold a filing for. */
export const qualificationYearSchema = z.coerce
  .number('QUAL-6: year must be a year such as 2024')
  .check(z.int('QUAL-6: year must be a year such as 2024'), z.gte(2000, 'QUAL-6: year must be 2000 or later'), z.lte(2100, 'QUAL-6: year must be 2100 or earlier'));

/**
 * An insurer's qualification filing (承保资格报送) for one year, as stored and as the API returns it: what the
 * notice asks an insurer to submit to the city EMB by June 15 (§一(二), Annexes 1 and 2). It may be an
 * incomplete draft: eligibility is never stored, `evaluateEligibility` computes it.
 */
export const qualificationFilingSchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  branch: z.optional(branchSchema),
  businessLicence: z.optional(licenceSchema('QUAL-1', 'business licence')),
  insurancePermit: z.optional(licenceSchema('QUAL-1', 'insurance permit')),
  majorViolations: about(
    z.readonly(z.array(majorViolationSchema)),
    'QUAL-2: major violations the insurer discloses; an empty list declares none',
  ),
  solvency: z.optional(solvencySchema),
  prevention: about(
    z.object({
      systemDocument: about(z.optional(archiveRefSchema), 'The prevention-service system (事故预防风险服务制度体系)'),
      planTemplate: about(z.optional(archiveRefSchema), 'The service plan template (事故预防服务方案)'),
      riskControlTeam: z.readonly(z.array(teamMemberSchema)),
      evidence: about(
        z.readonly(z.array(archiveRefSchema)),
        'Evidence of the team and the system in place: appointment letters, qualifications, organisation charts',
      ),
    }),
    "QUAL-4: the insurer's accident-prevention capability and the documents that show it",
  ),
  filedProduct: z.optional(filedProductSchema),
  annex1: about(annex1Schema, 'QUAL-6: the documents attached for each Annex 1 item'),
  commitmentLetter: z.optional(commitmentLetterSchema),
  filedOn: about(
    z.optional(localDateSchema),
    'QUAL-6: the day the filing was submitted (报送); absent while it is a draft no one declared submitted',
  ),
  filedOnSource: about(
    z.optional(z.enum(['PLATFORM', 'RECORDED'])),
    'PLATFORM: the day it was first complete here; RECORDED: the earlier day the city EMB recorded receiving it on paper',
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: about(z.int(), 'Optimistic lock: 1 when first saved, + 1 on every amendment'),
});

/** One criterion of eligibility: the plain-English reason (logs, API clients) and the findings the console words. */
export const eligibilityCriterionSchema = z.object({
  rule: z.enum(ELIGIBILITY_RULES),
  passed: z.boolean(),
  reason: about(z.string(), 'Why it passed or failed, in plain English'),
  findings: about(
    z.readonly(
      z.array(z.object({ code: z.enum(ELIGIBILITY_FINDING_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
    ),
    'The same reason as codes with parameters, one per check, for a translated sentence',
  ),
  waived: about(z.optional(z.literal(true)), 'QUAL-3 for a co-insurance member, passed without being tested'),
});

/** QUAL-1..6, BLK-1: `GET /qualification/{year}` → the computed eligibility on one day. */
export const eligibilityResultSchema = z.object({
  eligible: z.boolean(),
  onDate: localDateSchema,
  coinsuranceRole: z.enum(COINSURANCE_ROLES),
  filingYear: about(z.optional(z.int()), 'The filing evaluated, absent when there was none'),
  filingVersion: z.optional(z.int()),
  ruleSetId: about(z.string(), "RULES-1: the rule set whose figures (QUAL-6's due date) were applied"),
  ruleSetVersion: z.int(),
  criteria: z.readonly(z.array(eligibilityCriterionSchema)),
});
