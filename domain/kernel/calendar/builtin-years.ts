import { BUILTIN_DAYS, BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR } from './builtin-years.data.js';
import type { LocalDate } from './local-date.js';
import type { YearSchedule } from './year-schedule.js';

export { BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR };

/**
 * `MMDD` groups of one year → its dates. The packed form is chinese-days' data file cut down to the dates the
 * calendar reads (see infra/codegen/builtin-calendar.ts): the package's dayjs-based functions read dates in the
 * server's time zone and shift days west of UTC (CAL-2), and its whole JSON would add 44 KB to every Lambda.
 */
function datesOf(year: number, packed: string): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let at = 0; at < packed.length; at += 4) dates.push(`${year}-${packed.slice(at, at + 2)}-${packed.slice(at + 2, at + 4)}`);
  return dates;
}

function buildBuiltinYears(): readonly YearSchedule[] {
  const years: YearSchedule[] = [];
  for (let year = BUILTIN_FIRST_YEAR; year <= BUILTIN_LAST_YEAR; year += 1) {
    const [holidays, adjustedWorkdays] = BUILTIN_DAYS[year] ?? ['', ''];
    years.push({ year, holidays: datesOf(year, holidays), adjustedWorkdays: datesOf(year, adjustedWorkdays), source: 'builtin' });
  }
  return years;
}

/**
 * CAL-1: the State Council's schedules for 2004–2026 as shipped in chinese-days 1.5.7, one per year with dates
 * sorted. Later years are unknown to the package and must be loaded by the operator (CAL-2).
 */
export const BUILTIN_YEARS: readonly YearSchedule[] = buildBuiltinYears();
