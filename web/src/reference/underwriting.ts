/**
 * The underwriting vocabulary of DOMAIN.md §1–§3 the console shows: industries (SCOPE-1..3), the items of
 * Annex 1 (QUAL-6), the rating scales (QUAL-3, UW-7). Mirrored from `domain/` (which the browser bundle does
 * not import: it would pull the server's validation library in); `domain-mirror.test.ts` fails when the two
 * drift apart. Names are data, like the county names: the official Chinese and an English rendering.
 */

export const INDUSTRY_CODES = [
  'COAL_MINE',
  'NON_COAL_MINE',
  'TAILINGS_POND',
  'HAZCHEM',
  'FIREWORKS',
  'METAL_SMELTING',
  'CHEMICAL',
  'DUST_EXPLOSION',
  'GAS_GENERATOR',
  'CONFINED_SPACE',
  'MASS_CASUALTY_OTHER',
  'OTHER',
] as const;
export type Industry = (typeof INDUSTRY_CODES)[number];

/** SCOPE-2/3: 全面实施 (an uninsured one is a finding), 全面推行 (advisory), 积极推广 (encouraged only). */
export type IndustryScope = 'MANDATORY' | 'PROMOTED' | 'ENCOURAGED';

export interface IndustryInfo {
  readonly code: Industry;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly scope: IndustryScope;
}

export const INDUSTRIES: readonly IndustryInfo[] = [
  { code: 'COAL_MINE', nameZh: '煤矿', nameEn: 'Coal mine', scope: 'MANDATORY' },
  { code: 'NON_COAL_MINE', nameZh: '非煤矿山', nameEn: 'Non-coal mine', scope: 'MANDATORY' },
  { code: 'TAILINGS_POND', nameZh: '尾矿库', nameEn: 'Tailings pond', scope: 'MANDATORY' },
  { code: 'HAZCHEM', nameZh: '危险化学品', nameEn: 'Hazardous chemicals', scope: 'MANDATORY' },
  { code: 'FIREWORKS', nameZh: '烟花爆竹', nameEn: 'Fireworks', scope: 'MANDATORY' },
  { code: 'METAL_SMELTING', nameZh: '金属冶炼', nameEn: 'Metal smelting', scope: 'MANDATORY' },
  { code: 'CHEMICAL', nameZh: '化工', nameEn: 'Chemical', scope: 'PROMOTED' },
  { code: 'DUST_EXPLOSION', nameZh: '粉尘涉爆工贸', nameEn: 'Combustible dust (industry & trade)', scope: 'PROMOTED' },
  { code: 'GAS_GENERATOR', nameZh: '使用煤气发生炉工贸', nameEn: 'Coal-gas generators (industry & trade)', scope: 'PROMOTED' },
  { code: 'CONFINED_SPACE', nameZh: '有限空间作业工贸', nameEn: 'Confined-space work (industry & trade)', scope: 'PROMOTED' },
  { code: 'MASS_CASUALTY_OTHER', nameZh: '其他可能导致群死群伤', nameEn: 'Other mass-casualty risk', scope: 'PROMOTED' },
  { code: 'OTHER', nameZh: '其他', nameEn: 'Other', scope: 'ENCOURAGED' },
];

const industryByCode = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));

/** The industry's name in the console's language; an unknown code is shown as is. */
export function industryName(code: string | undefined, locale: string): string {
  if (!code) return '';
  const industry = industryByCode.get(code as Industry);
  if (!industry) return code;
  return locale.startsWith('zh') ? industry.nameZh : industry.nameEn;
}

export const industryScopeOf = (code: Industry): IndustryScope => industryByCode.get(code)?.scope ?? 'ENCOURAGED';

/** QUAL-6: the items of Annex 1 (忻州市安责险承保机构报送资料清单), in the annex's order, codes as stored. */
export interface Annex1Item {
  readonly code: string;
  readonly section: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

export const ANNEX_1_ITEMS: readonly Annex1Item[] = [
  { code: 'HQ_BUSINESS_LICENCE', section: '（一）保险总公司相关资料', labelZh: '总公司营业执照影印件', labelEn: 'Head office: business licence (copy)' },
  { code: 'HQ_INSURANCE_PERMIT', section: '（一）保险总公司相关资料', labelZh: '总公司保险许可证影印件', labelEn: 'Head office: insurance permit (copy)' },
  {
    code: 'HQ_AUDITED_FINANCIALS',
    section: '（一）保险总公司相关资料',
    labelZh: '上年度经审计的审计报告（含偿付能力报表）及财务报表影印件（附注可不提供）',
    labelEn: 'Head office: prior-year audit report (with solvency statements) and financial statements',
  },
  { code: 'HQ_RISK_RATING', section: '（一）保险总公司相关资料', labelZh: '上年度风险综合评级', labelEn: 'Head office: prior-year integrated risk rating' },
  { code: 'PROVINCIAL_BUSINESS_LICENCE', section: '（二）保险山西分公司相关资料', labelZh: '分公司营业执照影印件', labelEn: 'Shanxi branch: business licence (copy)' },
  { code: 'PROVINCIAL_INSURANCE_PERMIT', section: '（二）保险山西分公司相关资料', labelZh: '分公司保险许可证影印件', labelEn: 'Shanxi branch: insurance permit (copy)' },
  {
    code: 'PROVINCIAL_SERVICE_TEAMS',
    section: '（二）保险山西分公司相关资料',
    labelZh: '省级服务团队及事故预防风控服务团队设置情况',
    labelEn: 'Shanxi branch: provincial service team and risk-control team',
  },
  { code: 'BRANCH_NETWORK', section: '（二）保险山西分公司相关资料', labelZh: '市、县（市、区）分支机构设置情况', labelEn: 'Shanxi branch: city and county offices' },
  {
    code: 'FILED_PRODUCT',
    section: '（三）经金融监管部门备案的安责险产品',
    labelZh: '经金融监管部门备案的安责险产品（含保险条款、费率规章）',
    labelEn: 'The 安责险 product filed with the financial regulator (clauses and rates)',
  },
  { code: 'LIABILITY_RECORD_3Y', section: '（四）近三年开展责任保险业绩', labelZh: '近三年开展责任保险业绩', labelEn: 'Liability insurance business of the last three years' },
  {
    code: 'PREVENTION_PLANS',
    section: '（五）事故预防实施方案',
    labelZh: '高危行业安责险事故预防实施方案，其他行业事故预防服务开展方案',
    labelEn: 'Accident-prevention plans for high-risk and other industries',
  },
  { code: 'COMMITMENT_LETTER', section: '（六）承诺函', labelZh: '承诺函', labelEn: 'Commitment letter (Annex 2)' },
];

export const annex1Label = (item: Annex1Item, locale: string): string => (locale.startsWith('zh') ? item.labelZh : item.labelEn);

/** QUAL-3: the integrated risk rating, best first; A and B pass. */
export const RISK_RATINGS = ['A', 'B', 'C', 'D'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/** UW-7: 一级, 二级, 三级, none. */
export const STANDARDISATION_GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3', 'NONE'] as const;
export type StandardisationGrade = (typeof STANDARDISATION_GRADES)[number];

/** The criteria of eligibility, in the order the server reports them. */
export const ELIGIBILITY_RULES = ['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6', 'BLK-1'] as const;

export const POLICY_STATUSES = ['ISSUED', 'CANCELLED'] as const;
export const ENTERPRISE_SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;
export const OTHER_SAFETY_INSURANCE_KINDS = ['EMPLOYER_LIABILITY', 'GROUP_ACCIDENT', 'PUBLIC_LIABILITY', 'OTHER'] as const;

/** SCOPE-4: derived from staff and revenue (万元) — both lower bounds must be met to reach a class. */
export function derivedEnterpriseSize(staff: number, revenueWan: number): (typeof ENTERPRISE_SIZES)[number] {
  if (staff >= 1000 && revenueWan >= 40_000) return 'LARGE';
  if (staff >= 300 && revenueWan >= 2_000) return 'MEDIUM';
  if (staff >= 20 && revenueWan >= 300) return 'SMALL';
  return 'MICRO';
}
