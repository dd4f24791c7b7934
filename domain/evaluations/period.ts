import * as z from 'zod/mini';
import { localDate, localDateSchema, type LocalDate } from '../kernel/calendar/local-date.js';
import type { MonthDay } from '../kernel/calendar/month-day.js';
import { RuleViolation } from '../kernel/errors.js';
import type { ReportPeriod } from '../reports/report-figures.js';

export const FIRST_EVALUATION_YEAR = 2000;
export const LAST_EVALUATION_YEAR = 2100;

/** RPT-3: 每半年 — the first (H1) or second (H2) half-year — and the previous YEAR (due by March 31). */
export const EVALUATION_TERMS = ['H1', 'H2', 'YEAR'] as const;
export type EvaluationTerm = (typeof EVALUATION_TERMS)[number];

export const evaluationPeriodSchema = z.object({
  year: z.int(),
  term: z.enum(EVALUATION_TERMS),
  from: localDateSchema,
  to: localDateSchema,
  /** Only the year's evaluation has a due day in the notice (3月底前); a half-year's has none. */
  dueOn: z.optional(localDateSchema),
});
export type EvaluationPeriod = z.infer<typeof evaluationPeriodSchema>;

/**
 * RPT-3 (notice §四(二)一: 每半年…进行评估。每年3月底前…对承保机构上年度事故预防服务实施情况进行评估): H1 is
 * January–June, H2 July–December, YEAR the calendar year, due on the rule set's `regulatorEvaluationDue`
 * (March 31) of the next year. The half-years have no due day: the notice sets none.
 */
export function evaluationPeriodOf(year: number, term: EvaluationTerm, yearDue: MonthDay): EvaluationPeriod {
  if (!Number.isInteger(year) || year < FIRST_EVALUATION_YEAR || year > LAST_EVALUATION_YEAR) {
    throw new RuleViolation('RPT-3', 'year', `RPT-3: year must be a year from ${FIRST_EVALUATION_YEAR} to ${LAST_EVALUATION_YEAR}`, 400);
  }
  switch (term) {
    case 'H1':
      return { year, term, from: localDate(year, 1, 1), to: localDate(year, 6, 30) };
    case 'H2':
      return { year, term, from: localDate(year, 7, 1), to: localDate(year, 12, 31) };
    case 'YEAR':
      return { year, term, from: localDate(year, 1, 1), to: localDate(year, 12, 31), dueOn: localDate(year + 1, yearDue.month, yearDue.day) };
  }
}

/** `2026-H1`, `2026-H2`, `2026-Y`: the period in keys (sorting newest first within a year). */
export const evaluationPeriodKeyOf = (period: Pick<EvaluationPeriod, 'year' | 'term'>): string =>
  `${period.year}-${period.term === 'YEAR' ? 'Y' : period.term}`;

/** 2026年上半年 / 2026年下半年 / 2026年度. */
export const evaluationPeriodNameOf = (period: Pick<EvaluationPeriod, 'year' | 'term'>): string =>
  period.term === 'H1' ? `${period.year}年上半年` : period.term === 'H2' ? `${period.year}年下半年` : `${period.year}年度`;

/**
 * RPT-3: an insurer is evaluated on a period that is over — its records would still move before (409). The day
 * after the period's last day (Asia/Shanghai) is the first on which it can be evaluated.
 */
export function assertPeriodOver(period: EvaluationPeriod, today: LocalDate): void {
  if (today <= period.to) {
    throw new RuleViolation('RPT-3', 'term', `RPT-3: the period ${period.from}–${period.to} is not over; it can be evaluated from the day after ${period.to}`);
  }
}

/** RPT-3: published after the due day (Asia/Shanghai) — only a year's evaluation can be late. */
export const isLatePublication = (period: EvaluationPeriod, publishedOn: LocalDate): boolean =>
  period.dueOn !== undefined && publishedOn > period.dueOn;

/**
 * The period as the report figures read it (RPT-4's computation is reused for the computed items): a half-year
 * is the report's HALF_YEAR shape with its own dates; fees are read for the ledger year up to `to`.
 */
export const reportPeriodFor = (period: EvaluationPeriod): ReportPeriod => ({
  year: period.year,
  kind: period.term === 'YEAR' ? 'YEAR' : 'HALF_YEAR',
  from: period.from,
  to: period.to,
  dueOn: period.dueOn ?? period.to,
});
