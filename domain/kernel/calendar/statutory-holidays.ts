import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarDate } from './lunar-calendar.js';
import { addDays, compareLocalDates, localDate } from './local-date.js';
import type { LocalDate } from './local-date.js';

/**
 * 清明 (the solar term 清明) in April of `year`, by the 寿星 formula [Y·0.2422 + C] − [Y/4] with the 21st-century
 * constant C = 4.81, in integers so that no floating-point edge can move the day. It agrees with
 * chinese-days' solar-term table for every year 2000–2100 (none of its listed exceptions is a 清明).
 */
function qingmingOf(year: number): LocalDate {
  const y = year - 2000;
  return localDate(year, 4, Math.floor((y * 2422 + 48_100) / 10_000) - Math.floor(y / 4));
}

/**
 * CAL-2: the rest days a year is sure to have before the State Council publishes its schedule, under
 * 《全国年节及纪念日放假办法》 as amended in 2024 (in force 2025-01-01), art. 2: 元旦 January 1; 春节 除夕 and
 * 正月初一 to 初三; 清明; 劳动节 May 1 and 2; 端午; 中秋; 国庆节 October 1 to 3. Sorted, without duplicates
 * (中秋 can fall on October 1, as in 2031).
 *
 * Left out on purpose: the 补假 for a holiday falling on a weekend and the 调休 exchanges, which only the yearly
 * notice fixes. The lunar and solar-term holidays are computed only for 2000–2100, the range of the lunar
 * table; outside it the fixed-date ones remain. Years before the shipped data (2004) get these 2025 rules
 * too, which is acceptable because the platform keeps no records that old. Either way the calendar marks
 * every such day provisional.
 *
 * @example
 * statutoryHolidaysOf(2027).slice(0, 5); // ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
 */
export function statutoryHolidaysOf(year: number): LocalDate[] {
  const holidays = [
    localDate(year, 1, 1),
    localDate(year, 5, 1),
    localDate(year, 5, 2),
    localDate(year, 10, 1),
    localDate(year, 10, 2),
    localDate(year, 10, 3),
  ];
  if (year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR) {
    const springFestival = lunarDate(year, 1, 1);
    holidays.push(
      addDays(springFestival, -1),
      springFestival,
      addDays(springFestival, 1),
      addDays(springFestival, 2),
      qingmingOf(year),
      lunarDate(year, 5, 5),
      lunarDate(year, 8, 15),
    );
  }
  return [...new Set(holidays)].sort(compareLocalDates);
}
