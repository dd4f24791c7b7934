import { describe, expect, it } from 'vitest';
import { ENTERPRISE_SIZES } from '../../../../domain/kernel/enterprise-size.js';
import { INDUSTRIES } from '../../../../domain/kernel/industry.js';
import { ruleSetSchema } from '../../../../domain/kernel/rule-set/rule-set.js';
import { svcObligationsFor } from '../../../../domain/kernel/rule-set/rule-set-registry.js';
import { XINZHOU_2024 } from '../../../../domain/kernel/rule-set/xinzhou-2024.js';

describe('the 2024 Xinzhou rule set', () => {
  it('RULES-1 is a valid rule set, in force from the notice date 2024-05-09', () => {
    expect(ruleSetSchema.parse(XINZHOU_2024)).toEqual(XINZHOU_2024);
    expect(XINZHOU_2024).toMatchObject({ id: 'xinzhou-2024', version: 1, effectiveFrom: '2024-05-09', region: '140900' });
  });

  it('UW-4 floor is 300,000 CNY per death, and UW-5 VAT defaults to 6%', () => {
    expect(XINZHOU_2024.deathLimitFloorFen).toBe(30_000_000);
    expect(XINZHOU_2024.vatRateBasisPoints).toBe(600);
  });

  it('FEE-1 floor is 15% and FEE-5 ceiling 21%', () => {
    expect(XINZHOU_2024.preventionFeeFloorBasisPoints).toBe(1500);
    expect(XINZHOU_2024.preventionFeeCeilingBasisPoints).toBe(2100);
  });

  it('QUAL-6, SVC-2, SVC-8, SVC-9 and SVC-10 periods are those of the notice', () => {
    expect(XINZHOU_2024.qualificationFilingDue).toEqual({ month: 6, day: 15 });
    expect(XINZHOU_2024.firstServiceMonths).toBe(3);
    expect(XINZHOU_2024.followUpWorkingDays).toBe(10);
    expect(XINZHOU_2024.archiveWorkingDays).toBe(20);
    expect(XINZHOU_2024.archiveRetentionYears).toBe(5);
  });

  it('CMP-2..4 and CMP-8 clocks: 10 and 30 working days, 30-day extension, NFRA 15/30/60 calendar days', () => {
    expect(XINZHOU_2024).toMatchObject({
      complaintReplyWorkingDays: 10,
      complaintVerificationWorkingDays: 30,
      complaintMaxExtensionDays: 30,
      workingDayClockEnabled: true,
      nfraClockEnabled: true,
      nfraDecisionCalendarDays: 15,
      nfraExtensionCalendarDays: 30,
      nfraMaxTotalCalendarDays: 60,
    });
  });

  it('RPT-1 and RPT-3 report days: July 31, January 31 of the next year, March 31', () => {
    expect(XINZHOU_2024.halfYearReportDue).toEqual({ month: 7, day: 31 });
    expect(XINZHOU_2024.yearReportDue).toEqual({ month: 1, day: 31 });
    expect(XINZHOU_2024.regulatorEvaluationDue).toEqual({ month: 3, day: 31 });
  });

  it('SVC-1 obligations are exactly the table of DOMAIN.md', () => {
    const mine = { riskAssessments: 2, hazardInspections: 2, deepInspections: 1 };
    const highRiskLarge = { riskAssessments: 1, hazardInspections: 1, deepInspections: 0 };
    const expected = (industry: string, size: string): unknown => {
      if (industry === 'COAL_MINE' || industry === 'NON_COAL_MINE' || industry === 'TAILINGS_POND') return mine;
      if (['HAZCHEM', 'FIREWORKS', 'METAL_SMELTING'].includes(industry)) {
        return size === 'LARGE' || size === 'MEDIUM' ? highRiskLarge : 'PER_PLAN';
      }
      return 'PER_PLAN';
    };
    for (const industry of INDUSTRIES) {
      for (const size of ENTERPRISE_SIZES) {
        expect(svcObligationsFor(XINZHOU_2024, industry, size), `${industry} ${size}`).toEqual(expected(industry, size));
      }
    }
  });

  it('RULES-1 a published version cannot be changed in place', () => {
    expect(() => {
      (XINZHOU_2024 as { deathLimitFloorFen: number }).deathLimitFloorFen = 1;
    }).toThrow(TypeError);
    const cell = svcObligationsFor(XINZHOU_2024, 'COAL_MINE', 'LARGE');
    expect(() => {
      if (cell !== 'PER_PLAN') cell.riskAssessments = 0;
    }).toThrow(TypeError);
  });
});
