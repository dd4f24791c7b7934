// Only the package's data file is used: its dayjs-based functions read dates in the server's time zone and
// shift days west of UTC (CAL-2). The import attribute makes this work in Node's own ESM loader, in tsx and
// vitest, and in an esbuild bundle (which inlines the JSON); the package has no `exports` map, so the deep
// path resolves everywhere.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf } from './local-date.js';
import type { LocalDate } from './local-date.js';
import type { YearSchedule } from './year-schedule.js';

/** The first year the shipped data (chinese-days 1.5.7) covers completely. */
export const BUILTIN_FIRST_YEAR = 2004;
/** The last year the shipped data covers; the operator loads later ones (CAL-2). */
export const BUILTIN_LAST_YEAR = 2026;

/**
 * The data's shape as this module relies on it: date → "English name,中文名,days". `inLieuDays` (days off in
 * exchange) is not read — those days are already listed under `holidays`.
 */
interface ChineseDaysData {
  holidays: Record<LocalDate, string>;
  workdays: Record<LocalDate, string>;
}

const data: ChineseDaysData = chineseDays;

function datesByYear(dates: Record<LocalDate, string>): Map<number, LocalDate[]> {
  const byYear = new Map<number, LocalDate[]>();
  for (const date of Object.keys(dates).sort()) {
    const year = yearOf(date);
    const list = byYear.get(year) ?? [];
    list.push(date);
    byYear.set(year, list);
  }
  return byYear;
}

function buildBuiltinYears(): readonly YearSchedule[] {
  const holidays = datesByYear(data.holidays);
  const workdays = datesByYear(data.workdays);
  const years: YearSchedule[] = [];
  for (let year = BUILTIN_FIRST_YEAR; year <= BUILTIN_LAST_YEAR; year += 1) {
    years.push({
      year,
      holidays: holidays.get(year) ?? [],
      adjustedWorkdays: workdays.get(year) ?? [],
      source: 'builtin',
    });
  }
  return years;
}

/**
 * CAL-1: the State Council's schedules for 2004–2026 as shipped in chinese-days 1.5.7, one per year with dates
 * sorted. Later years are unknown to the package and must be loaded by the operator (CAL-2).
 */
export const BUILTIN_YEARS: readonly YearSchedule[] = buildBuiltinYears();
