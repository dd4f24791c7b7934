import { addMonths, compareLocalDates, localDate, shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { onDateIn } from '../kernel/calendar/month-day.js';
import { RuleViolation, ValidationFailed } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';
import type { Industry } from '../kernel/industry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { instantOf } from '../kernel/calendar/instant.js';

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
 * A document already stored write-once in the archive (SVC-10): its id, the SHA-256 recorded when it was
 * archived (so the filing names exactly the bytes the regulators can verify), and the file name shown.
 */
export interface ArchiveRef {
  readonly archiveId: string;
  /** Lower-case hex SHA-256 of the archived bytes. */
  readonly sha256: string;
  readonly name: string;
}

/**
 * QUAL-1: a licence of the Xinzhou city-level branch — its 营业执照 or its 保险许可证. `expiresOn` is the last
 * day it is valid (inclusive); `null` means the document states no end (营业期限：长期), which is common for
 * branches' business licences.
 */
export interface LicenceDocument {
  readonly number: string;
  readonly expiresOn: LocalDate | null;
}

/** QUAL-1: what the insurer states about the branch that writes 安责险 in Xinzhou. */
export interface BranchProfile {
  /** Legal name of the branch, e.g. 中国人民财产保险股份有限公司忻州市分公司. */
  readonly name: string;
  /** A 市级分公司 set up in Xinzhou (not a county sub-branch, not the provincial branch). */
  readonly cityLevelBranchInXinzhou: boolean;
  /** The branch is licensed for property insurance (经营财产保险业务). */
  readonly writesPropertyInsurance: boolean;
}

/** QUAL-2: a major violation of law (重大违法记录) in the insurer's business, with the day it was decided. */
export interface MajorViolation {
  readonly decidedOn: LocalDate;
  /** Who decided it, e.g. 国家金融监督管理总局忻州监管分局. */
  readonly authority: string;
  readonly description: string;
}

/** QUAL-3: the prior-year figures (the year before the filing's year). */
export interface SolvencyFigures {
  /** 综合偿付能力充足率 in basis points: 10000 = 100%, 23560 = 235.60%. */
  readonly comprehensiveRatioBasisPoints: number;
  readonly riskRating: RiskRating;
}

/** QUAL-4: a named member of the risk-control service team (事故预防风控服务团队). */
export interface TeamMember {
  readonly name: string;
  /** Their role in the team, e.g. 负责人, 注册安全工程师. */
  readonly role?: string;
}

/** QUAL-4: the insurer's accident-prevention capability and the documents that show it. */
export interface PreventionCapability {
  /** The prevention-service system (事故预防风险服务制度体系): duties, process, quality, archives, complaints… */
  readonly systemDocument?: ArchiveRef;
  /** The service plan template (事故预防服务方案). */
  readonly planTemplate?: ArchiveRef;
  readonly riskControlTeam: readonly TeamMember[];
  /** Evidence of the team and the system in place: appointment letters, qualifications, organisation charts. */
  readonly evidence: readonly ArchiveRef[];
}

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

/** UW-7: the filed range of one factor, in basis points of a multiplier (10000 = ×1.00), both ends allowed. */
export interface FactorBounds {
  readonly minBasisPoints: number;
  readonly maxBasisPoints: number;
}

/**
 * UW-7: the filed bounds of every factor. The standardisation factor has a range per grade, because that is
 * what a grade means in a rate schedule (一级 discounts, none loads); a single range would let a 一级 enterprise
 * be loaded like one without a grade.
 */
export interface FactorBoundsTable {
  readonly accidentRecord: FactorBounds;
  readonly standardisation: Readonly<Record<StandardisationGrade, FactorBounds>>;
  readonly penalties: FactorBounds;
  readonly riskLevel: FactorBounds;
}

/**
 * QUAL-5, UW-7: the 安责险 product (clauses and rates) as filed with the financial regulator.
 *
 * Base rates are in **parts per million of the per-person insured amount, per covered employee, for the
 * policy period**: 3500 = 0.35% = 3.5‰. Rate schedules state 安责险 rates as ‰ of the insured amount with up to
 * three decimals (e.g. 1.125‰), which whole basis points cannot hold; millionths hold them exactly.
 */
export interface FiledProduct {
  /** The filing number with the financial regulator (备案编号). */
  readonly filingNumber: string;
  readonly name?: string;
  /** Base rate per industry (差别费率), in parts per million; an industry without one cannot be rated. */
  readonly baseRatesPpm: Readonly<Partial<Record<Industry, number>>>;
  readonly factorBounds: FactorBoundsTable;
}

/** QUAL-6: the commitment letter of Annex 2 (承诺函), as signed. */
export interface CommitmentLetter {
  /** The signatory (legal representative or principal of the branch). */
  readonly signedBy: string;
  readonly signedOn: LocalDate;
}

/**
 * QUAL-6: where `filedOn` comes from — the day the filing was first complete on the platform, or a day the
 * insurer declared because it submitted the materials to the city EMB on paper before entering them here.
 */
export type FiledOnSource = 'PLATFORM' | 'DECLARED';

/**
 * An insurer's qualification filing (承保资格报送) for one year: what the notice asks an insurer to submit to the
 * city EMB by June 15 (§一(二) and Annexes 1 and 2). A filing may be saved incomplete — a draft the insurer
 * completes over several sittings — because eligibility is never a stored flag: {@link evaluateEligibility}
 * computes it from the filing on a given day and says, criterion by criterion, what is missing.
 *
 * The solvency figures are those of the year before `year` ("上年度"). Dates are Asia/Shanghai days (CAL-1),
 * instants ISO 8601 in UTC.
 *
 * @example
 * const filing = fileQualification(undefined, body, { tenantId: 't-1', year: 2024, now, by: 'u-1' });
 * evaluateEligibility(filing, { onDate: '2024-09-27', blacklisted: false, coinsuranceRole: 'INDEPENDENT',
 *   ruleSet: XINZHOU_2024 }).eligible; // true when every criterion passes
 */
export interface QualificationFiling {
  readonly tenantId: string;
  readonly year: number;
  readonly branch?: BranchProfile;
  readonly businessLicence?: LicenceDocument;
  readonly insurancePermit?: LicenceDocument;
  /** Major violations the insurer discloses; an empty list declares none. */
  readonly majorViolations: readonly MajorViolation[];
  readonly solvency?: SolvencyFigures;
  readonly prevention: PreventionCapability;
  readonly filedProduct?: FiledProduct;
  /** Annex 1: the documents attached for each item; an item is attached when it has at least one document. */
  readonly annex1: Readonly<Partial<Record<Annex1ItemCode, readonly ArchiveRef[]>>>;
  readonly commitmentLetter?: CommitmentLetter;
  /**
   * QUAL-6: the day the filing was submitted (报送). Absent while the filing is an incomplete draft that no one
   * declared submitted. Once set it is kept by later amendments (renewing an expired licence does not make a
   * filing late), unless a later amendment declares another day.
   */
  readonly filedOn?: LocalDate;
  readonly filedOnSource?: FiledOnSource;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Optimistic lock: 1 when first saved, + 1 on every amendment. */
  readonly version: number;
}

/** What the insurer sends to save its filing for a year (`PUT /qualification/{year}`), as validated. */
export interface QualificationFilingInput {
  readonly branch?: BranchProfile;
  readonly businessLicence?: LicenceDocument;
  readonly insurancePermit?: LicenceDocument;
  readonly majorViolations?: readonly MajorViolation[];
  readonly solvency?: SolvencyFigures;
  readonly prevention?: Partial<PreventionCapability>;
  readonly filedProduct?: FiledProduct;
  readonly annex1?: Readonly<Partial<Record<Annex1ItemCode, readonly ArchiveRef[]>>>;
  readonly commitmentLetter?: CommitmentLetter;
  /** QUAL-6: declare the day the materials were submitted on paper; see {@link QualificationFiling.filedOn}. */
  readonly filedOn?: LocalDate;
}

/** The criteria {@link evaluateEligibility} reports, in this order. */
export const ELIGIBILITY_RULES = ['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6', 'BLK-1'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/**
 * One criterion of eligibility. `reason` is a plain-English sentence the console shows as is — why it passed
 * as much as why it failed. `waived` marks QUAL-3 for a co-insurance member, which passes without being tested.
 */
export interface EligibilityCriterion {
  readonly rule: EligibilityRule;
  readonly passed: boolean;
  readonly reason: string;
  readonly waived?: true;
}

/**
 * QUAL-1..6, BLK-1: an insurer's eligibility on one day, with every criterion and its reason. Computed on
 * demand and recorded on a decision (a policy stores the filing it relied on); never typed in.
 */
export interface EligibilityResult {
  readonly eligible: boolean;
  readonly onDate: LocalDate;
  readonly coinsuranceRole: CoinsuranceRole;
  /** The filing evaluated, absent when there was none. */
  readonly filingYear?: number;
  readonly filingVersion?: number;
  /** RULES-1: the rule set whose figures (QUAL-6's due date) were applied. */
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly criteria: readonly EligibilityCriterion[];
}

/** What {@link evaluateEligibility} needs besides the filing. */
export interface EligibilityContext {
  /** The day eligibility is asked for (UW-8: the issue date). */
  readonly onDate: LocalDate;
  /** BLK-1: whether the insurer is on the city EMB's / NFRA's joint-punishment blacklist on `onDate`. */
  readonly blacklisted: boolean;
  readonly coinsuranceRole: CoinsuranceRole;
  /** RULES-1: the rule set in force on `onDate`. */
  readonly ruleSet: RuleSet;
}

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
 * `filedOn` (QUAL-6) is, in this order: the day the input declares (materials submitted on paper before they
 * were entered here — recorded as DECLARED so regulators can tell), the day already recorded, or today when the
 * filing is complete for the first time (PLATFORM). An incomplete draft has no `filedOn`.
 *
 * @throws ValidationFailed listing every problem that is plain input (dates in the future), each with its rule.
 * @throws RangeError when `previous` belongs to another tenant or year — a caller's bug.
 * @example
 * const filing = fileQualification(undefined, body, { tenantId: 't-1', year: 2024, now: new Date('2024-06-03T02:00:00Z'), by: 'u-1' });
 * filing.filedOn; // '2024-06-03' when body attaches every Annex 1 item and the signed letter
 */
export function fileQualification(
  previous: QualificationFiling | undefined,
  input: QualificationFilingInput,
  context: FilingContext,
): QualificationFiling {
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
  if (input.filedOn !== undefined && compareLocalDates(input.filedOn, today) > 0) {
    problems.push({
      field: 'filedOn',
      message: `QUAL-6: a filing cannot be declared submitted after today (${today})`,
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
  let filed: { filedOn: LocalDate; filedOnSource: FiledOnSource } | undefined;
  if (input.filedOn !== undefined) filed = { filedOn: input.filedOn, filedOnSource: 'DECLARED' };
  else if (previous?.filedOn !== undefined) {
    filed = { filedOn: previous.filedOn, filedOnSource: previous.filedOnSource ?? 'PLATFORM' };
  } else if (isFilingComplete(content)) filed = { filedOn: today, filedOnSource: 'PLATFORM' };

  return {
    tenantId: context.tenantId,
    year: context.year,
    ...content,
    ...(filed ?? {}),
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    updatedBy: context.by,
    version: (previous?.version ?? 0) + 1,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------------------

function criterion(rule: EligibilityRule, passed: boolean, reason: string): EligibilityCriterion {
  return { rule, passed, reason };
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** QUAL-1: one licence's problem on `onDate`, or `undefined` when it is valid. */
function licenceProblem(what: string, licence: LicenceDocument | undefined, onDate: LocalDate): string | undefined {
  if (licence === undefined || isBlank(licence.number)) return `the ${what} is missing`;
  if (licence.expiresOn !== null && compareLocalDates(licence.expiresOn, onDate) < 0) {
    return `the ${what} ${licence.number} expired on ${licence.expiresOn}`;
  }
  return undefined;
}

function licenceValidity(licence: LicenceDocument): string {
  return licence.expiresOn === null ? 'with no expiry (长期)' : `valid until ${licence.expiresOn}`;
}

/**
 * QUAL-1: a city-level branch in Xinzhou that writes property insurance, holding a business licence (营业执照)
 * and an insurance permit (保险许可证) both valid on `onDate`. A document is valid through its `expiresOn`
 * day and expired from the day after.
 */
function qual1(filing: QualificationFiling, onDate: LocalDate): EligibilityCriterion {
  const { branch, businessLicence, insurancePermit } = filing;
  const problems: string[] = [];
  if (branch === undefined) problems.push('the branch is not described');
  else {
    if (!branch.cityLevelBranchInXinzhou) problems.push(`${branch.name} is not a city-level branch in Xinzhou`);
    if (!branch.writesPropertyInsurance) problems.push(`${branch.name} does not write property insurance`);
  }
  const licence = licenceProblem('business licence (营业执照)', businessLicence, onDate);
  const permit = licenceProblem('insurance permit (保险许可证)', insurancePermit, onDate);
  if (licence !== undefined) problems.push(licence);
  if (permit !== undefined) problems.push(permit);
  if (problems.length > 0 || branch === undefined || businessLicence === undefined || insurancePermit === undefined) {
    return criterion('QUAL-1', false, `Not met on ${onDate}: ${problems.join('; ')}.`);
  }
  return criterion(
    'QUAL-1',
    true,
    `${branch.name} is a city-level branch in Xinzhou writing property insurance; business licence ${businessLicence.number} ${licenceValidity(businessLicence)}; insurance permit ${insurancePermit.number} ${licenceValidity(insurancePermit)}.`,
  );
}

/**
 * QUAL-2: no major violation in the 3 years up to `onDate` (decided on or after `onDate` − 3 years, and not
 * after `onDate`: a later one does not change what was true that day), and not on the blacklist (BLK-1).
 */
function qual2(filing: QualificationFiling, onDate: LocalDate, blacklisted: boolean): EligibilityCriterion {
  const since = addMonths(onDate, -MAJOR_VIOLATION_LOOKBACK_MONTHS);
  const recent = filing.majorViolations
    .filter(
      (violation) => compareLocalDates(violation.decidedOn, since) >= 0 && compareLocalDates(violation.decidedOn, onDate) <= 0,
    )
    .sort((a, b) => compareLocalDates(a.decidedOn, b.decidedOn));
  const problems: string[] = [];
  if (recent.length > 0) {
    problems.push(
      `${recent.length} major violation(s) since ${since}: ${recent
        .map((violation) => `${violation.decidedOn} by ${violation.authority} (${violation.description})`)
        .join('; ')}`,
    );
  }
  if (blacklisted) problems.push('the insurer is on the joint-punishment blacklist (BLK-1)');
  if (problems.length > 0) return criterion('QUAL-2', false, `Not met on ${onDate}: ${problems.join('; ')}.`);
  return criterion('QUAL-2', true, `No major violation since ${since} and not on the joint-punishment blacklist.`);
}

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

/**
 * QUAL-3: prior-year comprehensive solvency adequacy ratio ≥ 100% and integrated risk rating A or B — waived
 * for a co-insurance MEMBER, since only the lead must meet it.
 */
function qual3(filing: QualificationFiling, role: CoinsuranceRole): EligibilityCriterion {
  if (role === 'MEMBER') {
    return {
      rule: 'QUAL-3',
      passed: true,
      waived: true,
      reason: 'Waived: as a co-insurance member the insurer need not meet QUAL-3; only the lead insurer must.',
    };
  }
  const priorYear = filing.year - 1;
  if (filing.solvency === undefined) {
    return criterion('QUAL-3', false, `Not met: the ${priorYear} solvency ratio and risk rating are missing.`);
  }
  const { comprehensiveRatioBasisPoints: ratio, riskRating } = filing.solvency;
  const problems: string[] = [];
  if (ratio < SOLVENCY_RATIO_FLOOR_BASIS_POINTS) {
    problems.push(`the ${priorYear} comprehensive solvency adequacy ratio is ${percent(ratio)}, below ${percent(SOLVENCY_RATIO_FLOOR_BASIS_POINTS)}`);
  }
  if (riskRating !== 'A' && riskRating !== 'B') {
    problems.push(`the integrated risk rating is ${riskRating}; it must be A or B`);
  }
  if (problems.length > 0) return criterion('QUAL-3', false, `Not met: ${problems.join('; ')}.`);
  return criterion(
    'QUAL-3',
    true,
    `The ${priorYear} comprehensive solvency adequacy ratio is ${percent(ratio)} (at least ${percent(SOLVENCY_RATIO_FLOOR_BASIS_POINTS)}) and the integrated risk rating is ${riskRating}.`,
  );
}

/**
 * QUAL-4: a prevention-service system document, a service plan template, a risk-control team with at least one
 * named member, and at least one evidence document.
 */
function qual4(filing: QualificationFiling): EligibilityCriterion {
  const { prevention } = filing;
  const named = prevention.riskControlTeam.filter((member) => !isBlank(member.name));
  const problems: string[] = [];
  if (prevention.systemDocument === undefined) problems.push('the prevention-service system document is missing');
  if (prevention.planTemplate === undefined) problems.push('the service plan template is missing');
  if (named.length === 0) problems.push('the risk-control team has no named member');
  if (prevention.evidence.length === 0) problems.push('no evidence document is attached');
  if (problems.length > 0) return criterion('QUAL-4', false, `Not met: ${problems.join('; ')}.`);
  return criterion(
    'QUAL-4',
    true,
    `Prevention-service system and plan template attached; risk-control team of ${named.length} named member(s); ${prevention.evidence.length} evidence document(s).`,
  );
}

/** QUAL-5: the 安责险 clauses and rates in use are filed with the financial regulator: a filing number and rates. */
function qual5(filing: QualificationFiling): EligibilityCriterion {
  const product = filing.filedProduct;
  if (product === undefined || isBlank(product.filingNumber)) {
    return criterion('QUAL-5', false, 'Not met: no filing number with the financial regulator for the 安责险 product.');
  }
  const rated = Object.keys(product.baseRatesPpm).length;
  if (rated === 0) {
    return criterion('QUAL-5', false, `Not met: the filed product ${product.filingNumber} states no base rate for any industry.`);
  }
  return criterion('QUAL-5', true, `Clauses and rates filed with the financial regulator under ${product.filingNumber} (base rates for ${rated} industr${rated === 1 ? 'y' : 'ies'}).`);
}

/**
 * QUAL-6: when a filing submitted on `filedOn` counts — from the later of that day and January 1 of its year until
 * the due date of the next year (inclusive), when the next year's filing takes over.
 *
 * @example
 * filingWindow({ year: 2024 }, '2024-06-03', XINZHOU_2024); // { from: '2024-06-03', until: '2025-06-15' }
 */
export function filingWindow(
  filing: Pick<QualificationFiling, 'year'>,
  filedOn: LocalDate,
  ruleSet: RuleSet,
): { from: LocalDate; until: LocalDate } {
  const yearStart = localDate(filing.year, 1, 1);
  return {
    from: compareLocalDates(filedOn, yearStart) > 0 ? filedOn : yearStart,
    until: onDateIn(ruleSet.qualificationFilingDue, filing.year + 1),
  };
}

/**
 * QUAL-6: every Annex 1 item attached and the Annex 2 commitment letter signed, submitted by the due date of the
 * filing's year (June 15 in 2024, a rule-set figure), and governing `onDate`.
 *
 * Decisions, where the notice is silent:
 * - **A late filing fails.** The notice admits insurers that submit "在6月15日前"; a filing made after the due
 *   date is kept and shown (regulators see it and its date) but does not make the insurer eligible for that
 *   filing year. The reason states the lateness.
 * - **A filing governs** from the later of its `filedOn` and January 1 of its year until the due date of the
 *   next year, when the next year's filing takes over; outside that window it fails (see {@link governingFiling}).
 */
function qual6(filing: QualificationFiling, onDate: LocalDate, ruleSet: RuleSet): EligibilityCriterion {
  const due = onDateIn(ruleSet.qualificationFilingDue, filing.year);
  const missing = missingAnnex1Items(filing);
  const problems: string[] = [];
  if (missing.length > 0) {
    const labels = ANNEX_1_ITEMS.filter((item) => missing.includes(item.code)).map((item) => `${item.labelZh} (${item.code})`);
    problems.push(`Annex 1 items not attached: ${labels.join('; ')}`);
  }
  const letter = filing.commitmentLetter;
  if (letter === undefined || isBlank(letter.signedBy)) problems.push('the Annex 2 commitment letter is not signed');
  if (problems.length > 0 || letter === undefined) return criterion('QUAL-6', false, `Not met: ${problems.join('; ')}.`);
  const filedOn = filing.filedOn;
  if (filedOn === undefined) return criterion('QUAL-6', false, 'Not met: the filing has not been submitted.');
  if (compareLocalDates(filedOn, due) > 0) {
    return criterion('QUAL-6', false, `Not met: the ${filing.year} filing was submitted late, on ${filedOn}; it was due by ${due}.`);
  }
  const { from, until } = filingWindow(filing, filedOn, ruleSet);
  if (compareLocalDates(onDate, from) < 0) {
    return criterion('QUAL-6', false, `Not met on ${onDate}: the ${filing.year} filing counts from ${from}.`);
  }
  if (compareLocalDates(onDate, until) > 0) {
    return criterion(
      'QUAL-6',
      false,
      `Not met on ${onDate}: the ${filing.year} filing counted until ${until}, when the ${filing.year + 1} filing was due.`,
    );
  }
  return criterion(
    'QUAL-6',
    true,
    `All ${ANNEX_1_ITEMS.length} Annex 1 items attached and the commitment letter signed by ${letter.signedBy} on ${letter.signedOn}; submitted on ${filedOn}, by the due date ${due}.`,
  );
}

/** BLK-1: a blacklisted insurer is ineligible. */
function blk1(blacklisted: boolean, onDate: LocalDate): EligibilityCriterion {
  return blacklisted
    ? criterion('BLK-1', false, `Not met: the insurer is on the joint-punishment blacklist on ${onDate}.`)
    : criterion('BLK-1', true, `Not on the joint-punishment blacklist on ${onDate}.`);
}

/**
 * QUAL-1..6, BLK-1: whether an insurer may issue 安责险 policies on `onDate`, with every criterion, its
 * pass/fail and the reason in plain English, in the order QUAL-1 … QUAL-6, BLK-1.
 *
 * - No filing: every QUAL criterion fails, saying there is no filing; BLK-1 is still evaluated, since the
 *   blacklist does not depend on the filing.
 * - QUAL-3 is waived (passed, `waived: true`) for a co-insurance MEMBER.
 * - QUAL-2 also fails when blacklisted, because DOMAIN.md puts "not on the blacklist" inside QUAL-2; BLK-1
 *   then fails too, so that the blacklist is visible on its own line.
 * - QUAL-6: a filing submitted after its year's due date fails (see `qual6`); so does one evaluated outside the
 *   window in which it governs. Use {@link governingFiling} to pick the filing for a day.
 *
 * @example
 * const result = evaluateEligibility(filing, { onDate: '2024-09-27', blacklisted: false,
 *   coinsuranceRole: 'LEAD', ruleSet: XINZHOU_2024 });
 * result.criteria.filter((c) => !c.passed).map((c) => c.rule); // e.g. ['QUAL-3']
 */
export function evaluateEligibility(
  filing: QualificationFiling | undefined,
  context: EligibilityContext,
): EligibilityResult {
  const { onDate, blacklisted, coinsuranceRole, ruleSet } = context;
  let criteria: EligibilityCriterion[];
  if (filing === undefined) {
    const reason = `Not met: the insurer has no qualification filing covering ${onDate}.`;
    criteria = [
      ...ELIGIBILITY_RULES.filter((rule) => rule !== 'BLK-1').map((rule) => criterion(rule, false, reason)),
      blk1(blacklisted, onDate),
    ];
  } else {
    criteria = [
      qual1(filing, onDate),
      qual2(filing, onDate, blacklisted),
      qual3(filing, coinsuranceRole),
      qual4(filing),
      qual5(filing),
      qual6(filing, onDate, ruleSet),
      blk1(blacklisted, onDate),
    ];
  }
  return {
    eligible: criteria.every((item) => item.passed),
    onDate,
    coinsuranceRole,
    ...(filing === undefined ? {} : { filingYear: filing.year, filingVersion: filing.version }),
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    criteria,
  };
}

/**
 * QUAL-6: the filing that governs `onDate`, among an insurer's filings (pass at least those of `onDate`'s year
 * and the year before). A filing for year Y governs from the later of its `filedOn` and Y-01-01 until the due
 * date of Y + 1; of two that govern, the later year wins (a 2025 filing submitted on 2025-05-20 takes over
 * from the 2024 one that day). When none governs, the filing of `onDate`'s year — or else the latest earlier
 * one — is returned, so that {@link evaluateEligibility} can say why it does not count (late, not yet
 * submitted, expired window); `undefined` when there is none at all.
 *
 * @example
 * governingFiling([filing2024, filing2025], '2025-03-01', XINZHOU_2024)?.year; // 2024 (2025's not yet filed)
 */
export function governingFiling(
  filings: readonly QualificationFiling[],
  onDate: LocalDate,
  ruleSet: RuleSet,
): QualificationFiling | undefined {
  const year = yearOf(onDate);
  const candidates = filings.filter((filing) => filing.year <= year).sort((a, b) => b.year - a.year);
  const governs = candidates.find((filing) => {
    if (filing.filedOn === undefined) return false;
    if (compareLocalDates(filing.filedOn, onDateIn(ruleSet.qualificationFilingDue, filing.year)) > 0) return false;
    const { from, until } = filingWindow(filing, filing.filedOn, ruleSet);
    return compareLocalDates(from, onDate) <= 0 && compareLocalDates(onDate, until) <= 0;
  });
  return governs ?? candidates[0];
}

/**
 * UW-8: the failing criteria of an eligibility result, e.g. for an error message.
 *
 * @example
 * failingCriteria(result).map((c) => c.rule); // ['QUAL-1', 'QUAL-3']
 */
export function failingCriteria(result: EligibilityResult): EligibilityCriterion[] {
  return result.criteria.filter((item) => !item.passed);
}

/**
 * UW-8: refusal because the insurer is not eligible on the issue date — a {@link RuleViolation} (409, rule UW-8)
 * whose message names every failing criterion with its reason, and which carries them in `criteria` so the
 * HTTP layer can return them as details.
 *
 * @example
 * throw new InsurerNotEligible(result);
 */
export class InsurerNotEligible extends RuleViolation {
  /** The failing criteria, in the order of {@link ELIGIBILITY_RULES}. */
  readonly criteria: readonly EligibilityCriterion[];

  constructor(result: EligibilityResult, tenantId?: string) {
    const failing = failingCriteria(result);
    const who = tenantId === undefined ? 'the insurer' : `insurer ${tenantId}`;
    super(
      'UW-8',
      undefined,
      `UW-8: ${who} is not eligible on ${result.onDate}; failing ${failing.map((item) => item.rule).join(', ')} — ${failing
        .map((item) => `${item.rule}: ${item.reason}`)
        .join(' ')}`,
      409,
      // One detail per failing criterion, in the error envelope's `{field, message, rule}` shape.
      failing.map((item) => ({ field: 'eligibility', message: item.reason, rule: item.rule })),
    );
    this.criteria = failing;
  }
}
