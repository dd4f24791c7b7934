import type * as z from 'zod/mini';
import { compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { ValidationFailed } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';
import { instantOf } from '../kernel/calendar/instant.js';
import type { Changed } from '../kernel/events.js';
import { qualificationChanged } from './events.js';
import type {
  archiveRefSchema,
  branchSchema,
  commitmentLetterSchema,
  eligibilityCriterionSchema,
  eligibilityResultSchema,
  factorBoundsSchema,
  filedProductSchema,
  majorViolationSchema,
  putQualificationBody,
  qualificationFilingSchema,
  solvencySchema,
  teamMemberSchema,
} from './qualification.schema.js';


/**
 * QUAL-3: the integrated risk rating (风险综合评级) of the C-ROSS solvency regime, best first. A and B pass,
 * C and D fail ("风险综合评级在B类及以上").
 */
export const RISK_RATINGS = ['A', 'B', 'C', 'D'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/**
 * QUAL-3: the lowest prior-year comprehensive solvency adequacy ratio, in basis points (10000 = 100%). The
 * notice's figure ("不低于100%") is the regulator's solvency standard, not one the city EMB configures, so it
 * is a constant here rather than a rule-set figure (RULES-1 lists the configurable ones).
 */
export const SOLVENCY_RATIO_FLOOR_BASIS_POINTS = 10_000;

/** QUAL-2: how far back a major violation counts ("近3年内"), in months. */
export const MAJOR_VIOLATION_LOOKBACK_MONTHS = 36;

/**
 * UW-6, QUAL-3: the part an insurer plays in the policy the eligibility is asked for. Only an INDEPENDENT
 * insurer or a co-insurance LEAD must meet QUAL-3; a co-insurance MEMBER is exempt ("共保体承保机构主承保公司
 * 满足即可").
 */
export const COINSURANCE_ROLES = ['INDEPENDENT', 'LEAD', 'MEMBER'] as const;
export type CoinsuranceRole = (typeof COINSURANCE_ROLES)[number];

/**
 * QUAL-6: the items of Annex 1 (忻州市安责险承保机构报送资料清单), each with a stable code (stored, sent over the
 * API, never renamed), the section of the annex it sits in and its label as the annex words it. The order is
 * the annex's.
 */
export const ANNEX_1_ITEMS = [
  { code: 'HQ_BUSINESS_LICENCE', section: '（一）保险总公司相关资料', labelZh: '总公司营业执照影印件' },
  { code: 'HQ_INSURANCE_PERMIT', section: '（一）保险总公司相关资料', labelZh: '总公司保险许可证影印件' },
  {
    code: 'HQ_AUDITED_FINANCIALS',
    section: '（一）保险总公司相关资料',
    labelZh: '上年度经审计的审计报告（含偿付能力报表）及财务报表影印件（附注可不提供）',
  },
  { code: 'HQ_RISK_RATING', section: '（一）保险总公司相关资料', labelZh: '上年度风险综合评级' },
  { code: 'PROVINCIAL_BUSINESS_LICENCE', section: '（二）保险山西分公司相关资料', labelZh: '分公司营业执照影印件' },
  { code: 'PROVINCIAL_INSURANCE_PERMIT', section: '（二）保险山西分公司相关资料', labelZh: '分公司保险许可证影印件' },
  {
    code: 'PROVINCIAL_SERVICE_TEAMS',
    section: '（二）保险山西分公司相关资料',
    labelZh: '省级服务团队及事故预防风控服务团队设置情况',
  },
  { code: 'BRANCH_NETWORK', section: '（二）保险山西分公司相关资料', labelZh: '市、县（市、区）分支机构设置情况' },
  {
    code: 'FILED_PRODUCT',
    section: '（三）经金融监管部门备案的安责险产品',
    labelZh: '经金融监管部门备案的安责险产品（含保险条款、费率规章）',
  },
  { code: 'LIABILITY_RECORD_3Y', section: '（四）近三年开展责任保险业绩', labelZh: '近三年开展责任保险业绩' },
  {
    code: 'PREVENTION_PLANS',
    section: '（五）事故预防实施方案',
    labelZh: '高危行业安责险事故预防实施方案，其他行业事故预防服务开展方案',
  },
  { code: 'COMMITMENT_LETTER', section: '（六）承诺函', labelZh: '承诺函' },
] as const;

/** QUAL-6: the code of one of {@link ANNEX_1_ITEMS}. */
export type Annex1ItemCode = (typeof ANNEX_1_ITEMS)[number]['code'];

/** QUAL-6: every Annex 1 code, in the annex's order. */
export const ANNEX_1_ITEM_CODES = ANNEX_1_ITEMS.map((item) => item.code) as [Annex1ItemCode, ...Annex1ItemCode[]];

/**
 * UW-7: the rating factors a filed product floats the premium by (notice §三(四): 事故记录和等级、标准化建设等级、
 * 接受处罚情况、安全风险程度).
 */
export const RATING_FACTORS = ['accidentRecord', 'standardisation', 'penalties', 'riskLevel'] as const;
export type RatingFactor = (typeof RATING_FACTORS)[number];

/**
 * UW-7: the enterprise's work-safety standardisation grade (安全生产标准化建设等级): 一级, 二级, 三级 or none
 * (未达标/未评级).
 */
export const STANDARDISATION_GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3', 'NONE'] as const;
export type StandardisationGrade = (typeof STANDARDISATION_GRADES)[number];

// The shapes of a filing are its zod schemas (qualification.schema.ts); these names are their outputs.

/** A document already stored write-once in the archive (SVC-10), with the SHA-256 recorded when archived. */
export type ArchiveRef = z.output<typeof archiveRefSchema>;
/** QUAL-1: a licence of the Xinzhou city-level branch — its 营业执照 or its 保险许可证. */
export type LicenceDocument = NonNullable<QualificationFiling['businessLicence']>;
/** QUAL-1: what the insurer states about the branch that writes 安责险 in Xinzhou. */
export type BranchProfile = z.output<typeof branchSchema>;
/** QUAL-2: a major violation of law (重大违法记录), with the day it was decided. */
export type MajorViolation = z.output<typeof majorViolationSchema>;
/** QUAL-3: the prior-year figures (the year before the filing's year). */
export type SolvencyFigures = z.output<typeof solvencySchema>;
/** QUAL-4: a named member of the risk-control service team. */
export type TeamMember = z.output<typeof teamMemberSchema>;
/** QUAL-4: the insurer's accident-prevention capability and the documents that show it. */
export type PreventionCapability = QualificationFiling['prevention'];
/** UW-7: the filed range of one factor, in basis points of a multiplier (10000 = ×1.00), both ends allowed. */
export type FactorBounds = z.output<typeof factorBoundsSchema>;
/** UW-7: the filed bounds of every factor; standardisation has a range per grade. */
export type FactorBoundsTable = FiledProduct['factorBounds'];
/** QUAL-5, UW-7: the 安责险 product (clauses and rates) as filed with the financial regulator. */
export type FiledProduct = z.output<typeof filedProductSchema>;
/** QUAL-6: the commitment letter of Annex 2 (承诺函), as signed. */
export type CommitmentLetter = z.output<typeof commitmentLetterSchema>;
/** QUAL-6: where `filedOn` comes from — first complete on the platform, or recorded by the city EMB (paper). */
export type FiledOnSource = NonNullable<QualificationFiling['filedOnSource']>;

/**
 * An insurer's qualification filing (承保资格报送) for one year: what the notice asks an insurer to submit to the
 * city EMB by June 15 (§一(二) and Annexes 1 and 2). A filing may be saved incomplete — a draft the insurer
 * completes over several sittings — because eligibility is never a stored flag: `evaluateEligibility`
 * (eligibility.rules.ts) computes it from the filing on a given day and says, criterion by criterion, what is
 * missing. The solvency figures are those of the year before `year` ("上年度").
 *
 * @example
 * const { state: filing } = fileQualification(undefined, body, { tenantId: 't-1', year: 2024, now, by: 'u-1' });
 */
export type QualificationFiling = z.output<typeof qualificationFilingSchema>;

/** What the insurer sends to save its filing for a year (`PUT /qualification/{year}`), as validated. */
export type QualificationFilingInput = z.output<typeof putQualificationBody>;

/** The criteria `evaluateEligibility` reports, in this order. */
export const ELIGIBILITY_RULES = ['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6', 'BLK-1'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/**
 * QUAL-1..6, BLK-1: what a criterion found, one code per check, so the console words each in its own language
 * (issue 15: the English `reason` was shown in the Chinese console). `params` fill the sentence; dates are
 * `YYYY-MM-DD`, ratios percent strings (`99.50%`).
 */
export const ELIGIBILITY_FINDING_CODES = [
  'noFiling',
  'branchMissing',
  'branchNotCityLevel',
  'branchNoProperty',
  'branchOk',
  'businessLicenceMissing',
  'businessLicenceExpired',
  'businessLicenceValid',
  'businessLicenceNoExpiry',
  'insurancePermitMissing',
  'insurancePermitExpired',
  'insurancePermitValid',
  'insurancePermitNoExpiry',
  'majorViolations',
  'majorViolation',
  'onBlacklist',
  'noMajorViolation',
  'qual3Waived',
  'solvencyMissing',
  'solvencyLow',
  'riskRatingLow',
  'solvencyOk',
  'systemDocumentMissing',
  'planTemplateMissing',
  'teamUnnamed',
  'evidenceMissing',
  'preventionOk',
  'productNotFiled',
  'productNoRates',
  'productOk',
  'annex1Missing',
  'letterUnsigned',
  'notSubmitted',
  'filedLate',
  'notYetCounting',
  'windowOver',
  'filingOk',
  'blacklisted',
  'notBlacklisted',
] as const;
export type EligibilityFindingCode = (typeof ELIGIBILITY_FINDING_CODES)[number];

/** One criterion of eligibility: `reason` is a plain-English sentence; `waived` marks QUAL-3 for a member. */
export type EligibilityCriterion = z.output<typeof eligibilityCriterionSchema>;

/**
 * QUAL-1..6, BLK-1: an insurer's eligibility on one day, with every criterion and its reason. Computed on
 * demand and recorded on a decision (a policy stores the filing it relied on); never typed in.
 */
export type EligibilityResult = z.output<typeof eligibilityResultSchema>;

/** Who saves a filing, and when. */
export interface FilingContext {
  readonly tenantId: string;
  readonly year: number;
  readonly now: Date;
  /** The user saving it. */
  readonly by: string;
}

// ---------------------------------------------------------------------------------------------------------
// Saving a filing
// ---------------------------------------------------------------------------------------------------------


/**
 * QUAL-6: the Annex 1 items with no document attached, in the annex's order.
 *
 * @example
 * missingAnnex1Items({ annex1: { COMMITMENT_LETTER: [letterScan] } }).length; // 11
 */
export function missingAnnex1Items(filing: Pick<QualificationFiling, 'annex1'>): Annex1ItemCode[] {
  return ANNEX_1_ITEM_CODES.filter((code) => (filing.annex1[code]?.length ?? 0) === 0);
}

/**
 * QUAL-6: whether a filing has everything the notice asks to be submitted — every Annex 1 item attached and
 * the Annex 2 commitment letter signed. Completeness decides when a filing counts as filed (`filedOn`).
 *
 * @example
 * isFilingComplete(draft); // false while an Annex 1 item or the signed letter is missing
 */
export function isFilingComplete(filing: Pick<QualificationFiling, 'annex1' | 'commitmentLetter'>): boolean {
  return missingAnnex1Items(filing).length === 0 && filing.commitmentLetter !== undefined;
}

/**
 * QUAL-1..6: saves the insurer's filing for a year — a new one (version 1) or an amendment of `previous`
 * (version + 1; the caller stores it over `previous.version`). The input replaces the whole filing, as a PUT
 * does; omitted lists are empty.
 *
 * `filedOn` (QUAL-6) is stamped by the platform: the day already recorded, or today when the filing is complete
 * for the first time (PLATFORM). An incomplete draft has no `filedOn`. The insurer cannot state the day; an
 * earlier submission on paper is recorded by the city EMB (`recordPaperFiling`), never here.
 *
 * Raises `underwriting.qualification.changed`, stored with the filing in one transaction. Its id is the tenant
 * and year: there is one filing per insurer and year.
 *
 * @throws ValidationFailed listing every problem that is plain input (dates in the future), each with its rule.
 * @throws RangeError when `previous` belongs to another tenant or year — a caller's bug.
 * @example
 * const { state: filing, events } = fileQualification(undefined, body, { tenantId: 't-1', year: 2024, now: new Date('2024-06-03T02:00:00Z'), by: 'u-1' });
 * filing.filedOn; // '2024-06-03' when body attaches every Annex 1 item and the signed letter
 * await filings.put(filing, undefined, events); // with underwriting.qualification.changed
 */
export function fileQualification(
  previous: QualificationFiling | undefined,
  input: QualificationFilingInput,
  context: FilingContext,
): Changed<QualificationFiling> {
  if (previous !== undefined && (previous.tenantId !== context.tenantId || previous.year !== context.year)) {
    throw new RangeError(
      `the previous filing is ${previous.tenantId}/${previous.year}, not ${context.tenantId}/${context.year}`,
    );
  }
  const at = instantOf(context.now);
  const today = shanghaiDateOf(at);
  const problems: FieldProblem[] = [];
  if (input.commitmentLetter !== undefined && compareLocalDates(input.commitmentLetter.signedOn, today) > 0) {
    problems.push({
      field: 'commitmentLetter.signedOn',
      message: `QUAL-6: the commitment letter cannot be signed after today (${today})`,
      rule: 'QUAL-6',
    });
  }
  (input.majorViolations ?? []).forEach((violation, index) => {
    if (compareLocalDates(violation.decidedOn, today) > 0) {
      problems.push({
        field: `majorViolations.${index}.decidedOn`,
        message: `QUAL-2: a violation cannot be decided after today (${today})`,
        rule: 'QUAL-2',
      });
    }
  });
  if (problems.length > 0) throw new ValidationFailed(problems);

  const content = {
    ...(input.branch === undefined ? {} : { branch: input.branch }),
    ...(input.businessLicence === undefined ? {} : { businessLicence: input.businessLicence }),
    ...(input.insurancePermit === undefined ? {} : { insurancePermit: input.insurancePermit }),
    majorViolations: input.majorViolations ?? [],
    ...(input.solvency === undefined ? {} : { solvency: input.solvency }),
    prevention: {
      ...(input.prevention?.systemDocument === undefined ? {} : { systemDocument: input.prevention.systemDocument }),
      ...(input.prevention?.planTemplate === undefined ? {} : { planTemplate: input.prevention.planTemplate }),
      riskControlTeam: input.prevention?.riskControlTeam ?? [],
      evidence: input.prevention?.evidence ?? [],
    },
    ...(input.filedProduct === undefined ? {} : { filedProduct: input.filedProduct }),
    annex1: input.annex1 ?? {},
    ...(input.commitmentLetter === undefined ? {} : { commitmentLetter: input.commitmentLetter }),
  };
  // QUAL-6: the platform stamps the day; the insurer cannot state it (a declared day defeated the June 15 due
  // date). An earlier paper submission is the city EMB's record (paper-filing.ts), merged where it is read.
  let filed: { filedOn: LocalDate; filedOnSource: FiledOnSource } | undefined;
  if (previous?.filedOn !== undefined) filed = { filedOn: previous.filedOn, filedOnSource: 'PLATFORM' };
  else if (isFilingComplete(content)) filed = { filedOn: today, filedOnSource: 'PLATFORM' };

  const filing: QualificationFiling = {
    tenantId: context.tenantId,
    year: context.year,
    ...content,
    ...(filed ?? {}),
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    updatedBy: context.by,
    version: (previous?.version ?? 0) + 1,
  };
  const changed = qualificationChanged.of(
    { id: `${filing.tenantId}-${filing.year}`, version: filing.version, tenantId: filing.tenantId },
    { year: filing.year, version: filing.version, ...(filing.filedOn === undefined ? {} : { filedOn: filing.filedOn }) },
  );
  return { state: filing, events: [changed] };
}
