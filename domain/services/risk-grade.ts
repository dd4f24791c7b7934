import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import { RuleViolation } from '../kernel/errors.js';
import { INDUSTRY_NAMES_ZH } from '../kernel/industry.js';
import type { Industry } from '../kernel/industry.js';
import type { RiskScoreSheet } from '../kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../kernel/rule-set/xinzhou-2024.js';
import type { MonitoringAlarms } from './monitoring.port.js';
import type { RiskAssessmentResult, RiskGrade } from './service-plan.js';

/**
 * SVC-12: the enterprise's risk grade (高 / 中 / 低, 应急厅函〔2024〕322号), as a points score that explains
 * itself factor by factor. The notice names the inputs (industry, accident record, open hazards, monitoring
 * alarms) but no formula; this one is the platform's, kept simple enough to state in full. Its figures are
 * rule-set data (RULES-1, `riskScoreSheet`), so the city EMB can change them by publishing a version; the
 * table is xinzhou-2024's:
 *
 * | factor | points |
 * |---|---|
 * | INDUSTRY — COAL_MINE, NON_COAL_MINE, TAILINGS_POND | 40 |
 * | INDUSTRY — HAZCHEM, FIREWORKS, METAL_SMELTING | 30 |
 * | INDUSTRY — CHEMICAL, DUST_EXPLOSION, GAS_GENERATOR, CONFINED_SPACE, MASS_CASUALTY_OTHER | 20 |
 * | INDUSTRY — OTHER | 5 |
 * | SIZE (people exposed) — LARGE 10, MEDIUM 5, SMALL and MICRO 0 | 0–10 |
 * | ACCIDENT_RECORD — the UW-7 accident-record factor: 1 point per 1 % above ×1.00, 1 point off per 1 % below, within −10 … +30 (×1.20 → 20, ×0.90 → −10) | −10–30 |
 * | OPEN_HAZARDS — 3 per open GENERAL hazard (at most 15) + 20 per open MAJOR hazard (at most 40) | 0–55 |
 * | MONITORING_ALARMS — 2 per alarm in the period looked at (at most 20); 0 when there is no monitoring data | 0–20 |
 *
 * Without monitoring data (no feed yet: `NO_MONITORING_DATA`) the factor scores 0 and says so: the grade
 * then rests on the other four, and `inputs.monitoringAlarms` is null, never a made-up 0 alarms.
 *
 * Grade: **HIGH** from 60 points, **MEDIUM** from 30, **LOW** below 30. So a mine is at least MEDIUM by its
 * industry alone and HIGH with one open major hazard; an OTHER-industry micro enterprise with a clean record is
 * LOW.
 *
 * The grade drives what the plan proposes beyond the SVC-1 minimum ({@link EXTRA_SERVICES_BY_GRADE}):
 * - HIGH: one more deep hazard inspection (体检式精查), one more hazard inspection and one more training;
 * - MEDIUM: one more hazard inspection;
 * - LOW: nothing beyond the minimum.
 */
export const RISK_GRADE_THRESHOLDS = { HIGH: XINZHOU_2024.riskScoreSheet.highFrom, MEDIUM: XINZHOU_2024.riskScoreSheet.mediumFrom } as const;

/** SVC-12: the services each grade proposes beyond the SVC-1 minimum. */
export const EXTRA_SERVICES_BY_GRADE: Readonly<Record<RiskGrade, RiskAssessmentResult['proposedExtra']>> = {
  HIGH: [
    { type: 'HAZARD_INSPECTION', deep: true, count: 1 },
    { type: 'HAZARD_INSPECTION', deep: false, count: 1 },
    { type: 'TRAINING', deep: false, count: 1 },
  ],
  MEDIUM: [{ type: 'HAZARD_INSPECTION', deep: false, count: 1 }],
  LOW: [],
};

export interface RiskInput {
  readonly industry: Industry;
  readonly size: EnterpriseSize;
  /** The policy's `rating.factors.accidentRecord.basisPoints`; above 10000 means a worse record. */
  readonly accidentRecordBasisPoints: number;
  readonly openHazards: { readonly general: number; readonly major: number };
  /** The monitoring alarms in the period looked at, or no monitoring data (not the same as 0 alarms). */
  readonly monitoring: MonitoringAlarms;
}

function requireCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RuleViolation('SVC-12', field, `SVC-12: ${field} must be a whole number ≥ 0, got ${value}`, 400);
  }
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** The grade of a score (see the table above), under `sheet` (the policy's rule set's, RULES-1). */
export function riskGradeOf(score: number, sheet: RiskScoreSheet = XINZHOU_2024.riskScoreSheet): RiskGrade {
  if (score >= sheet.highFrom) return 'HIGH';
  if (score >= sheet.mediumFrom) return 'MEDIUM';
  return 'LOW';
}

/**
 * SVC-12: grade an insured enterprise, with the points of each factor and the services the grade proposes.
 *
 * @throws RuleViolation (SVC-12, 400) for a negative or fractional count or a non-positive accident factor.
 * @example
 * assessRisk({ industry: 'COAL_MINE', size: 'SMALL', accidentRecordBasisPoints: 10000,
 *   openHazards: { general: 0, major: 1 }, monitoring: NO_MONITORING_DATA }).grade; // 'HIGH' (40 + 20)
 */
export function assessRisk(input: RiskInput, sheet: RiskScoreSheet = XINZHOU_2024.riskScoreSheet): RiskAssessmentResult {
  requireCount(input.openHazards.general, 'openHazards.general');
  requireCount(input.openHazards.major, 'openHazards.major');
  const alarms = input.monitoring.source === 'FEED' ? input.monitoring.alarms : undefined;
  if (alarms !== undefined) requireCount(alarms, 'monitoring.alarms');
  if (!Number.isSafeInteger(input.accidentRecordBasisPoints) || input.accidentRecordBasisPoints <= 0) {
    throw new RuleViolation('SVC-12', 'accidentRecordBasisPoints', `SVC-12: the accident-record factor must be a positive whole number of basis points, got ${input.accidentRecordBasisPoints}`, 400);
  }
  // `|| 0` turns the -0 of a slightly better record (×0.995) into 0.
  const accidentPoints = clamp(Math.trunc((input.accidentRecordBasisPoints - 10_000) / 100), sheet.accidentPointsMin, sheet.accidentPointsMax) || 0;
  const generalPoints = Math.min(sheet.generalHazardMax, input.openHazards.general * sheet.generalHazardPoints);
  const majorPoints = Math.min(sheet.majorHazardMax, input.openHazards.major * sheet.majorHazardPoints);
  const alarmPoints = alarms === undefined ? 0 : Math.min(sheet.alarmMax, alarms * sheet.alarmPoints);
  const factors = [
    { factor: 'INDUSTRY', points: sheet.industryPoints[input.industry] ?? 0, detail: `${INDUSTRY_NAMES_ZH[input.industry]} (${input.industry})` },
    { factor: 'SIZE', points: sheet.sizePoints[input.size] ?? 0, detail: input.size },
    {
      factor: 'ACCIDENT_RECORD',
      points: accidentPoints,
      detail: `accident-record factor ×${(input.accidentRecordBasisPoints / 10_000).toFixed(2)}`,
    },
    {
      factor: 'OPEN_HAZARDS',
      points: generalPoints + majorPoints,
      detail: `${input.openHazards.general} general, ${input.openHazards.major} major open`,
    },
    { factor: 'MONITORING_ALARMS', points: alarmPoints, detail: alarms === undefined ? 'no monitoring data' : `${alarms} alarms` },
  ];
  const score = factors.reduce((sum, factor) => sum + factor.points, 0);
  const grade = riskGradeOf(score, sheet);
  const inputs = {
    industry: input.industry,
    size: input.size,
    accidentRecordBasisPoints: input.accidentRecordBasisPoints,
    openHazards: { general: input.openHazards.general, major: input.openHazards.major },
    monitoringAlarms: alarms ?? null,
  };
  return { grade, score, factors, inputs, proposedExtra: EXTRA_SERVICES_BY_GRADE[grade].map((extra) => ({ ...extra })) };
}
