import { describe, expect, it } from 'vitest';
import { XINZHOU_AREAS } from '../../../domain/kernel/area';
import { ENTERPRISE_SIZES as DOMAIN_SIZES, classifyEnterpriseSize } from '../../../domain/kernel/enterprise-size';
import { INDUSTRIES as DOMAIN_INDUSTRIES, INDUSTRY_NAMES_ZH, industryScope } from '../../../domain/kernel/industry';
import { OTHER_SAFETY_INSURANCE_KINDS as DOMAIN_OTHER_KINDS, POLICY_STATUSES as DOMAIN_STATUSES } from '../../../domain/underwriting/policy';
import {
  ANNEX_1_ITEMS as DOMAIN_ANNEX_1,
  ELIGIBILITY_RULES as DOMAIN_RULES,
  RISK_RATINGS as DOMAIN_RATINGS,
  STANDARDISATION_GRADES as DOMAIN_GRADES,
} from '../../../domain/underwriting/qualification';
import {
  ANNEX_1_ITEMS,
  derivedEnterpriseSize,
  ELIGIBILITY_RULES,
  ENTERPRISE_SIZES,
  INDUSTRIES,
  INDUSTRY_CODES,
  OTHER_SAFETY_INSURANCE_KINDS,
  POLICY_STATUSES,
  RISK_RATINGS,
  STANDARDISATION_GRADES,
} from './underwriting';
import { isValidUscc as domainIsValidUscc } from '../../../domain/kernel/uscc';
import { isValidUscc } from './uscc';
import { XINZHOU_COUNTIES } from './xinzhou-counties';

/** The console's copies of the domain's vocabulary (reference/) must say what domain/ says. */
describe('reference data mirrors domain/', () => {
  it('has the industries of SCOPE-1 with their Chinese names and scopes (SCOPE-2, SCOPE-3)', () => {
    expect(INDUSTRY_CODES).toEqual(DOMAIN_INDUSTRIES);
    expect(INDUSTRIES.map((industry) => industry.code)).toEqual(DOMAIN_INDUSTRIES);
    for (const industry of INDUSTRIES) {
      expect(industry.nameZh, industry.code).toBe(INDUSTRY_NAMES_ZH[industry.code]);
      expect(industry.scope, industry.code).toBe(industryScope(industry.code));
    }
  });

  it('has the Annex 1 items of QUAL-6 in the annex order, with their sections and Chinese labels', () => {
    expect(ANNEX_1_ITEMS.map(({ code, section, labelZh }) => ({ code, section, labelZh }))).toEqual(DOMAIN_ANNEX_1);
  });

  it('has the scales and statuses of QUAL and UW', () => {
    expect(RISK_RATINGS).toEqual(DOMAIN_RATINGS);
    expect(STANDARDISATION_GRADES).toEqual(DOMAIN_GRADES);
    expect(ELIGIBILITY_RULES).toEqual(DOMAIN_RULES);
    expect(POLICY_STATUSES).toEqual(DOMAIN_STATUSES);
    expect(ENTERPRISE_SIZES).toEqual(DOMAIN_SIZES);
    expect(OTHER_SAFETY_INSURANCE_KINDS).toEqual(DOMAIN_OTHER_KINDS);
  });

  it('has the areas of SCOPE-5', () => {
    expect(XINZHOU_COUNTIES.map((county) => county.code).sort()).toEqual(XINZHOU_AREAS.map((area) => area.code).sort());
    for (const county of XINZHOU_COUNTIES) expect(county.nameZh).toBe(XINZHOU_AREAS.find((area) => area.code === county.code)?.nameZh);
  });

  it('derives the size class as SCOPE-4 does', () => {
    for (const staff of [0, 19, 20, 299, 300, 999, 1000, 5000]) {
      for (const revenueWan of [0, 299, 300, 1999, 2000, 39_999, 40_000]) {
        expect(derivedEnterpriseSize(staff, revenueWan), `${staff}/${revenueWan}`).toBe(classifyEnterpriseSize({ staff, revenueWan }));
      }
    }
  });

  it('checks the USCC check character as UW-2 does', () => {
    const codes = ['91140902100079190P', '91140902100079190Q', '91140902101583807B', '911409811022173237', '91140900MA0GRP001X', 'abc', '91140902100079190'];
    for (let i = 0; i < 31; i += 1) codes.push(`9114090210007919${'0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(i)}P`);
    for (const code of codes) expect(isValidUscc(code), code).toBe(domainIsValidUscc(code));
  });
});
