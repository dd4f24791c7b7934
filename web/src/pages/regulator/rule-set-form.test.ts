import { describe, expect, it } from 'vitest';
import type { RuleSetVersion } from '../../api';
import { XINZHOU_2024 } from '../../../../domain/kernel/rule-set/xinzhou-2024';
import { cellText, figuresFrom, formValuesOf, parseCell } from './rule-set-form';

const latest = structuredClone(XINZHOU_2024) as unknown as RuleSetVersion['ruleSet'];

describe('RULES-1 the publish form of a rule-set version', () => {
  it('RULES-1 reads and writes SVC-1 cells as a/b/c or the per-plan word, refusing deep above inspections', () => {
    expect(cellText({ riskAssessments: 2, hazardInspections: 2, deepInspections: 1 }, '按方案')).toBe('2/2/1');
    expect(parseCell('按方案', '按方案')).toBe('PER_PLAN');
    expect(parseCell(' 3/2/1 ', '按方案')).toEqual({ riskAssessments: 3, hazardInspections: 2, deepInspections: 1 });
    expect(parseCell('1/1/2', '按方案')).toBeUndefined();
    expect(parseCell('两次', '按方案')).toBeUndefined();
  });

  it('RULES-1 sends the latest figures with the edited ones replaced, in basis points and fen', () => {
    const values = { ...formValuesOf(latest, '按方案'), effectiveFrom: '2027-01-01', note: '调整', floorPercent: 16.5, deathLimitYuan: 400_000, filingDue: '06-30' };
    const svc = { ...values.svc, HAZCHEM: { ...values.svc.HAZCHEM, SMALL: '1/1/0' } } as typeof values.svc;
    const figures = figuresFrom(latest, { ...values, svc }, '按方案');
    expect(figures).toMatchObject({ effectiveFrom: '2027-01-01', preventionFeeFloorBasisPoints: 1650, deathLimitFloorFen: 40_000_000, qualificationFilingDue: { month: 6, day: 30 } });
    expect(figures.svcObligations.HAZCHEM?.SMALL).toEqual({ riskAssessments: 1, hazardInspections: 1, deepInspections: 0 });
    expect(figures.svcObligations.OTHER?.LARGE).toBe('PER_PLAN');
    expect(figures.vatRates).toEqual(latest.vatRates);
    expect('id' in figures || 'version' in figures || 'region' in figures).toBe(false);
  });
});
