import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conflict, RuleViolation, ValidationFailed } from '../../../domain/kernel/errors.js';
import { percentOfFen } from '../../../domain/kernel/money.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { isInForce } from '../../../domain/underwriting/coverage.js';
import { conversionCandidates, isReadableBy, isWritableBy } from '../../../domain/underwriting/policy.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { MAX_PERIOD_EXTENSION_DAYS, oneYearPeriodEnd, periodDays, premiumExTax } from '../../../domain/underwriting/policy.rules.js';
import { issuePolicy } from '../../../domain/underwriting/issue.rules.js';
import { endorsePolicy } from '../../../domain/underwriting/endorsement.rules.js';
import type { EndorseContext } from '../../../domain/underwriting/endorsement.rules.js';
import { cancelPolicy } from '../../../domain/underwriting/cancellation.rules.js';
import { InsurerNotEligible } from '../../../domain/underwriting/eligibility.rules.js';
import type { IssuePolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';
import {
  BODY,
  BODY_PREMIUM_FEN,
  COAL_MINE,
  CPIC,
  FLOOR_FEN,
  ISSUE_DAY,
  ISSUE_NOW,
  PICC,
  PINGAN,
  RULE_SETS,
  RULE_SET,
  at,
  eligibilityOn,
  expectRuleViolation,
  filing,
  issueContext,
  issued,
  thrown,
} from './fixtures.js';

/** Deep-freezes a policy so that a transition that mutated its input would throw. */
function frozen(policy: Policy): Policy {
  const freeze = (value: unknown): void => {
    if (typeof value === 'object' && value !== null) {
      for (const nested of Object.values(value)) freeze(nested);
      Object.freeze(value);
    }
  };
  freeze(policy);
  return policy;
}

const COINSURANCE: Partial<IssuePolicyBody> = {
  mode: 'COINSURANCE',
  members: [
    { tenantId: PICC, shareBasisPoints: 6_000, lead: true },
    { tenantId: CPIC, shareBasisPoints: 4_000, lead: false },
  ],
};
const AS_LEAD = {
  eligibility: eligibilityOn(ISSUE_DAY, { role: 'LEAD' }),
  memberEligibility: new Map([CPIC, PINGAN].map((id) => [id, eligibilityOn(ISSUE_DAY, { role: 'MEMBER' })] as const)),
};

describe('issuing a policy', () => {
  it('UW-1 a coal mine with all 254 employees at one amount and a 300,000 CNY death limit is issued', () => {
    expect(issued({ otherSafetyInsurance: [] })).toEqual({
      id: 'p-1',
      tenantId: PICC,
      policyNumber: 'PZAA2024140900000001',
      enterprise: COAL_MINE,
      periodStart: '2024-07-01',
      periodEnd: '2025-06-30',
      employeesCovered: 254,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      premiumFen: BODY_PREMIUM_FEN,
      vatRateBasisPoints: 600,
      // 278,701.50 CNY ÷ 1.06 = 262,925.9434 → 262,925.94 CNY
      premiumExTaxFen: 26_292_594,
      rating: {
        filingNumber: 'C00000232512024050901181',
        baseRatePpm: 3500,
        factors: {
          accidentRecord: { basisPoints: 10_000, minBasisPoints: 8_000, maxBasisPoints: 15_000 },
          standardisation: { basisPoints: 9_500, minBasisPoints: 9_000, maxBasisPoints: 10_000, grade: 'GRADE_2' },
          penalties: { basisPoints: 10_000, minBasisPoints: 10_000, maxBasisPoints: 13_000 },
          riskLevel: { basisPoints: 11_000, minBasisPoints: 9_000, maxBasisPoints: 12_000 },
        },
        basePremiumFen: 26_670_000,
        ratedPremiumFen: BODY_PREMIUM_FEN,
        ratedPeriodDays: 365,
      },
      mode: 'INDEPENDENT',
      members: [{ tenantId: PICC, shareBasisPoints: 10_000, lead: true }],
      premiumPaidByEnterprise: true,
      otherSafetyInsurance: [],
      status: 'ISSUED',
      endorsements: [],
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
      qualificationFilingYear: 2024,
      qualificationFilingVersion: 1,
      issuedOn: '2024-06-28',
      issuedBy: 'u-underwriter',
      createdAt: '2024-06-28T02:00:00.000Z',
      updatedAt: '2024-06-28T02:00:00.000Z',
      version: 1,
    } satisfies Policy);
  });

  it('UW-1 the enterprise snapshot, industry, size and county come from the register (REG-1)', () => {
    const policy = issued({ industry: 'COAL_MINE', county: '140902' });
    expect(policy.enterprise).toEqual(COAL_MINE);
    expect(policy.enterprise).not.toBe(COAL_MINE);
  });

  it('REG-1 refuses an enterprise the register does not list, and a stated industry or county that differs from it', () => {
    expectRuleViolation(() => issued({}, { enterprise: undefined }), 'REG-1', 'enterpriseUscc', 409);
    const industry = expectRuleViolation(() => issued({ industry: 'NON_COAL_MINE' }), 'REG-1', 'industry', 409);
    expect(industry.message).toBe('REG-1: the register lists 忻府忻达煤业有限责任公司 under COAL_MINE (煤矿), not NON_COAL_MINE');
    const county = expectRuleViolation(() => issued({ county: '140981' }), 'REG-1', 'county', 409);
    expect(county.message).toBe('REG-1: the register lists 忻府忻达煤业有限责任公司 in 140902 (忻府区), not 140981');
  });

  it('UW-1 a one-year policy ends the day before the anniversary, both ends covered: derived when periodEnd is left out, and the anniversary (366 days) refused', () => {
    expect(oneYearPeriodEnd('2026-12-06')).toBe('2027-12-05');
    expect(periodDays('2026-12-06', oneYearPeriodEnd('2026-12-06'))).toBe(365);
    expect(oneYearPeriodEnd('2024-03-01')).toBe('2025-02-28');
    expect(oneYearPeriodEnd('2023-03-01')).toBe('2024-02-29');
    // The anniversary of 29 February in a common year is 1 March: the year ends on 28 February, not the 27th.
    expect(oneYearPeriodEnd('2024-02-29')).toBe('2025-02-28');
    expect(periodDays('2024-02-29', oneYearPeriodEnd('2024-02-29'))).toBe(366);
    const derived = issued({ periodEnd: undefined });
    expect([derived.periodStart, derived.periodEnd, derived.rating.ratedPeriodDays]).toEqual(['2024-07-01', '2025-06-30', 365]);
    const error = expectRuleViolation(() => issued({ periodEnd: '2025-07-01' }), 'UW-1', 'periodEnd', 400);
    expect(error.message).toContain('a one-year policy from 2024-07-01 ends on 2025-06-30, the day before the anniversary; 2025-07-01 would cover 366 days');
  });

  it('UW-1 refuses a period ending before it starts, or longer than one year plus a month', () => {
    expectRuleViolation(() => issued({ periodEnd: '2024-06-30' }), 'UW-1', 'periodEnd', 400);
    expect(issued({ periodEnd: '2024-07-01' }).periodEnd).toBe('2024-07-01'); // one day
    expect(MAX_PERIOD_EXTENSION_DAYS).toBe(31);
    expect(issued({ periodEnd: '2025-07-31' }).rating.ratedPeriodDays).toBe(396);
    const error = expectRuleViolation(() => issued({ periodEnd: '2025-08-01' }), 'UW-1', 'periodEnd', 400);
    expect(error.message).toBe(
      'UW-1: a policy period is normally one year (2024-07-01..2025-06-30) and may run at most 31 days longer, to 2025-07-31; periodEnd 2025-08-01 is later',
    );
  });

  it('UW-1 refuses a death limit above the per-person insured amount it is paid from', () => {
    expectRuleViolation(() => issued({ perPersonDeathLimitFen: FLOOR_FEN + 1 }), 'UW-1', 'perPersonDeathLimitFen', 400);
  });

  it('UW-2 refuses an enterprise USCC with a wrong check character, naming the field and the rule', () => {
    const error = thrown(() => issued({ enterpriseUscc: '91140902100079190Q' }));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details).toEqual([
      {
        field: 'enterpriseUscc',
        rule: 'UW-2',
        message: 'UW-2: the check character is Q but the first 17 characters require P',
      },
    ]);
  });

  it('UW-1..7 a malformed body is refused with every field and its rule at once', () => {
    const error = thrown(() =>
      issuePolicy(
        {
          ...BODY,
          policyNumber: ' ',
          periodStart: '2024-02-30',
          employeesCovered: 0,
          perPersonDeathLimitFen: 1.5,
          mode: 'SOLO' as 'INDEPENDENT',
        },
        issueContext(),
      ),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'policyNumber', rule: 'UW-1' },
      { field: 'periodStart', rule: 'UW-1' },
      { field: 'employeesCovered', rule: 'UW-3' },
      { field: 'perPersonDeathLimitFen', rule: 'UW-4' },
      { field: 'mode', rule: 'UW-6' },
    ]);
  });

  it('UW-3 refuses a staff count different from the register’s, naming UW-3 and employeesCovered', () => {
    const error = expectRuleViolation(() => issued({ employeesCovered: 200 }), 'UW-3', 'employeesCovered', 400);
    expect(error.message).toBe(
      'UW-3: 安责险 covers the whole workforce: 忻府忻达煤业有限责任公司 has 254 employees in the register, but employeesCovered is 200',
    );
    expectRuleViolation(() => issued({ employeesCovered: 255 }), 'UW-3', 'employeesCovered', 400);
  });

  it('UW-3 there is one insured amount for everyone: amounts per post or employment type are refused', () => {
    const error = thrown(() =>
      issuePolicy(
        { ...BODY, insuredAmountsByPost: { 井下: 50_000_000, 地面: 30_000_000 } } as unknown as IssuePolicyBody,
        issueContext(),
      ),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details).toEqual([{ field: 'policy', message: 'unknown field(s): insuredAmountsByPost' }]);
  });

  it('UW-4 refuses a death limit of 299,999 CNY and accepts 300,000 CNY', () => {
    const error = expectRuleViolation(
      () => issued({ perPersonDeathLimitFen: 29_999_900 }),
      'UW-4',
      'perPersonDeathLimitFen',
      400,
    );
    expect(error.message).toBe(
      'UW-4: the death limit per person is 299999.00 CNY, below the floor of 300000.00 CNY (rule set xinzhou-2024 v1)',
    );
    expect(issued({ perPersonDeathLimitFen: 30_000_000 }).perPersonDeathLimitFen).toBe(30_000_000);
  });

  it('UW-4 the floor is the rule set’s in force on the issue date (RULES-1)', () => {
    const raised: RuleSet = { ...RULE_SET, version: 2, effectiveFrom: '2024-06-01', deathLimitFloorFen: 40_000_000 };
    const error = expectRuleViolation(
      () => issued({}, { ruleSets: [RULE_SET, raised] }),
      'UW-4',
      'perPersonDeathLimitFen',
      400,
    );
    expect(error.message).toContain('below the floor of 400000.00 CNY (rule set xinzhou-2024 v2)');
    const policy = issued(
      { perPersonInsuredAmountFen: 40_000_000, perPersonDeathLimitFen: 40_000_000 },
      { ruleSets: [RULE_SET, raised] },
    );
    expect([policy.ruleSetId, policy.ruleSetVersion]).toEqual(['xinzhou-2024', 2]);
  });

  it('RULES-1 refuses a policy issued before any rule set is in force', () => {
    expectRuleViolation(
      () => issued({}, { now: at('2024-05-08T02:00:00Z'), eligibility: eligibilityOn('2024-05-08') }),
      'RULES-1',
      undefined,
      409,
    );
  });

  it('UW-5 refuses a policy unless the premium is attested paid by the enterprise', () => {
    const error = expectRuleViolation(() => issued({ premiumPaidByEnterprise: false }), 'UW-5', 'premiumPaidByEnterprise', 400);
    expect(error.message).toContain('may not be charged to employees');
  });

  it('UW-5 premium ex-tax is premium ÷ (1 + VAT) to the fen, at the rule set’s 6% unless the body states a rate', () => {
    expect(premiumExTax(10_600_000, 600)).toBe(10_000_000);
    expect(issued({ vatRateBasisPoints: 0 }).premiumExTaxFen).toBe(BODY_PREMIUM_FEN);
  });

  it('FEE-1 refuses a VAT rate the rule set does not list (100% would halve the prevention fee’s base)', () => {
    for (const vatRateBasisPoints of [10_000, 300]) {
      const error = expectRuleViolation(() => issued({ vatRateBasisPoints }), 'FEE-1', 'vatRateBasisPoints', 400);
      expect(error.message).toContain('xinzhou-2024 v1');
    }
  });

  it('UW-5 property: ex-tax plus the VAT on it is the premium within 1 fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 2_000 }), (premiumFen, vat) => {
        const exTax = premiumExTax(premiumFen, vat);
        expect(Number.isSafeInteger(exTax)).toBe(true);
        expect(Math.abs(exTax + percentOfFen(exTax, vat) - premiumFen)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('UW-6 a co-insurance 60/40 with one lead, the issuer, is issued and lists both members', () => {
    const policy = issued(COINSURANCE, AS_LEAD);
    expect(policy.mode).toBe('COINSURANCE');
    expect(policy.tenantId).toBe(PICC);
    expect(policy.members).toEqual(COINSURANCE.members);
  });

  it('UW-6 refuses shares of 60/30: they must sum to exactly 100%', () => {
    const error = expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 6_000, lead: true },
              { tenantId: CPIC, shareBasisPoints: 3_000, lead: false },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members',
      400,
    );
    expect(error.message).toBe('UW-6: co-insurance shares must sum to exactly 10000 bp (100%), not 9000 bp (90.00%)');
  });

  it('UW-6 refuses two leads, and no lead', () => {
    const twoLeads = expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 6_000, lead: true },
              { tenantId: CPIC, shareBasisPoints: 4_000, lead: true },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members',
      400,
    );
    expect(twoLeads.message).toBe('UW-6: a co-insured policy has exactly one lead insurer, not 2 (t-picc, t-cpic)');
    expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 6_000, lead: false },
              { tenantId: CPIC, shareBasisPoints: 4_000, lead: false },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members',
      400,
    );
  });

  it('UW-6 the lead must be the issuing insurer, every member a tenant of the platform, none listed twice', () => {
    expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 6_000, lead: false },
              { tenantId: CPIC, shareBasisPoints: 4_000, lead: true },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members',
      400,
    );
    const unknown = expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 6_000, lead: true },
              { tenantId: 't-unknown', shareBasisPoints: 4_000, lead: false },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members.1.tenantId',
      409,
    );
    expect(unknown.message).toBe('UW-6: every co-insurer must be a tenant of the platform; t-unknown is not');
    expectRuleViolation(
      () =>
        issued(
          {
            mode: 'COINSURANCE',
            members: [
              { tenantId: PICC, shareBasisPoints: 5_000, lead: true },
              { tenantId: PICC, shareBasisPoints: 5_000, lead: false },
            ],
          },
          AS_LEAD,
        ),
      'UW-6',
      'members.1.tenantId',
      400,
    );
  });

  it('UW-6 an independent policy takes no members, and a co-insured one at least two', () => {
    expectRuleViolation(() => issued({ members: [{ tenantId: PICC, shareBasisPoints: 10_000, lead: true }] }), 'UW-6', 'members', 400);
    expectRuleViolation(
      () => issued({ mode: 'COINSURANCE', members: [{ tenantId: PICC, shareBasisPoints: 10_000, lead: true }] }, AS_LEAD),
      'UW-6',
      'members',
      400,
    );
  });

  it('UW-7 the policy takes the rated premium when the body leaves it out, and accepts it stated exactly', () => {
    expect(issued().premiumFen).toBe(BODY_PREMIUM_FEN);
    expect(issued({ premiumFen: BODY_PREMIUM_FEN }).premiumFen).toBe(BODY_PREMIUM_FEN);
  });

  it('UW-7 refuses a stated premium that is not the rated one, even by 1 fen', () => {
    const error = expectRuleViolation(() => issued({ premiumFen: BODY_PREMIUM_FEN - 1 }), 'UW-7', 'premiumFen', 400);
    expect(error.message).toBe(
      'UW-7: the premium must be the rated premium under the filed rates, 278701.50 CNY (27870150 fen), not 278701.49 CNY (27870149 fen); leave premiumFen out to take it',
    );
  });

  it('UW-7 refuses a factor outside its filed bounds, naming the factor', () => {
    expectRuleViolation(
      () => issued({ rating: { ...BODY.rating, riskLevelBasisPoints: 12_001 } }),
      'UW-7',
      'rating.riskLevelBasisPoints',
      400,
    );
    expectRuleViolation(() => issued({}, { filedProduct: undefined }), 'UW-7', undefined, 409);
  });

  it('UW-8 refuses an insurer with solvency 99%, rating C and an expired permit, naming QUAL-1 and QUAL-3', () => {
    const weak = filing({
      solvency: { comprehensiveRatioBasisPoints: 9_900, riskRating: 'C' },
      insurancePermit: { number: '000123', expiresOn: '2024-06-27' },
    });
    const error = thrown(() => issued({}, { eligibility: eligibilityOn(ISSUE_DAY, { filing: weak }) }));
    expect(error).toBeInstanceOf(InsurerNotEligible);
    expect(error).toBeInstanceOf(RuleViolation);
    const refusal = error as InsurerNotEligible;
    expect(refusal).toMatchObject({ ruleId: 'UW-8', status: 409, field: undefined });
    expect(refusal.message).toContain('failing QUAL-1, QUAL-3');
    expect(refusal.message).toContain('the insurance permit (保险许可证) 000123 expired on 2024-06-27');
    expect(refusal.message).toContain('the 2023 comprehensive solvency adequacy ratio is 99.00%, below 100.00%');
    expect(refusal.message).toContain('the integrated risk rating is C; it must be A or B');
    expect((refusal.findings ?? []).map((detail) => detail.rule)).toEqual(['QUAL-1', 'QUAL-3']);
  });

  it('UW-8 refuses an insurer without a filing, or blacklisted (BLK-1)', () => {
    const none = thrown(() => issued({}, { eligibility: eligibilityOn(ISSUE_DAY, { filing: undefined }) })) as InsurerNotEligible;
    expect(none.criteria.map((item) => item.rule)).toEqual(['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6']);
    const blacklisted = thrown(() => issued({}, { eligibility: eligibilityOn(ISSUE_DAY, { blacklisted: true }) })) as InsurerNotEligible;
    expect(blacklisted.criteria.map((item) => item.rule)).toEqual(['QUAL-2', 'BLK-1']);
  });

  it('UW-8 a co-insurance lead must meet QUAL-3; a member need not, but must otherwise be eligible when its result is given', () => {
    const weak = filing({ solvency: { comprehensiveRatioBasisPoints: 9_000, riskRating: 'D' } });
    const leadRefused = thrown(() => issued(COINSURANCE, { eligibility: eligibilityOn(ISSUE_DAY, { filing: weak, role: 'LEAD' }) }));
    expect((leadRefused as InsurerNotEligible).criteria.map((item) => item.rule)).toEqual(['QUAL-3']);

    const weakMember = new Map([[CPIC, eligibilityOn(ISSUE_DAY, { filing: weak, role: 'MEMBER' })]]);
    expect(issued(COINSURANCE, { ...AS_LEAD, memberEligibility: weakMember }).members).toHaveLength(2);

    const blacklistedMember = new Map([[CPIC, eligibilityOn(ISSUE_DAY, { role: 'MEMBER', blacklisted: true })]]);
    const refused = thrown(() => issued(COINSURANCE, { ...AS_LEAD, memberEligibility: blacklistedMember })) as InsurerNotEligible;
    expect(refused.message).toMatch(/^UW-8: every co-insurer must be eligible on 2024-06-28 .*co-insurer t-cpic fails QUAL-2, BLK-1/);

    expectRuleViolation(() => issued(COINSURANCE, { ...AS_LEAD, memberEligibility: new Map() }), 'UW-8', 'members.1.tenantId', 409);
  });

  it('UW-6 QUAL-1 QUAL-2 QUAL-4 QUAL-5 QUAL-6 BLK-1 every co-insurer is checked (QUAL-3 waived only), and the refusal names each failing member and rule', () => {
    const three: Partial<IssuePolicyBody> = {
      mode: 'COINSURANCE',
      members: [
        { tenantId: PICC, shareBasisPoints: 5_000, lead: true },
        { tenantId: CPIC, shareBasisPoints: 3_000, lead: false },
        { tenantId: PINGAN, shareBasisPoints: 2_000, lead: false },
      ],
    };
    const noPrevention = filing({ prevention: { riskControlTeam: [], evidence: [] } });
    const memberEligibility = new Map([
      [CPIC, eligibilityOn(ISSUE_DAY, { role: 'MEMBER', blacklisted: true })],
      [PINGAN, eligibilityOn(ISSUE_DAY, { role: 'MEMBER', filing: noPrevention })],
    ]);
    const refused = thrown(() => issued(three, { ...AS_LEAD, memberEligibility })) as RuleViolation;
    expect(refused).toMatchObject({ ruleId: 'UW-8', status: 409, field: 'members.1.tenantId' });
    expect(refused.message).toContain(`co-insurer ${CPIC} fails QUAL-2, BLK-1`);
    expect(refused.message).toContain(`co-insurer ${PINGAN} fails QUAL-4`);
    expect((refused.findings ?? []).map((item) => [item.field, item.rule])).toEqual([
      ['members.1.tenantId', 'QUAL-2'],
      ['members.1.tenantId', 'BLK-1'],
      ['members.2.tenantId', 'QUAL-4'],
    ]);
    const unfiled = new Map([...AS_LEAD.memberEligibility, [CPIC, eligibilityOn(ISSUE_DAY, { role: 'MEMBER', filing: undefined })]]);
    const none = thrown(() => issued(COINSURANCE, { ...AS_LEAD, memberEligibility: unfiled })) as RuleViolation;
    expect((none.findings ?? []).map((item) => item.rule)).toEqual(['QUAL-1', 'QUAL-2', 'QUAL-4', 'QUAL-5', 'QUAL-6']);
  });

  it('UW-6 a co-insured policy without its members\' eligibility is a caller\'s bug, never an unchecked member', () => {
    expect(() => issued(COINSURANCE, { eligibility: AS_LEAD.eligibility })).toThrow(RangeError);
  });

  it('UW-8 an eligibility result for another day or role is a caller’s bug', () => {
    expect(() => issued({}, { eligibility: eligibilityOn('2024-06-27') })).toThrow(RangeError);
    expect(() => issued(COINSURANCE, { eligibility: eligibilityOn(ISSUE_DAY) })).toThrow(RangeError);
  });

  it('UW-9 refuses a policy overlapping one the enterprise holds from the same insurer', () => {
    const existing = issued({ policyNumber: 'OLD-1', periodStart: '2024-01-01', periodEnd: '2024-12-31' }, { id: 'p-0' });
    const error = expectRuleViolation(() => issued({}, { enterprisePolicies: [existing] }), 'UW-9', 'periodStart', 409);
    expect(error.message).toBe(
      'UW-9: 忻府忻达煤业有限责任公司 (91140902100079190P) already holds policy OLD-1 from insurer t-picc covering 2024-01-01..2024-12-31, which overlaps 2024-07-01..2025-06-30; endorse or cancel that policy instead',
    );
  });

  it('UW-9 allows a policy starting the day after the previous one ends, and one after a cancellation', () => {
    const previous = issued({ policyNumber: 'OLD-1', periodStart: '2023-07-01', periodEnd: '2024-06-30' }, { id: 'p-0' });
    expect(issued({}, { enterprisePolicies: [previous] }).status).toBe('ISSUED');
    const overlapping = issued({ policyNumber: 'OLD-2', periodStart: '2024-01-01', periodEnd: '2024-12-31' }, { id: 'p-0' });
    const cancelled = cancelPolicy(overlapping, { on: '2024-07-01', reason: '转为新保单' }, at(ISSUE_NOW), 'u-1').state;
    expect(issued({}, { enterprisePolicies: [cancelled] }).status).toBe('ISSUED');
  });

  it('UW-9 counts an insurer on a policy as lead or co-insurance member, but not another insurer’s policy', () => {
    const ledByCpic = { ...issued({ periodStart: '2024-01-01', periodEnd: '2024-12-31' }, { id: 'p-0' }), tenantId: CPIC, members: [{ tenantId: CPIC, shareBasisPoints: 10_000, lead: true }] };
    expect(issued({}, { enterprisePolicies: [ledByCpic] }).status).toBe('ISSUED');
    expectRuleViolation(() => issued(COINSURANCE, { ...AS_LEAD, enterprisePolicies: [ledByCpic] }), 'UW-9', 'periodStart', 409);
    const withPiccAsMember = {
      ...ledByCpic,
      mode: 'COINSURANCE' as const,
      members: [
        { tenantId: CPIC, shareBasisPoints: 7_000, lead: true },
        { tenantId: PICC, shareBasisPoints: 3_000, lead: false },
      ],
    };
    expectRuleViolation(() => issued({}, { enterprisePolicies: [withPiccAsMember] }), 'UW-9', 'periodStart', 409);
    // Another enterprise's policy never clashes.
    const elsewhere = { ...withPiccAsMember, enterprise: { ...COAL_MINE, uscc: '91140902100000008A' } };
    expect(issued({}, { enterprisePolicies: [elsewhere] }).status).toBe('ISSUED');
  });

  it('UW-10 records the other safety insurance as advisory, and lists the convertible ones', () => {
    const policy = issued({
      otherSafetyInsurance: [
        { kind: 'EMPLOYER_LIABILITY', insurer: '平安财险', policyNumber: 'EL-2024-1', convertible: true },
        { kind: 'GROUP_ACCIDENT', insurer: '国寿财险', convertible: false },
      ],
    });
    expect(policy.otherSafetyInsurance).toHaveLength(2);
    expect(conversionCandidates(policy).map((other) => other.kind)).toEqual(['EMPLOYER_LIABILITY']);
    expect(issued().otherSafetyInsurance).toEqual([]);
  });

  it('ACL-1 a co-insured policy is readable by each member and writable by the lead only', () => {
    const policy = issued(COINSURANCE, AS_LEAD);
    expect([isReadableBy(policy, PICC), isReadableBy(policy, CPIC), isReadableBy(policy, PINGAN)]).toEqual([true, true, false]);
    expect([isWritableBy(policy, PICC), isWritableBy(policy, CPIC)]).toEqual([true, false]);
  });
});

describe('endorsing a policy', () => {
  const NEW_YEAR = at('2025-01-01T02:00:00Z'); // 181 of the 365 days left
  const context = (overrides: Partial<EndorseContext> = {}): EndorseContext => ({
    by: 'u-2',
    now: NEW_YEAR,
    ruleSets: RULE_SETS,
    enterprise: { ...COAL_MINE, employees: 280 },
    enterprisePolicies: [],
    ...overrides,
  });

  it('UW-1 an endorsement cannot move periodEnd to the anniversary either (inclusive end)', () => {
    expectRuleViolation(() => endorsePolicy(issued(), { periodEnd: '2025-07-01', reason: '顺延' }, context()), 'UW-1', 'periodEnd', 400);
  });

  it('UW-3 UW-7 new staff: the count must match the register, and the premium rises pro rata for the days left', () => {
    const policy = frozen(issued());
    const endorsed = endorsePolicy(policy, { employeesCovered: 280, reason: '新招聘26人' }, context()).state;
    // Rated for 280: 30,723,000 fen; (30,723,000 − 27,870,150) × 181 ÷ 365 = 1,414,700.96 → 1,414,701
    expect(endorsed).toMatchObject({
      employeesCovered: 280,
      premiumFen: 29_284_851,
      premiumExTaxFen: 27_627_218,
      version: 2,
      updatedAt: '2025-01-01T02:00:00.000Z',
      status: 'ISSUED',
    });
    expect(endorsed.endorsements).toEqual([
      {
        sequence: 1,
        effectiveOn: '2025-01-01',
        reason: '新招聘26人',
        changes: { employeesCovered: { from: 254, to: 280 } },
        premiumDeltaFen: 1_414_701,
        premiumFen: 29_284_851,
        recordedAt: '2025-01-01T02:00:00.000Z',
        recordedBy: 'u-2',
      },
    ]);
    expect(endorsed.rating).toEqual(policy.rating);
    expectRuleViolation(
      () => endorsePolicy(policy, { employeesCovered: 270, reason: 'x' }, context()),
      'UW-3',
      'employeesCovered',
      400,
    );
    expectRuleViolation(
      () => endorsePolicy(policy, { employeesCovered: 280, reason: 'x' }, context({ enterprise: undefined })),
      'REG-1',
      'employeesCovered',
      409,
    );
  });

  it('UW-7 an endorsement made before the period starts re-rates the whole premium', () => {
    const policy = issued();
    const endorsed = endorsePolicy(policy, { employeesCovered: 280, reason: '投保前人数变化' }, context({ now: at(ISSUE_NOW) })).state;
    expect(endorsed.endorsements[0]?.effectiveOn).toBe('2024-07-01');
    expect(endorsed.premiumFen).toBe(30_723_000);
  });

  it('UW-4 refuses lowering the death limit below the floor of the policy’s rule set', () => {
    const policy = issued({ perPersonInsuredAmountFen: 50_000_000, perPersonDeathLimitFen: 50_000_000 });
    expectRuleViolation(
      () => endorsePolicy(policy, { perPersonDeathLimitFen: 29_999_900, reason: 'x' }, context()),
      'UW-4',
      'perPersonDeathLimitFen',
      400,
    );
    expectRuleViolation(
      () => endorsePolicy(policy, { perPersonInsuredAmountFen: 40_000_000, reason: 'x' }, context()),
      'UW-1',
      'perPersonDeathLimitFen',
      400,
    );
    const lowered = endorsePolicy(policy, { perPersonInsuredAmountFen: 40_000_000, perPersonDeathLimitFen: 40_000_000, reason: '调整保额' }, context()).state;
    expect(lowered.endorsements[0]?.premiumDeltaFen).toBeLessThan(0);
  });

  it('UW-1 UW-9 extending the period: within a year and a month, priced for the added days, and not over another policy', () => {
    const policy = issued();
    const extended = endorsePolicy(policy, { periodEnd: '2025-07-31', reason: '续保日期对齐' }, context()).state;
    // 27,870,150 × 31 ÷ 365 = 2,367,054.25 → 2,367,054
    expect(extended.endorsements[0]).toMatchObject({ changes: { periodEnd: { from: '2025-06-30', to: '2025-07-31' } }, premiumDeltaFen: 2_367_054 });
    expectRuleViolation(() => endorsePolicy(policy, { periodEnd: '2025-08-01', reason: 'x' }, context()), 'UW-1', 'periodEnd', 400);
    expectRuleViolation(() => endorsePolicy(policy, { periodEnd: '2024-12-31', reason: 'x' }, context()), 'UW-1', 'periodEnd', 400);
    const next = issued({ policyNumber: 'NEXT-1', periodStart: '2025-07-15', periodEnd: '2026-07-14' }, { id: 'p-2' });
    expectRuleViolation(
      () => endorsePolicy(policy, { periodEnd: '2025-07-31', reason: 'x' }, context({ enterprisePolicies: [policy, next] })),
      'UW-9',
      'periodEnd',
      409,
    );
  });

  it('UW-1 refuses an endorsement that changes nothing, of a cancelled policy, or of a policy that has ended', () => {
    const policy = issued();
    expectRuleViolation(() => endorsePolicy(policy, { employeesCovered: 254, reason: 'x' }, context()), 'UW-1', 'endorsement', 400);
    const cancelled = cancelPolicy(policy, { on: '2025-01-01', reason: '企业关闭' }, at('2024-12-20T02:00:00Z')).state;
    const conflict = thrown(() => endorsePolicy(cancelled, { employeesCovered: 280, reason: 'x' }, context()));
    expect(conflict).toBeInstanceOf(Conflict);
    expect((conflict as Conflict).ruleId).toBe('UW-1');
    expectRuleViolation(
      () => endorsePolicy(policy, { employeesCovered: 280, reason: 'x' }, context({ now: at('2025-07-01T02:00:00Z') })),
      'UW-1',
      undefined,
      409,
    );
    expect(thrown(() => endorsePolicy(policy, { reason: ' ' }, context()))).toBeInstanceOf(ValidationFailed);
  });
});

describe('cancelling a policy', () => {
  it('UW-1 cancels from a day in the period, not before today; the days before stay covered', () => {
    const policy = frozen(issued());
    const cancelled = cancelPolicy(policy, { on: '2025-01-01', reason: '企业关闭' }, at('2024-12-20T02:00:00Z'), 'u-3').state;
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancellation: { on: '2025-01-01', reason: '企业关闭', recordedAt: '2024-12-20T02:00:00.000Z', recordedBy: 'u-3' },
      version: 2,
    });
    expect(isInForce(cancelled, '2024-12-31')).toBe(true);
    expect(isInForce(cancelled, '2025-01-01')).toBe(false);
    expectRuleViolation(
      () => cancelPolicy(policy, { on: '2024-12-19', reason: 'x' }, at('2024-12-20T02:00:00Z')),
      'UW-1',
      'on',
      400,
    );
    expectRuleViolation(() => cancelPolicy(policy, { on: '2025-07-01', reason: 'x' }, at('2024-12-20T02:00:00Z')), 'UW-1', 'on', 400);
    expect(thrown(() => cancelPolicy(cancelled, { on: '2025-02-01', reason: 'x' }, at('2024-12-21T02:00:00Z')))).toBeInstanceOf(Conflict);
  });

  it('UW-1 a policy cancelled from its first day before it starts covers nothing', () => {
    const voided = cancelPolicy(issued(), { on: '2024-07-01', reason: '误出单' }, at(ISSUE_NOW)).state;
    expect(isInForce(voided, '2024-07-01')).toBe(false);
    expectRuleViolation(() => cancelPolicy(issued(), { on: '2024-06-30', reason: 'x' }, at(ISSUE_NOW)), 'UW-1', 'on', 400);
  });
});
