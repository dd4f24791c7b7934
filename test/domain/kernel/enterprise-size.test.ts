import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_SIZES,
  classifyEnterpriseSize,
  enterpriseSizeSchema,
} from '../../../domain/kernel/enterprise-size.js';
import { readEnterpriseRegister } from './enterprise-register.js';

describe('enterprise size', () => {
  it('SCOPE-4 reproduces the size of all 5,000 enterprises of the seed register', () => {
    const register = readEnterpriseRegister();
    expect(register).toHaveLength(5000);
    const mismatches = register.filter((row) => classifyEnterpriseSize(row) !== row.size);
    expect(mismatches).toEqual([]);
  });

  it('SCOPE-4 reaches a class exactly at both lower bounds', () => {
    expect(classifyEnterpriseSize({ staff: 1000, revenueWan: 40_000 })).toBe('LARGE');
    expect(classifyEnterpriseSize({ staff: 999, revenueWan: 40_000 })).toBe('MEDIUM');
    expect(classifyEnterpriseSize({ staff: 1000, revenueWan: 39_999.99 })).toBe('MEDIUM');
    expect(classifyEnterpriseSize({ staff: 300, revenueWan: 2_000 })).toBe('MEDIUM');
    expect(classifyEnterpriseSize({ staff: 299, revenueWan: 2_000 })).toBe('SMALL');
    expect(classifyEnterpriseSize({ staff: 20, revenueWan: 300 })).toBe('SMALL');
    expect(classifyEnterpriseSize({ staff: 19, revenueWan: 1_000_000 })).toBe('MICRO');
    expect(classifyEnterpriseSize({ staff: 20, revenueWan: 299 })).toBe('MICRO');
    expect(classifyEnterpriseSize({ staff: 0, revenueWan: 0 })).toBe('MICRO');
  });

  it('SCOPE-4 requires both thresholds: many staff with little revenue is not large', () => {
    expect(classifyEnterpriseSize({ staff: 5000, revenueWan: 1500 })).toBe('SMALL');
    expect(classifyEnterpriseSize({ staff: 25, revenueWan: 90_000 })).toBe('SMALL');
  });

  it('SCOPE-4 never ranks an enterprise higher than either figure alone allows', () => {
    const rank = (size: string): number => ENTERPRISE_SIZES.indexOf(size as (typeof ENTERPRISE_SIZES)[number]);
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(1_000_000), (staff, revenueWan) => {
        const size = rank(classifyEnterpriseSize({ staff, revenueWan }));
        expect(size).toBeGreaterThanOrEqual(rank(classifyEnterpriseSize({ staff, revenueWan: 1e12 })));
        expect(size).toBeGreaterThanOrEqual(rank(classifyEnterpriseSize({ staff: 1e12, revenueWan })));
      }),
    );
  });

  it('SCOPE-4 refuses negative or non-finite figures', () => {
    expect(() => classifyEnterpriseSize({ staff: -1, revenueWan: 10 })).toThrow(RangeError);
    expect(() => classifyEnterpriseSize({ staff: 10, revenueWan: Number.NaN })).toThrow(RangeError);
  });

  it('SCOPE-4 schema accepts the four classes and names the rule otherwise', () => {
    for (const size of ENTERPRISE_SIZES) expect(enterpriseSizeSchema.parse(size)).toBe(size);
    expect(enterpriseSizeSchema.safeParse('HUGE').error?.issues[0]?.message).toBe(
      'SCOPE-4: size must be one of LARGE, MEDIUM, SMALL, MICRO',
    );
  });
});
