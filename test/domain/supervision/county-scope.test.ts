import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { countyScopeOf, inCountyScope } from '../../../domain/supervision/county-scope.js';

const xinfuEmb = { agency: 'EMB_COUNTY', county: '140902' } as const;

describe('county scope of the regulators’ supervision lists (ACL-4)', () => {
  it('ACL-4 holds a county EMB to its own county, whether it names it or not', () => {
    expect(countyScopeOf(xinfuEmb, undefined)).toBe('140902');
    expect(countyScopeOf(xinfuEmb, '140902')).toBe('140902');
  });

  it('ACL-4 refuses a county EMB another county, and one whose token has no county', () => {
    expect(() => countyScopeOf(xinfuEmb, '140981')).toThrow(Forbidden);
    expect(() => countyScopeOf({ agency: 'EMB_COUNTY' }, undefined)).toThrow(/ACL-4/);
  });

  it('ACL-2 lets the city EMB and the NFRA read every county or the one they name', () => {
    for (const agency of ['EMB_CITY', 'NFRA'] as const) {
      expect(countyScopeOf({ agency }, undefined)).toBeUndefined();
      expect(countyScopeOf({ agency }, '140981')).toBe('140981');
      expect(inCountyScope({ agency }, '140981')).toBe(true);
    }
  });

  it('ACL-4 keeps another county’s record out of a county EMB’s view', () => {
    expect(inCountyScope(xinfuEmb, '140902')).toBe(true);
    expect(inCountyScope(xinfuEmb, '140981')).toBe(false);
  });
});
