/**
 * The underwriting vocabulary of DOMAIN.md §1–§3 the console shows: industries (SCOPE-1..3), the items of
 * Annex 1 (QUAL-6), the rating scales (QUAL-3, UW-7). Codes, their order and their Chinese names are the
 * domain's own (through `./domain`); only the English renderings, which the domain does not have, are the
 * console's, keyed by the domain's codes so a new code fails the typecheck until it has its English name.
 */
import type { Industry } from '../api';
import { ANNEX_1_ITEMS as DOMAIN_ANNEX_1_ITEMS, INDUSTRY_CODES, INDUSTRY_NAMES_ZH, industryScope, type IndustryScope } from './domain';

export {
  ELIGIBILITY_RULES,
  ENTERPRISE_SIZES,
  INDUSTRY_CODES,
  OTHER_SAFETY_INSURANCE_KINDS,
  POLICY_STATUSES,
  RISK_RATINGS,
  STANDARDISATION_GRADES,
  classifyEnterpriseSize,
} from './domain';
export type { IndustryScope } from './domain';

const INDUSTRY_NAMES_EN: Readonly<Record<Industry, string>> = {
  COAL_MINE: 'Coal mine',
  NON_COAL_MINE: 'Non-coal mine',
  TAILINGS_POND: 'Tailings pond',
  HAZCHEM: 'Hazardous chemicals',
  FIREWORKS: 'Fireworks',
  METAL_SMELTING: 'Metal smelting',
  CHEMICAL: 'Chemical',
  DUST_EXPLOSION: 'Combustible dust (industry & trade)',
  GAS_GENERATOR: 'Coal-gas generators (industry & trade)',
  CONFINED_SPACE: 'Confined-space work (industry & trade)',
  MASS_CASUALTY_OTHER: 'Other mass-casualty risk',
  OTHER: 'Other',
};

export interface IndustryInfo {
  readonly code: Industry;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly scope: IndustryScope;
}

/** SCOPE-1, in the domain's order, with SCOPE-2/3's scope. */
export const INDUSTRIES: readonly IndustryInfo[] = INDUSTRY_CODES.map((code) => ({
  code,
  nameZh: INDUSTRY_NAMES_ZH[code],
  nameEn: INDUSTRY_NAMES_EN[code],
  scope: industryScope(code),
}));

const industryByCode = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));

/** The industry's name in the console's language; an unknown code is shown as is. */
export function industryName(code: string | undefined, locale: string): string {
  if (!code) return '';
  const industry = industryByCode.get(code as Industry);
  if (!industry) return code;
  return locale.startsWith('zh') ? industry.nameZh : industry.nameEn;
}

export const industryScopeOf = (code: Industry): IndustryScope => industryByCode.get(code)?.scope ?? 'ENCOURAGED';

type Annex1ItemCode = (typeof DOMAIN_ANNEX_1_ITEMS)[number]['code'];

const ANNEX_1_LABELS_EN: Readonly<Record<Annex1ItemCode, string>> = {
  HQ_BUSINESS_LICENCE: 'Head office: business licence (copy)',
  HQ_INSURANCE_PERMIT: 'Head office: insurance permit (copy)',
  HQ_AUDITED_FINANCIALS: 'Head office: prior-year audit report (with solvency statements) and financial statements',
  HQ_RISK_RATING: 'Head office: prior-year integrated risk rating',
  PROVINCIAL_BUSINESS_LICENCE: 'Shanxi branch: business licence (copy)',
  PROVINCIAL_INSURANCE_PERMIT: 'Shanxi branch: insurance permit (copy)',
  PROVINCIAL_SERVICE_TEAMS: 'Shanxi branch: provincial service team and risk-control team',
  BRANCH_NETWORK: 'Shanxi branch: city and county offices',
  FILED_PRODUCT: 'The 安责险 product filed with the financial regulator (clauses and rates)',
  LIABILITY_RECORD_3Y: 'Liability insurance business of the last three years',
  PREVENTION_PLANS: 'Accident-prevention plans for high-risk and other industries',
  COMMITMENT_LETTER: 'Commitment letter (Annex 2)',
};

/** QUAL-6: an item of Annex 1 (忻州市安责险承保机构报送资料清单), codes as stored. */
export interface Annex1Item {
  readonly code: Annex1ItemCode;
  readonly section: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

/** QUAL-6: the items of Annex 1 in the annex's order. */
export const ANNEX_1_ITEMS: readonly Annex1Item[] = DOMAIN_ANNEX_1_ITEMS.map((item) => ({ ...item, labelEn: ANNEX_1_LABELS_EN[item.code] }));

export const annex1Label = (item: Annex1Item, locale: string): string => (locale.startsWith('zh') ? item.labelZh : item.labelEn);
