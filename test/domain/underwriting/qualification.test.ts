import { describe, expect, it } from 'vitest';
import { RuleViolation, ValidationFailed } from '../../../domain/kernel/errors.js';
import { recordPaperFiling, withPaperFiling } from '../../../domain/underwriting/paper-filing.js';
import { putQualificationBody } from '../../../domain/underwriting/qualification.schema.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import {
  ANNEX_1_ITEMS,
  ANNEX_1_ITEM_CODES,
  ELIGIBILITY_RULES,
  fileQualification,
  isFilingComplete,
  missingAnnex1Items,
} from '../../../domain/underwriting/qualification.js';
import {
  InsurerNotEligible,
  evaluateEligibility,
  failingCriteria,
  governingFiling,
} from '../../../domain/underwriting/eligibility.rules.js';
import type { EligibilityCriterion, EligibilityResult, QualificationFiling } from '../../../domain/underwriting/qualification.js';
import { ALL_ANNEX_1, FILING_INPUT, PICC, RULE_SET, at, doc, eligibilityOn, filing, thrown } from './fixtures.js';

function criterionOf(result: EligibilityResult, rule: string): EligibilityCriterion {
  const found = result.criteria.find((item) => item.rule === rule);
  if (found === undefined) throw new Error(`no ${rule} in the result`);
  return found;
}

function failing(result: EligibilityResult): string[] {
  return failingCriteria(result).map((item) => item.rule);
}

const ON = '2024-09-27';

describe('eligibility (QUAL-1..6, BLK-1)', () => {
  it('QUAL-1..6 a complete filing made on time is eligible, every criterion listed in order with a reason', () => {
    const result = eligibilityOn(ON);
    expect(result).toMatchObject({
      eligible: true,
      onDate: ON,
      coinsuranceRole: 'INDEPENDENT',
      filingYear: 2024,
      filingVersion: 1,
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
    });
    expect(result.criteria.map((item) => item.rule)).toEqual([...ELIGIBILITY_RULES]);
    for (const item of result.criteria) {
      expect(item.passed, item.rule).toBe(true);
      expect(item.reason.length, item.rule).toBeGreaterThan(10);
    }
    expect(criterionOf(result, 'QUAL-3').reason).toBe(
      'The 2023 comprehensive solvency adequacy ratio is 235.60% (at least 100.00%) and the integrated risk rating is A.',
    );
  });

  it('QUAL-1 an expired insurance permit fails; a document is valid through its expiry day', () => {
    const permitUntil = filing({ insurancePermit: { number: '000123', expiresOn: '2024-09-26' } });
    const lastDay = eligibilityOn('2024-09-26', { filing: permitUntil });
    expect(criterionOf(lastDay, 'QUAL-1').passed).toBe(true);
    const dayAfter = eligibilityOn(ON, { filing: permitUntil });
    expect(dayAfter.eligible).toBe(false);
    expect(failing(dayAfter)).toEqual(['QUAL-1']);
    expect(criterionOf(dayAfter, 'QUAL-1').reason).toBe(
      'Not met on 2024-09-27: the insurance permit (保险许可证) 000123 expired on 2024-09-26.',
    );
  });

  it('QUAL-1 an expired business licence fails; a licence with no end (长期) never expires', () => {
    const expired = filing({ businessLicence: { number: 'BL-1', expiresOn: '2024-01-31' } });
    expect(criterionOf(eligibilityOn(ON, { filing: expired }), 'QUAL-1').reason).toContain(
      'the business licence (营业执照) BL-1 expired on 2024-01-31',
    );
    expect(criterionOf(eligibilityOn('2099-01-01', { filing: filing({ insurancePermit: { number: 'P', expiresOn: null } }) }), 'QUAL-1').passed).toBe(true);
  });

  it('QUAL-1 a branch that is not a city-level branch in Xinzhou, or writes no property insurance, fails', () => {
    const county = filing({
      branch: { name: '某县支公司', cityLevelBranchInXinzhou: false, writesPropertyInsurance: false },
    });
    const reason = criterionOf(eligibilityOn(ON, { filing: county }), 'QUAL-1').reason;
    expect(reason).toContain('某县支公司 is not a city-level branch in Xinzhou');
    expect(reason).toContain('某县支公司 does not write property insurance');
    const missing = filing({ branch: undefined, businessLicence: undefined });
    expect(criterionOf(eligibilityOn(ON, { filing: missing }), 'QUAL-1').reason).toBe(
      'Not met on 2024-09-27: the branch is not described; the business licence (营业执照) is missing.',
    );
  });

  it('QUAL-2 a major violation in the last 3 years fails; one older than 3 years, or decided after the day, does not', () => {
    const violation = (decidedOn: string) => ({ decidedOn, authority: '忻州监管分局', description: '虚列费用' });
    const within = filing({ majorViolations: [violation('2021-09-27')] });
    expect(failing(eligibilityOn(ON, { filing: within }))).toEqual(['QUAL-2']);
    expect(criterionOf(eligibilityOn(ON, { filing: within }), 'QUAL-2').reason).toBe(
      'Not met on 2024-09-27: 1 major violation(s) since 2021-09-27: 2021-09-27 by 忻州监管分局 (虚列费用).',
    );
    const older = filing({ majorViolations: [violation('2021-09-26')] });
    expect(eligibilityOn(ON, { filing: older }).eligible).toBe(true);
    // A later violation does not change what was true on the day asked about.
    const later = filing({ majorViolations: [violation('2024-05-01')] }, '2024-06-03T02:00:00Z');
    expect(criterionOf(eligibilityOn('2024-04-30', { filing: later }), 'QUAL-2').passed).toBe(true);
  });

  it('QUAL-2 and BLK-1 a blacklisted insurer fails both, each saying why', () => {
    const result = eligibilityOn(ON, { blacklisted: true });
    expect(result.eligible).toBe(false);
    expect(failing(result)).toEqual(['QUAL-2', 'BLK-1']);
    expect(criterionOf(result, 'QUAL-2').reason).toContain('on the joint-punishment blacklist (BLK-1)');
    expect(criterionOf(result, 'BLK-1').reason).toBe('Not met: the insurer is on the joint-punishment blacklist on 2024-09-27.');
  });

  it('BLK-1 is evaluated even without a filing, since the blacklist does not depend on it', () => {
    expect(criterionOf(eligibilityOn(ON, { filing: undefined }), 'BLK-1').passed).toBe(true);
    expect(criterionOf(eligibilityOn(ON, { filing: undefined, blacklisted: true }), 'BLK-1').passed).toBe(false);
  });

  it('QUAL-3 a solvency ratio of 99% fails, 100% passes; ratings C and D fail, A and B pass', () => {
    const at99 = filing({ solvency: { comprehensiveRatioBasisPoints: 9_900, riskRating: 'B' } });
    expect(failing(eligibilityOn(ON, { filing: at99 }))).toEqual(['QUAL-3']);
    expect(criterionOf(eligibilityOn(ON, { filing: at99 }), 'QUAL-3').reason).toBe(
      'Not met: the 2023 comprehensive solvency adequacy ratio is 99.00%, below 100.00%.',
    );
    const at100 = filing({ solvency: { comprehensiveRatioBasisPoints: 10_000, riskRating: 'B' } });
    expect(eligibilityOn(ON, { filing: at100 }).eligible).toBe(true);
    for (const [riskRating, passes] of [['A', true], ['B', true], ['C', false], ['D', false]] as const) {
      const rated = filing({ solvency: { comprehensiveRatioBasisPoints: 15_000, riskRating } });
      expect(criterionOf(eligibilityOn(ON, { filing: rated }), 'QUAL-3').passed, riskRating).toBe(passes);
    }
    expect(criterionOf(eligibilityOn(ON, { filing: filing({ solvency: undefined }) }), 'QUAL-3').reason).toBe(
      'Not met: the 2023 solvency ratio and risk rating are missing.',
    );
  });

  it('QUAL-3 is waived for a co-insurance member and applies to the lead', () => {
    const weak = filing({ solvency: { comprehensiveRatioBasisPoints: 9_000, riskRating: 'C' } });
    const member = eligibilityOn(ON, { filing: weak, role: 'MEMBER' });
    expect(member.eligible).toBe(true);
    expect(criterionOf(member, 'QUAL-3')).toEqual({
      rule: 'QUAL-3',
      passed: true,
      waived: true,
      reason: 'Waived: as a co-insurance member the insurer need not meet QUAL-3; only the lead insurer must.',
      findings: [{ code: 'qual3Waived', params: {} }],
    });
    expect(failing(eligibilityOn(ON, { filing: weak, role: 'LEAD' }))).toEqual(['QUAL-3']);
  });

  it('QUAL-4 needs a system document, a plan template, a named team member and evidence', () => {
    const bare = filing({ prevention: { riskControlTeam: [{ name: '  ' }], evidence: [] } });
    expect(criterionOf(eligibilityOn(ON, { filing: bare }), 'QUAL-4').reason).toBe(
      'Not met: the prevention-service system document is missing; the service plan template is missing; the risk-control team has no named member; no evidence document is attached.',
    );
    expect(criterionOf(eligibilityOn(ON), 'QUAL-4').reason).toBe(
      'Prevention-service system and plan template attached; risk-control team of 2 named member(s); 1 evidence document(s).',
    );
  });

  it('QUAL-5 needs the product’s filing number with the financial regulator and its rates', () => {
    expect(criterionOf(eligibilityOn(ON, { filing: filing({ filedProduct: undefined }) }), 'QUAL-5').reason).toBe(
      'Not met: no filing number with the financial regulator for the 安责险 product.',
    );
    const rateless = filing({ filedProduct: { ...FILING_INPUT.filedProduct!, baseRatesPpm: {} } });
    expect(criterionOf(eligibilityOn(ON, { filing: rateless }), 'QUAL-5').passed).toBe(false);
    expect(criterionOf(eligibilityOn(ON), 'QUAL-5').reason).toBe(
      'Clauses and rates filed with the financial regulator under C00000232512024050901181 (base rates for 4 industries).',
    );
  });

  it('QUAL-6 lists the Annex 1 items not attached by code and Chinese label, and needs the signed letter', () => {
    const { COMMITMENT_LETTER: _letter, LIABILITY_RECORD_3Y: _record, ...rest } = ALL_ANNEX_1;
    const draft = filing({ annex1: rest, commitmentLetter: undefined });
    expect(draft.filedOn).toBeUndefined();
    expect(missingAnnex1Items(draft)).toEqual(['LIABILITY_RECORD_3Y', 'COMMITMENT_LETTER']);
    expect(criterionOf(eligibilityOn(ON, { filing: draft }), 'QUAL-6').reason).toBe(
      'Not met: Annex 1 items not attached: 近三年开展责任保险业绩 (LIABILITY_RECORD_3Y); 承诺函 (COMMITMENT_LETTER); the Annex 2 commitment letter is not signed.',
    );
  });

  it('QUAL-6 Annex 1 has the notice’s twelve items with stable codes', () => {
    expect(ANNEX_1_ITEMS).toHaveLength(12);
    expect(new Set(ANNEX_1_ITEM_CODES).size).toBe(12);
    expect(ANNEX_1_ITEMS.find((item) => item.code === 'FILED_PRODUCT')?.labelZh).toBe(
      '经金融监管部门备案的安责险产品（含保险条款、费率规章）',
    );
  });

  it('QUAL-6 a filing submitted by June 15 passes; one submitted after fails, saying it was late', () => {
    const onTime = filing({}, '2024-06-15T15:59:59Z'); // 23:59:59 on June 15 in Xinzhou
    expect(onTime.filedOn).toBe('2024-06-15');
    expect(criterionOf(eligibilityOn(ON, { filing: onTime }), 'QUAL-6').passed).toBe(true);
    const late = filing({}, '2024-06-15T16:00:00Z'); // midnight, June 16 in Xinzhou
    expect(late.filedOn).toBe('2024-06-16');
    const result = eligibilityOn(ON, { filing: late });
    expect(failing(result)).toEqual(['QUAL-6']);
    expect(criterionOf(result, 'QUAL-6').reason).toBe(
      'Not met: the 2024 filing was submitted late, on 2024-06-16; it was due by 2024-06-15.',
    );
  });

  it('QUAL-6 the due date is the rule set’s, not a literal', () => {
    const july: RuleSet = { ...RULE_SET, version: 2, qualificationFilingDue: { month: 7, day: 1 } };
    const late = filing({}, '2024-06-20T02:00:00Z');
    const result = evaluateEligibility(late, { onDate: ON, blacklisted: false, coinsuranceRole: 'INDEPENDENT', ruleSet: july });
    expect(result.eligible).toBe(true);
    expect(result.ruleSetVersion).toBe(2);
  });

  it('QUAL-6 a filing counts from the day it is submitted until the next year’s due date', () => {
    expect(criterionOf(eligibilityOn('2024-06-02'), 'QUAL-6').reason).toBe(
      'Not met on 2024-06-02: the 2024 filing counts from 2024-06-03.',
    );
    expect(eligibilityOn('2024-06-03').eligible).toBe(true);
    expect(eligibilityOn('2025-06-15').eligible).toBe(true);
    expect(criterionOf(eligibilityOn('2025-06-16'), 'QUAL-6').reason).toBe(
      'Not met on 2025-06-16: the 2024 filing counted until 2025-06-15, when the 2025 filing was due.',
    );
  });

  it('QUAL-1..6 without a filing every QUAL criterion fails with a clear reason', () => {
    const result = eligibilityOn(ON, { filing: undefined });
    expect(result.eligible).toBe(false);
    expect(result.filingYear).toBeUndefined();
    expect(failing(result)).toEqual(['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6']);
    for (const item of failingCriteria(result)) {
      expect(item.reason).toBe('Not met: the insurer has no qualification filing covering 2024-09-27.');
    }
  });

  it('UW-8 an ineligible insurer’s refusal names every failing criterion, with its reason', () => {
    const weak = filing({
      solvency: { comprehensiveRatioBasisPoints: 9_900, riskRating: 'C' },
      insurancePermit: { number: '000123', expiresOn: '2024-06-30' },
    });
    const error = new InsurerNotEligible(eligibilityOn(ON, { filing: weak }), PICC);
    expect(error).toMatchObject({ ruleId: 'UW-8', status: 409, code: 'RULE_VIOLATION' });
    expect(error.message).toMatch(/^UW-8: insurer t-picc is not eligible on 2024-09-27; failing QUAL-1, QUAL-3 — /);
    expect(error.criteria.map((item) => item.rule)).toEqual(['QUAL-1', 'QUAL-3']);
    expect(error.findings).toEqual([
      { field: 'eligibility', rule: 'QUAL-1', message: 'Not met on 2024-09-27: the insurance permit (保险许可证) 000123 expired on 2024-06-30.' },
      {
        field: 'eligibility',
        rule: 'QUAL-3',
        message:
          'Not met: the 2023 comprehensive solvency adequacy ratio is 99.00%, below 100.00%; the integrated risk rating is C; it must be A or B.',
      },
    ]);
  });
});

describe('saving a filing (QUAL-6)', () => {
  it('QUAL-6 a complete filing is filed on the day it is first complete, and keeps that day when amended', () => {
    const first = filing();
    expect(first).toMatchObject({
      tenantId: PICC,
      year: 2024,
      filedOn: '2024-06-03',
      filedOnSource: 'PLATFORM',
      version: 1,
      createdAt: '2024-06-03T02:00:00.000Z',
      updatedBy: 'u-admin',
    });
    expect(isFilingComplete(first)).toBe(true);
    const renewed = fileQualification(
      first,
      { ...FILING_INPUT, insurancePermit: { number: '000124', expiresOn: '2029-12-31' } },
      { tenantId: PICC, year: 2024, now: at('2024-08-01T02:00:00Z'), by: 'u-2' },
    ).state;
    expect(renewed).toMatchObject({
      filedOn: '2024-06-03',
      version: 2,
      createdAt: first.createdAt,
      updatedAt: '2024-08-01T02:00:00.000Z',
      updatedBy: 'u-2',
    });
  });

  it('QUAL-6 a draft has no filing day until it is complete; completing it late makes it late', () => {
    const draft = filing({ annex1: { COMMITMENT_LETTER: [doc('承诺函.pdf')] } }, '2024-06-10T02:00:00Z');
    expect(draft.filedOn).toBeUndefined();
    expect(criterionOf(eligibilityOn('2024-06-12', { filing: draft }), 'QUAL-6').passed).toBe(false);
    const completed = fileQualification(draft, FILING_INPUT, { tenantId: PICC, year: 2024, now: at('2024-06-20T02:00:00Z'), by: 'u' }).state;
    expect(completed.filedOn).toBe('2024-06-20');
    expect(criterionOf(eligibilityOn(ON, { filing: completed }), 'QUAL-6').passed).toBe(false);
  });

  it('QUAL-6 the insurer cannot state its own filing day: the body has no filedOn, the platform stamps it', () => {
    const declared = putQualificationBody.safeParse({ ...FILING_INPUT, filedOn: '2024-06-12' });
    expect(declared.success).toBe(false);
    expect(JSON.stringify(declared.error?.issues)).toContain('filedOn');
    const late = filing({}, '2024-09-01T02:00:00Z');
    expect(late).toMatchObject({ filedOn: '2024-09-01', filedOnSource: 'PLATFORM' });
    expect(criterionOf(eligibilityOn(ON, { filing: late }), 'QUAL-6').passed).toBe(false);
  });

  it('QUAL-6 an earlier paper submission counts only as the city EMB records it, and only once the filing is complete', () => {
    const late = filing({}, '2024-09-01T02:00:00Z');
    const { state: paper, events } = recordPaperFiling(
      undefined,
      { filedOn: '2024-06-12', note: '收文登记第 2024-031 号' },
      { insurerTenantId: PICC, year: 2024, now: at('2024-09-02T02:00:00Z'), by: 'u-city' },
    );
    expect(paper).toMatchObject({ insurerTenantId: PICC, year: 2024, filedOn: '2024-06-12', recordedBy: 'u-city', version: 1 });
    expect(events.map((event) => [event.type, event.aggregate.id, event.tenantId])).toEqual([
      ['underwriting.qualification.paper_filing_recorded', `${PICC}-2024`, PICC],
    ]);
    const merged = withPaperFiling(late, paper);
    expect(merged).toMatchObject({ filedOn: '2024-06-12', filedOnSource: 'RECORDED' });
    expect(eligibilityOn('2024-09-27', { filing: merged }).eligible).toBe(true);
    // A platform day earlier than the paper one stands.
    expect(withPaperFiling(filing(), paper)).toMatchObject({ filedOn: '2024-06-03', filedOnSource: 'PLATFORM' });
    // A paper day does not complete a draft.
    const draft = filing({ annex1: {} }, '2024-06-10T02:00:00Z');
    expect(criterionOf(eligibilityOn('2024-09-27', { filing: withPaperFiling(draft, paper) }), 'QUAL-6').passed).toBe(false);
  });

  it('QUAL-6 refuses a paper filing received after today, or before the year before the filing year', () => {
    const context = { insurerTenantId: PICC, year: 2024, now: at('2024-09-02T02:00:00Z'), by: 'u-city' };
    for (const filedOn of ['2024-09-03', '2022-12-31']) {
      const error = thrown(() => recordPaperFiling(undefined, { filedOn, note: '收文' }, context)) as RuleViolation;
      expect(error).toMatchObject({ ruleId: 'QUAL-6', field: 'filedOn', status: 400 });
    }
    expect(recordPaperFiling(undefined, { filedOn: '2023-12-20', note: '收文' }, context).state.filedOn).toBe('2023-12-20');
  });

  it('QUAL-6 refuses a letter signed or a violation decided after today', () => {
    const error = thrown(() =>
      filing({
        commitmentLetter: { signedBy: '王总', signedOn: '2024-06-04' },
        majorViolations: [{ decidedOn: '2024-07-01', authority: 'x', description: 'y' }],
      }),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'commitmentLetter.signedOn', rule: 'QUAL-6' },
      { field: 'majorViolations.0.decidedOn', rule: 'QUAL-2' },
    ]);
  });

  it('QUAL-6 refuses to amend another tenant’s or year’s filing (a caller’s bug)', () => {
    expect(() => fileQualification(filing(), FILING_INPUT, { tenantId: 't-other', year: 2024, now: at('2024-07-01T00:00:00Z'), by: 'u' })).toThrow(
      RangeError,
    );
  });
});

describe('the governing filing (QUAL-6)', () => {
  const filing2024 = filing();
  const filing2025 = fileQualification(undefined, FILING_INPUT, { tenantId: PICC, year: 2025, now: at('2025-05-20T02:00:00Z'), by: 'u' }).state;
  const late2025 = fileQualification(undefined, FILING_INPUT, { tenantId: PICC, year: 2025, now: at('2025-07-01T02:00:00Z'), by: 'u' }).state;

  it.each<[string, string, QualificationFiling[], number | undefined, boolean]>([
    ['the 2024 filing governs until 2025’s is filed', '2025-03-01', [filing2024, filing2025], 2024, true],
    ['the 2025 filing takes over the day it is filed', '2025-05-20', [filing2024, filing2025], 2025, true],
    ['without a 2025 filing, the 2024 one has run out', '2025-06-16', [filing2024], 2024, false],
    ['a late 2025 filing is returned to explain why it fails', '2025-07-02', [filing2024, late2025], 2025, false],
    ['no filing at all', '2024-06-01', [], undefined, false],
  ])('QUAL-6 %s (on %s)', (_why, onDate, filings, year, eligible) => {
    const chosen = governingFiling(filings, onDate, RULE_SET);
    expect(chosen?.year).toBe(year);
    expect(eligibilityOn(onDate, { filing: chosen }).eligible).toBe(eligible);
  });
});
