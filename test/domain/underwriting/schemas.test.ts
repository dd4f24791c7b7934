import { describe, expect, it } from 'vitest';
import { endorsePolicy } from '../../../domain/underwriting/endorsement.rules.js';
import { cancelPolicyBody, endorsePolicyBody, issuePolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import {
  eligibilityResultSchema,
  putQualificationBody,
  qualificationFilingSchema,
  qualificationYearSchema,
} from '../../../domain/underwriting/qualification.schema.js';
import { BODY, COAL_MINE, FILING_INPUT, RULE_SETS, at, eligibilityOn, filing, issued } from './fixtures.js';

interface Problem {
  path: string;
  message: string;
}

function problems(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
): Problem[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

describe('policy body schemas', () => {
  it('UW-1 accepts the coal-mine body unchanged', () => {
    expect(issuePolicyBody.parse(BODY)).toEqual(BODY);
  });

  it('UW-1..7 name the rule of every missing field', () => {
    expect(problems(issuePolicyBody, {})).toEqual([
      { path: 'enterpriseUscc', message: 'UW-2: enterpriseUscc is required: the enterprise’s 18-character USCC' },
      { path: 'periodStart', message: 'UW-1: periodStart is the first day covered (YYYY-MM-DD)' },
      {
        path: 'employeesCovered',
        message: 'UW-3: employeesCovered is the enterprise’s whole workforce, a whole number from 1 to 1000000',
      },
      {
        path: 'perPersonInsuredAmountFen',
        message: 'UW-3: perPersonInsuredAmountFen is the one insured amount for every employee, in whole fen (at least 1)',
      },
      { path: 'perPersonDeathLimitFen', message: 'UW-4: perPersonDeathLimitFen is the death limit per person, in whole fen (at least 1)' },
      { path: 'rating', message: 'UW-7: rating must be a JSON object' },
      { path: 'mode', message: 'UW-6: mode must be one of INDEPENDENT, COINSURANCE' },
      { path: 'premiumPaidByEnterprise', message: 'UW-5: premiumPaidByEnterprise must be true or false' },
    ]);
  });

  it('UW-7 names the rule of every bad rating factor', () => {
    expect(
      problems(issuePolicyBody, {
        ...BODY,
        rating: { ...BODY.rating, standardisationGrade: '一级', penaltiesBasisPoints: 0, riskLevelBasisPoints: 1.1 },
      }).map((problem) => problem.path),
    ).toEqual(['rating.standardisationGrade', 'rating.penaltiesBasisPoints', 'rating.riskLevelBasisPoints']);
  });

  it('UW-4 a death limit in yuan or as a fraction of a fen is refused by name', () => {
    expect(problems(issuePolicyBody, { ...BODY, perPersonDeathLimitFen: '300000.00' })).toEqual([
      { path: 'perPersonDeathLimitFen', message: 'UW-4: perPersonDeathLimitFen is the death limit per person, in whole fen (at least 1)' },
    ]);
  });

  it('UW-6 UW-10 members and other insurance are checked item by item', () => {
    expect(
      problems(issuePolicyBody, {
        ...BODY,
        mode: 'COINSURANCE',
        members: [{ tenantId: 't 1', shareBasisPoints: 10_001, lead: 'yes' }],
        otherSafetyInsurance: [{ kind: 'CAR', insurer: '', convertible: true }],
      }),
    ).toEqual([
      { path: 'members.0.tenantId', message: 'UW-6: tenantId must be an id of 1–64 letters, digits, "_" or "-"' },
      { path: 'members.0.shareBasisPoints', message: 'UW-6: shareBasisPoints is the member’s share in basis points, 1 to 10000' },
      { path: 'members.0.lead', message: 'UW-6: lead must be true or false' },
      {
        path: 'otherSafetyInsurance.0.kind',
        message: 'UW-10: kind must be one of EMPLOYER_LIABILITY, GROUP_ACCIDENT, PUBLIC_LIABILITY, OTHER',
      },
      { path: 'otherSafetyInsurance.0.insurer', message: 'UW-10: insurer is required: who wrote the other insurance' },
    ]);
  });

  it('UW-1 refuses unknown fields rather than dropping them (tenantId comes from the token)', () => {
    expect(problems(issuePolicyBody, { ...BODY, tenantId: 't-2' })).toEqual([{ path: '', message: 'unknown field(s): tenantId' }]);
    expect(problems(issuePolicyBody, null)).toEqual([{ path: '', message: 'the body must be a JSON object' }]);
  });

  it('UW-1 endorsement and cancellation bodies', () => {
    expect(endorsePolicyBody.parse({ employeesCovered: 280, reason: ' 新招聘 ' })).toEqual({ employeesCovered: 280, reason: '新招聘' });
    expect(problems(endorsePolicyBody, { periodEnd: '2025-13-01' })).toEqual([
      { path: 'periodEnd', message: 'UW-1: periodEnd is the last day covered, inclusive (YYYY-MM-DD)' },
      { path: 'reason', message: 'UW-1: reason is required: why the policy is endorsed' },
    ]);
    expect(cancelPolicyBody.parse({ on: '2025-01-01', reason: '企业关闭' })).toEqual({ on: '2025-01-01', reason: '企业关闭' });
    expect(problems(cancelPolicyBody, { on: '2025/01/01' }).map((problem) => problem.path)).toEqual(['on', 'reason']);
  });

  it('UW-1 policySchema reads back an issued, endorsed and cancelled policy unchanged', () => {
    const endorsed = endorsePolicy(
      issued({ otherSafetyInsurance: [{ kind: 'EMPLOYER_LIABILITY', insurer: '平安财险', convertible: true }] }),
      { employeesCovered: 280, reason: '新招聘' },
      { by: 'u', now: at('2025-01-01T02:00:00Z'), ruleSets: RULE_SETS, enterprise: { ...COAL_MINE, employees: 280 } },
    ).state;
    const roundTripped = JSON.parse(JSON.stringify(endorsed)) as unknown;
    expect(policySchema.parse(roundTripped)).toEqual(endorsed);
  });
});

describe('qualification body schemas', () => {
  it('QUAL-1..6 accept the complete filing body, and an empty draft', () => {
    expect(putQualificationBody.parse(FILING_INPUT)).toEqual(FILING_INPUT);
    expect(putQualificationBody.parse({})).toEqual({});
  });

  it('QUAL-1..6 name the rule of every problem', () => {
    expect(
      problems(putQualificationBody, {
        businessLicence: { number: '', expiresOn: '2024-02-30' },
        solvency: { comprehensiveRatioBasisPoints: 99.5, riskRating: 'AA' },
        annex1: { HQ_LICENCE: [] },
        commitmentLetter: { signedBy: '王总' },
        filedProduct: {
          ...FILING_INPUT.filedProduct,
          baseRatesPpm: { COAL_MINE: 0 },
          factorBounds: { ...FILING_INPUT.filedProduct!.factorBounds, penalties: { minBasisPoints: 13_000, maxBasisPoints: 10_000 } },
        },
      }).map(({ path, message }) => ({ path, rule: /^([A-Z]+-\d+):/.exec(message)?.[1] })),
    ).toEqual([
      { path: 'businessLicence.number', rule: 'QUAL-1' },
      { path: 'businessLicence.expiresOn', rule: 'QUAL-1' },
      { path: 'solvency.comprehensiveRatioBasisPoints', rule: 'QUAL-3' },
      { path: 'solvency.riskRating', rule: 'QUAL-3' },
      { path: 'filedProduct.baseRatesPpm.COAL_MINE', rule: 'UW-7' },
      { path: 'filedProduct.factorBounds.penalties.maxBasisPoints', rule: 'UW-7' },
      { path: 'annex1', rule: 'QUAL-6' },
      { path: 'commitmentLetter.signedOn', rule: 'QUAL-6' },
    ]);
  });

  it('QUAL-6 an Annex 1 item or an industry that does not exist is refused by name', () => {
    const [annex] = problems(putQualificationBody, { annex1: { HQ_LICENCE: [] } });
    expect(annex?.message).toMatch(/^QUAL-6: annex1 is keyed by Annex 1 item \(HQ_BUSINESS_LICENCE, .*\); not HQ_LICENCE$/);
    const [rates] = problems(putQualificationBody, { filedProduct: { ...FILING_INPUT.filedProduct, baseRatesPpm: { COAL: 3500 } } });
    expect(rates).toMatchObject({ path: 'filedProduct.baseRatesPpm' });
    expect(rates?.message).toMatch(/; not COAL$/);
  });

  it('QUAL-6 the year of the route is a plausible year', () => {
    expect(qualificationYearSchema.parse('2024')).toBe(2024);
    expect(qualificationYearSchema.safeParse('24.5').success).toBe(false);
    expect(qualificationYearSchema.safeParse('1999').success).toBe(false);
  });

  it('QUAL-1..6 the stored filing and its eligibility read back unchanged', () => {
    const stored = filing();
    expect(qualificationFilingSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    const weak = eligibilityOn('2024-09-27', { role: 'MEMBER' });
    expect(eligibilityResultSchema.parse(JSON.parse(JSON.stringify(weak)))).toEqual(weak);
  });
});
