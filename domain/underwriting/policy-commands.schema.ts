import * as z from 'zod/mini';
import { areaCodeSchema } from '../kernel/area.js';
import { industrySchema } from '../kernel/industry.js';
import { strictObject } from '../kernel/schema-parts.js';
import { usccSchema } from '../kernel/uscc.js';
import {
  MAX_EMPLOYEES,
  MAX_FACTOR_BASIS_POINTS,
  MAX_MEMBERS,
  MAX_PER_PERSON_FEN,
  about,
  date,
  integer,
  text,
} from './fields.schema.js';
import { POLICY_MODES, POLICY_STATUSES } from './policy.js';
import { memberSchema, otherSafetyInsuranceSchema } from './policy.schema.js';
import { STANDARDISATION_GRADES } from './qualification.js';

// The requests that change a policy (issue, endorse, cancel) and the filters of its listing; the policy
// itself is policy.schema.ts.

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
    accidentRecordBasisPoints: about(factor('accidentRecordBasisPoints'), "事故记录和等级: the enterprise's accident record"),
    standardisationGrade: about(
      z.enum(
        STANDARDISATION_GRADES,
        `UW-7: standardisationGrade must be one of ${STANDARDISATION_GRADES.join(', ')} (一级, 二级, 三级, none)`,
      ),
      '标准化建设等级: the grade the standardisation factor is for',
    ),
    standardisationBasisPoints: about(
      factor('standardisationBasisPoints'),
      "The standardisation factor applied, within that grade's filed bounds",
    ),
    penaltiesBasisPoints: about(factor('penaltiesBasisPoints'), '接受处罚情况: administrative penalties received'),
    riskLevelBasisPoints: about(factor('riskLevelBasisPoints'), "安全风险程度: the enterprise's risk level"),
  },
  'UW-7: rating',
);

const POLICY_NUMBER_MESSAGE =
  'UW-1: policyNumber, when typed, is 1–64 letters, digits, ".", "_", "/" or "-", starting with a letter or digit (leave it out for a generated one)';

/**
 * UW-1..7, UW-10: `POST /policies` — a new policy. Industry, size, county and staff are not taken from the
 * insurer: they come from the regulators' register (REG-1). `industry` and `county` may be sent as a
 * cross-check of the form against the register. `premiumFen` may be left out to take the rated premium (UW-7);
 * `vatRateBasisPoints` defaults to the rule set's (6% in 2024). `periodEnd` defaults
 * to one year: the day before the anniversary of `periodStart` (UW-1, inclusive). `members` is for COINSURANCE only. There is one
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
  // UW-1 (issue 15): typed for a migrated paper policy; left out, the platform generates one (policy-number.ts).
  policyNumber: z.optional(
    z.string(POLICY_NUMBER_MESSAGE).check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, POLICY_NUMBER_MESSAGE)),
  ),
  periodStart: date('UW-1: periodStart is the first day covered (YYYY-MM-DD)'),
  periodEnd: z.optional(
    date('UW-1: periodEnd is the last day covered, inclusive (YYYY-MM-DD); leave it out for one year, to the day before the anniversary'),
  ),
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
