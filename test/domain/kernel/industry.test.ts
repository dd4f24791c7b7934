import { describe, expect, it } from 'vitest';
import {
  INDUSTRIES,
  INDUSTRY_NAMES_ZH,
  OBLIGATION_INDUSTRIES,
  industrySchema,
  industryScope,
  obligationIndustryOf,
} from '../../../domain/kernel/industry.js';
import { readEnterpriseRegister } from './enterprise-register.js';

describe('industries', () => {
  it('SCOPE-1 has the twelve codes of DOMAIN.md, each with its Chinese name', () => {
    expect(INDUSTRIES).toEqual([
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
    ]);
    expect(Object.keys(INDUSTRY_NAMES_ZH).sort()).toEqual([...INDUSTRIES].sort());
    expect(INDUSTRY_NAMES_ZH.TAILINGS_POND).toBe('尾矿库');
    expect(INDUSTRY_NAMES_ZH.GAS_GENERATOR).toBe('使用煤气发生炉工贸');
  });

  it('SCOPE-2 makes mines, tailings ponds, hazchem, fireworks and metal smelting mandatory', () => {
    expect(INDUSTRIES.filter((industry) => industryScope(industry) === 'MANDATORY')).toEqual([
      'COAL_MINE',
      'NON_COAL_MINE',
      'TAILINGS_POND',
      'HAZCHEM',
      'FIREWORKS',
      'METAL_SMELTING',
    ]);
  });

  it('SCOPE-3 promotes chemical and the industrial-trade risks, and only encourages OTHER', () => {
    expect(INDUSTRIES.filter((industry) => industryScope(industry) === 'PROMOTED')).toEqual([
      'CHEMICAL',
      'DUST_EXPLOSION',
      'GAS_GENERATOR',
      'CONFINED_SPACE',
      'MASS_CASUALTY_OTHER',
    ]);
    expect(industryScope('OTHER')).toBe('ENCOURAGED');
  });

  it('SCOPE-1 treats a tailings pond as a non-coal mine for obligations, and nothing else changes', () => {
    expect(obligationIndustryOf('TAILINGS_POND')).toBe('NON_COAL_MINE');
    for (const industry of INDUSTRIES.filter((code) => code !== 'TAILINGS_POND')) {
      expect(obligationIndustryOf(industry)).toBe(industry);
    }
    expect(OBLIGATION_INDUSTRIES).toHaveLength(11);
    expect(OBLIGATION_INDUSTRIES).not.toContain('TAILINGS_POND');
  });

  it('SCOPE-1 schema accepts every industry of the seed register and names the rule otherwise', () => {
    for (const row of readEnterpriseRegister()) expect(industrySchema.parse(row.industry)).toBe(row.industry);
    const result = industrySchema.safeParse('MINE');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^SCOPE-1: industry must be one of COAL_MINE, /);
  });
});
