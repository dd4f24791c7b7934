import { localDate, type LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { ReportKind, ReportPeriod } from './report-figures.js';

/** The years a report may be asked for: the platform's data starts well after 2000. */
export const FIRST_REPORT_YEAR = 2000;
export const LAST_REPORT_YEAR = 2100;

/**
 * RPT-1 (notice §四(二)二: 承保机构应于每年7月底和下一年度1月底前将半年度、年度…情况报市级应急管理部门和金融监管部门):
 * the half-year report covers January 1–June 30 and is due July 31 of the same year; the year report covers
 * the calendar year and is due January 31 of the next. The due day is the notice's calendar date, not moved off
 * a weekend or holiday: "7月底前" names the month's end, and moving it would only ever make it later.
 *
 * @example
 * reportPeriodOf(2026, 'HALF_YEAR'); // { year: 2026, kind: 'HALF_YEAR', from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-31' }
 */
export function reportPeriodOf(year: number, kind: ReportKind): ReportPeriod {
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    throw new RuleViolation('RPT-1', 'year', `RPT-1: year must be a year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}`, 400);
  }
  // RPT-2: the self-evaluation covers the calendar year like the year report and is due with it (DOMAIN-NOTES.md, RPT-2).
  return kind === 'HALF_YEAR'
    ? { year, kind, from: localDate(year, 1, 1), to: localDate(year, 6, 30), dueOn: localDate(year, 7, 31) }
    : { year, kind, from: localDate(year, 1, 1), to: localDate(year, 12, 31), dueOn: localDate(year + 1, 1, 31) };
}

/** `2026-H1` / `2026-Y` / `2026-SE` (RPT-2): the period in keys and file names (one report per insurer and period). */
export function periodKeyOf(period: Pick<ReportPeriod, 'year' | 'kind'>): string {
  return `${period.year}-${period.kind === 'HALF_YEAR' ? 'H1' : period.kind === 'YEAR' ? 'Y' : 'SE'}`;
}

/** 2026年上半年 / 2026年度: the period as a reader names it. */
export function periodNameOf(period: Pick<ReportPeriod, 'year' | 'kind'>): string {
  return period.kind === 'HALF_YEAR' ? `${period.year}年上半年` : `${period.year}年度`;
}

/** What the document is: 安责险报告 (RPT-1) or 服务质量评估报告 (RPT-2). */
export function documentNameOf(period: Pick<ReportPeriod, 'kind'>): string {
  return period.kind === 'SELF_EVALUATION' ? '事故预防服务质量评估报告' : '安责险报告';
}

/**
 * RPT-1: a report can be generated from the period's first day — a draft during the period shows the figures
 * so far (the insurer prepares its report) — but only a draft generated after the period's last day
 * (Asia/Shanghai) can be submitted ({@link assertCompleteDraft}): until then its figures would still move.
 *
 * @throws RuleViolation (RPT-1, 409) before the period starts.
 */
export function assertPeriodStarted(period: ReportPeriod, today: LocalDate): void {
  if (today < period.from) {
    throw new RuleViolation('RPT-1', 'year', `RPT-1: the period ${period.from}–${period.to} has not started; there is nothing to report yet`);
  }
}

/**
 * RPT-1: what is submitted covers the whole period — a draft generated on or before its last day is refused
 * for submission, and generating it again after the period gives the complete figures.
 *
 * @throws RuleViolation (RPT-1, 409) for a draft generated before the period was over.
 */
export function assertCompleteDraft(period: ReportPeriod, generatedOn: LocalDate): void {
  if (generatedOn <= period.to) {
    throw new RuleViolation(
      'RPT-1',
      undefined,
      `RPT-1: this draft was generated on ${generatedOn}, before the period ended on ${period.to}; generate the report again to submit the whole period`,
    );
  }
}

/**
 * RPT-1: a submission is late when it is made after the due day, on the platform's clock in Asia/Shanghai —
 * a report submitted on July 31 at 23:59 Beijing time is on time, one on August 1 at 00:00 is late.
 */
export function isLateSubmission(period: Pick<ReportPeriod, 'dueOn'>, submittedOn: LocalDate): boolean {
  return submittedOn > period.dueOn;
}
