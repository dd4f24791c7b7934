import type { EvaluationMetric, EvaluationScoreSheet, EvaluationSheetItem } from '../kernel/rule-set/evaluation-score-sheet.js';
import type { ReportFigures } from '../reports/report-figures.js';

/** One figure behind a computed score, with its unit: a count, money in fen, or a ratio in basis points. */
export interface EvaluationEvidence {
  readonly label: string;
  readonly value: number;
  readonly unit: 'count' | 'fen' | 'bp';
}

/** A computed item's result: the rate achieved (basis points of full marks), the points and what they rest on. */
export interface ComputedResult {
  readonly score: number;
  readonly rateBp: number;
  /** Nothing to measure in the period (no follow-up, no complaint answered …): full marks, and it says so. */
  readonly notMeasurable: boolean;
  readonly evidence: readonly EvaluationEvidence[];
  /** The regulator's console page where the counted records are. */
  readonly link: string;
}

/** UW-11's base: the insurer's enterprises insured in the period, and how many of them the register (REG-1) holds. */
export interface CoverageFigures {
  readonly insuredEnterprises: number;
  readonly inRegister: number;
}

const FULL = 10_000;

/** Points for a share achieved, rounded to the nearest whole point (a weight of 20 at 93.4% is 19). */
export const pointsOf = (weight: number, rateBp: number): number => Math.round((weight * Math.min(Math.max(rateBp, 0), FULL)) / FULL);

/** A share in basis points, rounded down (a share just under full is not full marks); `undefined` over nothing. */
const share = (part: number, whole: number): number | undefined => (whole <= 0 ? undefined : Math.floor((part * FULL) / whole));

function result(weight: number, rateBp: number | undefined, evidence: EvaluationEvidence[], link: string): ComputedResult {
  const rate = rateBp ?? FULL;
  return { score: pointsOf(weight, rate), rateBp: rate, notMeasurable: rateBp === undefined, evidence, link };
}

/**
 * RPT-3: one computed item of the score sheet from the period's report figures (the same pure computation as
 * RPT-1's reports, so a regulator can recount each figure from the insurer's records) and the register check.
 * A metric with nothing to measure in the period scores full marks and is marked `notMeasurable`: an insurer is
 * not marked down for complaints it never received.
 */
export function computeMetric(metric: EvaluationMetric, weight: number, figures: ReportFigures, coverage: CoverageFigures): ComputedResult {
  const insurer = `/regulator/insurers/${encodeURIComponent(figures.tenantId)}`;
  switch (metric) {
    case 'SERVICE_TIMELINESS': {
      const { followUps, archives } = figures.services;
      const onTime = followUps.onTime + archives.onTime;
      const all = onTime + followUps.late + archives.late;
      return result(
        weight,
        share(onTime, all),
        [
          { label: '按期回访', value: followUps.onTime, unit: 'count' },
          { label: '逾期回访', value: followUps.late, unit: 'count' },
          { label: '按期归档', value: archives.onTime, unit: 'count' },
          { label: '逾期归档', value: archives.late, unit: 'count' },
        ],
        `${insurer}/services`,
      );
    }
    case 'COMPLAINTS_ON_TIME': {
      const { received, answeredOnTime, answeredLate } = figures.complaints;
      return result(
        weight,
        share(answeredOnTime, answeredOnTime + answeredLate),
        [
          { label: '收到投诉', value: received, unit: 'count' },
          { label: '按期答复', value: answeredOnTime, unit: 'count' },
          { label: '逾期答复', value: answeredLate, unit: 'count' },
        ],
        `${insurer}/complaints`,
      );
    }
    case 'FEE_RATIO': {
      const { receivedExTaxFen, spentFen, ratioBp, minimumRatioBp } = figures.fees;
      return result(
        weight,
        receivedExTaxFen <= 0 ? undefined : minimumRatioBp <= 0 ? FULL : share(ratioBp, minimumRatioBp),
        [
          { label: '实收保费（不含税）', value: receivedExTaxFen, unit: 'fen' },
          { label: '已列支事故预防费用', value: spentFen, unit: 'fen' },
          { label: '列支比例', value: ratioBp, unit: 'bp' },
          { label: '最低比例', value: minimumRatioBp, unit: 'bp' },
        ],
        `${insurer}/fees`,
      );
    }
    case 'COVERAGE':
      return result(
        weight,
        share(coverage.inRegister, coverage.insuredEnterprises),
        [
          { label: '期内承保企业', value: coverage.insuredEnterprises, unit: 'count' },
          { label: '其中列入企业底数', value: coverage.inRegister, unit: 'count' },
          { label: '期内保单', value: figures.underwriting.policies, unit: 'count' },
        ],
        '/regulator/coverage',
      );
    case 'HAZARD_CLOSURE': {
      const { found, rectified, major } = figures.services.hazards;
      return result(
        weight,
        share(rectified, found),
        [
          { label: '发现隐患', value: found, unit: 'count' },
          { label: '其中重大隐患', value: major, unit: 'count' },
          { label: '期末前已整改', value: rectified, unit: 'count' },
        ],
        `${insurer}/hazards`,
      );
    }
  }
}

/** The sheet's computed items, each with its result, in the sheet's order. */
export function computeSheet(
  sheet: EvaluationScoreSheet,
  figures: ReportFigures,
  coverage: CoverageFigures,
): ReadonlyMap<string, ComputedResult> {
  const results = new Map<string, ComputedResult>();
  for (const item of sheet.items) {
    if (item.measure === 'COMPUTED' && item.metric !== undefined) results.set(item.code, computeMetric(item.metric, item.weight, figures, coverage));
  }
  return results;
}

export type { EvaluationSheetItem };
