/**
 * Shared setup of the underwriting tests: a complete 2024 qualification filing of 人保财险忻州分公司, its filed
 * product, a coal mine from the seed register (忻府忻达煤业, 254 employees) and a policy body for it. Not a test
 * file itself.
 */
import { expect } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { EnterpriseSnapshot, Policy } from '../../../domain/underwriting/policy.js';
import { issuePolicy } from '../../../domain/underwriting/issue.rules.js';
import type { IssueContext } from '../../../domain/underwriting/issue.rules.js';
import { evaluateEligibility } from '../../../domain/underwriting/eligibility.rules.js';
import { ANNEX_1_ITEM_CODES, fileQualification } from '../../../domain/underwriting/qualification.js';
import type {
  Annex1ItemCode,
  ArchiveRef,
  CoinsuranceRole,
  EligibilityResult,
  FiledProduct,
  QualificationFiling,
  QualificationFilingInput,
} from '../../../domain/underwriting/qualification.js';
import type { IssuePolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';

export const RULE_SET: RuleSet = XINZHOU_2024;
export const RULE_SETS = [XINZHOU_2024];

/** The issuing insurer and two other tenants of the platform. */
export const PICC = 't-picc';
export const CPIC = 't-cpic';
export const PINGAN = 't-pingan';
export const KNOWN_TENANTS: ReadonlySet<string> = new Set([PICC, CPIC, PINGAN]);

export const at = (iso: string): Date => new Date(iso);

/** A stand-in for an archived document: a made-up id and a digest of the right shape. */
export function doc(name: string, digit = 'a'): ArchiveRef {
  return { archiveId: `arc-${name.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'doc'}`, sha256: digit.repeat(64), name };
}

/** Every Annex 1 item attached with one document. */
export const ALL_ANNEX_1: Partial<Record<Annex1ItemCode, ArchiveRef[]>> = Object.fromEntries(
  ANNEX_1_ITEM_CODES.map((code) => [code, [doc(`${code}.pdf`)]]),
);

/** The filed product: base rates in ppm of the insured amount, and factor bounds in basis points. */
export const PRODUCT: FiledProduct = {
  filingNumber: 'C00000232512024050901181',
  name: '安全生产责任保险（2024版）',
  baseRatesPpm: { COAL_MINE: 3500, NON_COAL_MINE: 3000, HAZCHEM: 2500, CHEMICAL: 2000 },
  factorBounds: {
    accidentRecord: { minBasisPoints: 8_000, maxBasisPoints: 15_000 },
    standardisation: {
      GRADE_1: { minBasisPoints: 8_000, maxBasisPoints: 9_000 },
      GRADE_2: { minBasisPoints: 9_000, maxBasisPoints: 10_000 },
      GRADE_3: { minBasisPoints: 10_000, maxBasisPoints: 10_500 },
      NONE: { minBasisPoints: 10_500, maxBasisPoints: 12_000 },
    },
    penalties: { minBasisPoints: 10_000, maxBasisPoints: 13_000 },
    riskLevel: { minBasisPoints: 9_000, maxBasisPoints: 12_000 },
  },
};

/** A complete filing body: every criterion of QUAL-1..6 met. */
export const FILING_INPUT: QualificationFilingInput = {
  branch: { name: '中国人民财产保险股份有限公司忻州市分公司', cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
  businessLicence: { number: '91140900MA0GRXXX1', expiresOn: null },
  insurancePermit: { number: '000123', expiresOn: '2026-12-31' },
  majorViolations: [],
  solvency: { comprehensiveRatioBasisPoints: 23_560, riskRating: 'A' },
  prevention: {
    systemDocument: doc('事故预防服务制度.pdf'),
    planTemplate: doc('事故预防服务方案模板.docx'),
    riskControlTeam: [{ name: '张工', role: '负责人' }, { name: '李工', role: '注册安全工程师' }],
    evidence: [doc('风控团队任命文件.pdf')],
  },
  filedProduct: PRODUCT,
  annex1: ALL_ANNEX_1,
  commitmentLetter: { signedBy: '王总', signedOn: '2024-06-01' },
};

/** Filed on 2024-06-03 (before the June 15 due date), version 1. */
export function filing(input: Partial<QualificationFilingInput> = {}, now = '2024-06-03T02:00:00Z'): QualificationFiling {
  return fileQualification(undefined, { ...FILING_INPUT, ...input }, { tenantId: PICC, year: 2024, now: at(now), by: 'u-admin' }).state;
}

export function eligibilityOn(
  onDate: string,
  options: { filing?: QualificationFiling | undefined; blacklisted?: boolean; role?: CoinsuranceRole } = {},
): EligibilityResult {
  return evaluateEligibility('filing' in options ? options.filing : filing(), {
    onDate,
    blacklisted: options.blacklisted ?? false,
    coinsuranceRole: options.role ?? 'INDEPENDENT',
    ruleSet: RULE_SET,
  });
}

/** 忻府忻达煤业有限责任公司 as the seed register lists it. */
export const COAL_MINE: EnterpriseSnapshot = {
  uscc: '91140902100079190P',
  name: '忻府忻达煤业有限责任公司',
  industry: 'COAL_MINE',
  size: 'SMALL',
  county: '140902',
  employees: 254,
};

/** The issue day, Friday 2024-06-28 in Xinzhou. */
export const ISSUE_NOW = '2024-06-28T02:00:00Z';
export const ISSUE_DAY = '2024-06-28';

/** 300,000 CNY. */
export const FLOOR_FEN = 30_000_000;

/** A one-year independent policy for the coal mine, all 254 employees at 300,000 CNY, death limit 300,000 CNY. */
export const BODY: IssuePolicyBody = {
  enterpriseUscc: COAL_MINE.uscc,
  policyNumber: 'PZAA2024140900000001',
  periodStart: '2024-07-01',
  periodEnd: '2025-06-30',
  employeesCovered: 254,
  perPersonInsuredAmountFen: FLOOR_FEN,
  perPersonDeathLimitFen: FLOOR_FEN,
  rating: {
    accidentRecordBasisPoints: 10_000,
    standardisationGrade: 'GRADE_2',
    standardisationBasisPoints: 9_500,
    penaltiesBasisPoints: 10_000,
    riskLevelBasisPoints: 11_000,
  },
  mode: 'INDEPENDENT',
  premiumPaidByEnterprise: true,
};

/**
 * The premium of {@link BODY}: 300,000.00 CNY × 254 × 3.5‰ = 266,700.00 CNY, × 1.00 × 0.95 × 1.00 × 1.10 =
 * 278,701.50 CNY.
 */
export const BODY_PREMIUM_FEN = 27_870_150;

export function issueContext(overrides: Partial<IssueContext> = {}): IssueContext {
  return {
    id: 'p-1',
    tenantId: PICC,
    by: 'u-underwriter',
    now: at(ISSUE_NOW),
    ruleSets: RULE_SETS,
    enterprise: COAL_MINE,
    eligibility: eligibilityOn(ISSUE_DAY),
    filedProduct: PRODUCT,
    knownTenantIds: KNOWN_TENANTS,
    enterprisePolicies: [],
    ...overrides,
  };
}

export function issued(body: Partial<IssuePolicyBody> = {}, overrides: Partial<IssueContext> = {}): Policy {
  return issuePolicy({ ...BODY, ...body }, issueContext(overrides)).state;
}

/** What `fn` throws, so a test can look at every property of the error rather than only its class. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected an error to be thrown');
}

export function expectRuleViolation(
  fn: () => unknown,
  ruleId: string,
  field: string | undefined,
  status: 400 | 409,
): RuleViolation {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(RuleViolation);
  expect(error).toMatchObject({ ruleId, field, status });
  // The underwriting rules start their messages with the rule id; the kernel's RULES-1 message does not.
  if (ruleId !== 'RULES-1') expect((error as RuleViolation).message.startsWith(`${ruleId}:`)).toBe(true);
  return error as RuleViolation;
}
