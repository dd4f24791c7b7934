import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../../../domain/kernel/industry.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { EXTRA_SERVICES_BY_GRADE, assessRisk, riskGradeOf } from '../../../domain/services/risk-grade.js';
import type { RiskInput } from '../../../domain/services/risk-grade.js';
import { NO_MONITORING_DATA } from '../../../domain/services/monitoring.port.js';
import { expectViolation } from './fixtures.js';

const CLEAN: RiskInput = { industry: 'OTHER', size: 'MICRO', accidentRecordBasisPoints: 10_000, openHazards: { general: 0, major: 0 }, monitoring: NO_MONITORING_DATA };
const assess = (input: Partial<RiskInput>) => assessRisk({ ...CLEAN, ...input });

describe('SVC-12 risk grade', () => {
  it('SVC-12 explains every factor and sums them', () => {
    const result = assess({ industry: 'COAL_MINE', size: 'LARGE', accidentRecordBasisPoints: 11_500, openHazards: { general: 2, major: 1 }, monitoring: { source: 'FEED', alarms: 3 } });
    expect(result.factors).toEqual([
      { factor: 'INDUSTRY', points: 40, detail: '煤矿 (COAL_MINE)' },
      { factor: 'SIZE', points: 10, detail: 'LARGE' },
      { factor: 'ACCIDENT_RECORD', points: 15, detail: 'accident-record factor ×1.15' },
      { factor: 'OPEN_HAZARDS', points: 26, detail: '2 general, 1 major open' },
      { factor: 'MONITORING_ALARMS', points: 6, detail: '3 alarms' },
    ]);
    expect(result.score).toBe(97);
    expect(result.grade).toBe('HIGH');
  });

  it.each([
    { industry: 'COAL_MINE', points: 40 },
    { industry: 'NON_COAL_MINE', points: 40 },
    { industry: 'TAILINGS_POND', points: 40 },
    { industry: 'HAZCHEM', points: 30 },
    { industry: 'FIREWORKS', points: 30 },
    { industry: 'METAL_SMELTING', points: 30 },
    { industry: 'CHEMICAL', points: 20 },
    { industry: 'DUST_EXPLOSION', points: 20 },
    { industry: 'GAS_GENERATOR', points: 20 },
    { industry: 'CONFINED_SPACE', points: 20 },
    { industry: 'MASS_CASUALTY_OTHER', points: 20 },
    { industry: 'OTHER', points: 5 },
  ] as const)('SVC-12 industry class $industry scores $points', ({ industry, points }) => {
    expect(assess({ industry }).score).toBe(points);
  });

  it('SVC-12 every industry has an industry class', () => {
    for (const industry of INDUSTRIES) expect(assess({ industry }).factors[0]?.points).toBeGreaterThan(0);
  });

  it.each([
    { basisPoints: 7_000, points: -10 },
    { basisPoints: 9_000, points: -10 },
    { basisPoints: 9_950, points: 0 },
    { basisPoints: 10_000, points: 0 },
    { basisPoints: 10_099, points: 0 },
    { basisPoints: 10_100, points: 1 },
    { basisPoints: 13_000, points: 30 },
    { basisPoints: 20_000, points: 30 },
  ])('SVC-12 accident-record factor $basisPoints bp scores $points', ({ basisPoints, points }) => {
    const factor = assess({ accidentRecordBasisPoints: basisPoints }).factors.find((entry) => entry.factor === 'ACCIDENT_RECORD');
    expect(factor?.points).toBe(points);
    expect(Object.is(factor?.points, -0)).toBe(false);
  });

  it.each([
    { general: 5, major: 0, points: 15 },
    { general: 6, major: 0, points: 15 },
    { general: 0, major: 2, points: 40 },
    { general: 0, major: 3, points: 40 },
  ])('SVC-12 open hazards $general general / $major major score $points (capped)', ({ general, major, points }) => {
    expect(assess({ openHazards: { general, major } }).factors[3]?.points).toBe(points);
  });

  it('SVC-12 no monitoring data is said as such — not as 0 alarms — and scores nothing', () => {
    const none = assess({ industry: 'COAL_MINE', monitoring: NO_MONITORING_DATA });
    expect(none.factors[4]).toEqual({ factor: 'MONITORING_ALARMS', points: 0, detail: 'no monitoring data' });
    expect(none.inputs?.monitoringAlarms).toBeNull();
    const zero = assess({ industry: 'COAL_MINE', monitoring: { source: 'FEED', alarms: 0 } });
    expect(zero.factors[4]).toEqual({ factor: 'MONITORING_ALARMS', points: 0, detail: '0 alarms' });
    expect(zero.inputs?.monitoringAlarms).toBe(0);
  });

  it.each([
    { alarms: 10, points: 20 },
    { alarms: 11, points: 20 },
  ])('SVC-12 $alarms monitoring alarms score $points (capped)', ({ alarms, points }) => {
    expect(assess({ monitoring: { source: 'FEED', alarms } }).factors[4]?.points).toBe(points);
  });

  it.each([
    // Each pair straddles a boundary by one point.
    { why: 'LOW just below 30', input: { industry: 'CHEMICAL', size: 'MEDIUM', accidentRecordBasisPoints: 10_400 }, score: 29, grade: 'LOW' },
    { why: 'MEDIUM at 30', input: { industry: 'CHEMICAL', size: 'MEDIUM', accidentRecordBasisPoints: 10_500 }, score: 30, grade: 'MEDIUM' },
    { why: 'MEDIUM just below 60', input: { industry: 'COAL_MINE', size: 'LARGE', accidentRecordBasisPoints: 10_900 }, score: 59, grade: 'MEDIUM' },
    { why: 'HIGH at 60', input: { industry: 'COAL_MINE', size: 'LARGE', accidentRecordBasisPoints: 11_000 }, score: 60, grade: 'HIGH' },
    { why: 'a mine is MEDIUM by industry alone', input: { industry: 'COAL_MINE', size: 'SMALL' }, score: 40, grade: 'MEDIUM' },
    { why: 'a mine with one open major hazard is HIGH', input: { industry: 'COAL_MINE', size: 'SMALL', openHazards: { general: 0, major: 1 } }, score: 60, grade: 'HIGH' },
    { why: 'a clean micro OTHER is LOW', input: {}, score: 5, grade: 'LOW' },
  ] as const)('SVC-12 boundary: $why ($score → $grade)', ({ input, score, grade }) => {
    const result = assess(input);
    expect(result.score).toBe(score);
    expect(result.grade).toBe(grade);
  });

  it('SVC-12 riskGradeOf at the thresholds', () => {
    expect([29, 30, 59, 60].map((score) => riskGradeOf(score))).toEqual(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']);
  });

  it('RULES-1 SVC-12 the score sheet is rule-set data: a version with other points grades the same enterprise otherwise', () => {
    const input = { industry: 'HAZCHEM', size: 'LARGE', accidentRecordBasisPoints: 10_000, openHazards: { general: 0, major: 0 }, monitoring: NO_MONITORING_DATA } as const;
    expect(assessRisk(input).grade).toBe('MEDIUM'); // 30 + 10 under xinzhou-2024 v1
    const stricter = { ...XINZHOU_2024.riskScoreSheet, highFrom: 40 };
    expect(assessRisk(input, stricter)).toMatchObject({ grade: 'HIGH', score: 40 });
  });

  it('SVC-12 HIGH proposes a deep inspection, an inspection and a training; MEDIUM one inspection; LOW nothing', () => {
    expect(assess({ industry: 'COAL_MINE', openHazards: { general: 0, major: 1 } }).proposedExtra).toEqual([
      { type: 'HAZARD_INSPECTION', deep: true, count: 1 },
      { type: 'HAZARD_INSPECTION', deep: false, count: 1 },
      { type: 'TRAINING', deep: false, count: 1 },
    ]);
    expect(assess({ industry: 'COAL_MINE' }).proposedExtra).toEqual([{ type: 'HAZARD_INSPECTION', deep: false, count: 1 }]);
    expect(assess({}).proposedExtra).toEqual([]);
  });

  it('SVC-12 the proposal is a copy: changing it leaves the table intact', () => {
    const result = assess({ industry: 'COAL_MINE' });
    (result.proposedExtra[0] as { count: number }).count = 9;
    expect(EXTRA_SERVICES_BY_GRADE.MEDIUM[0]?.count).toBe(1);
  });

  it.each([
    { input: { openHazards: { general: -1, major: 0 } }, field: 'openHazards.general' },
    { input: { openHazards: { general: 0, major: 0.5 } }, field: 'openHazards.major' },
    { input: { monitoring: { source: 'FEED' as const, alarms: -2 } }, field: 'monitoring.alarms' },
    { input: { accidentRecordBasisPoints: 0 }, field: 'accidentRecordBasisPoints' },
  ])('SVC-12 $field out of range is refused (400)', ({ input, field }) => {
    expectViolation(() => assess(input), 'SVC-12', field, 400);
  });
});
