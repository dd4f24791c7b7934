import type { GenerateReportRequest } from '../../api';

/**
 * RPT-1: the period most likely wanted on `today` (Asia/Shanghai) — before July, last year's year report (due
 * January 31); from July on, this year's half-year report (due July 31).
 *
 * @example defaultReportPeriod('2026-08-03'); // { year: 2026, kind: 'HALF_YEAR' }
 */
export function defaultReportPeriod(today: string): GenerateReportRequest {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? { year, kind: 'HALF_YEAR' } : { year: year - 1, kind: 'YEAR' };
}

/**
 * Basis points as a percentage with two decimals, by integer arithmetic (the figures' ratios).
 *
 * @example percentOf(1500); // '15.00%'
 */
export function percentOf(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const magnitude = Math.abs(basisPoints);
  return `${sign}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}%`;
}
