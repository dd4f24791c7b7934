import { describe, expect, it } from 'vitest';
import { defaultReportPeriod, percentOf } from './report-values';

describe('report values (RPT-1)', () => {
  it('RPT-1 offers last year’s year report until June and this year’s half-year report from July', () => {
    expect(defaultReportPeriod('2027-01-15')).toEqual({ year: 2026, kind: 'YEAR' });
    expect(defaultReportPeriod('2026-06-30')).toEqual({ year: 2025, kind: 'YEAR' });
    expect(defaultReportPeriod('2026-07-01')).toEqual({ year: 2026, kind: 'HALF_YEAR' });
    expect(defaultReportPeriod('2026-12-06')).toEqual({ year: 2026, kind: 'HALF_YEAR' });
  });

  it('shows basis points as a percentage with two decimals', () => {
    expect([percentOf(1500), percentOf(2100), percentOf(1537), percentOf(5), percentOf(0), percentOf(-250)]).toEqual(['15.00%', '21.00%', '15.37%', '0.05%', '0.00%', '-2.50%']);
  });
});
