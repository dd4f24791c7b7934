import { addDays, compareLocalDates, daysBetween, isLocalDate } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { ValidationFailed } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';

/**
 * CAL-2: the pasted form of a year's schedule, one day or range of days per line, as the operator copies it
 * from the State Council's notice (国务院办公厅关于节假日安排的通知):
 *
 * ```
 * # 元旦
 * 2027-01-01 休
 * 2027-02-06~2027-02-12 休     (a range: `~`, `～`, `至` or ` - ` between two dates)
 * 2027-02-14 班                (调休上班: a weekend day made a working day)
 * ```
 *
 * `休` (or `假`, `holiday`) is a rest day, `班` (or `work`) an adjusted working day. Blank lines and lines from
 * `#` are skipped; anything after the mark is a comment (`2027-01-01 休 元旦`). The notice's own prose
 * ("1月1日至3日放假调休") is not parsed: its wording changes from year to year, and a misread day would move
 * deadlines silently, so the operator writes the dates and the preview shows what they move.
 */
export interface PastedSchedule {
  readonly holidays: LocalDate[];
  readonly adjustedWorkdays: LocalDate[];
}

/** A range longer than this is a typo (the longest holiday, Spring Festival, is 8 or 9 days). */
const MAX_RANGE_DAYS = 31;

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|—|\s-\s)\s*(\d{4}-\d{2}-\d{2}))?\s+(休|假|班|holiday|work)(?:\s.*)?$/iu;

/**
 * Parses `text`; every bad line is reported at once, by its number (`line 3: …`), as a 400 naming the field.
 *
 * @throws ValidationFailed (CAL-2) naming each bad line.
 * @example
 * parsePastedSchedule('2027-01-01 休\n2027-02-07 班'); // { holidays: ['2027-01-01'], adjustedWorkdays: ['2027-02-07'] }
 */
export function parsePastedSchedule(text: string, field = 'text'): PastedSchedule {
  const holidays = new Set<LocalDate>();
  const adjustedWorkdays = new Set<LocalDate>();
  const problems: FieldProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ field, message: `line ${line}: ${message}`, rule: 'CAL-2' });

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const match = LINE.exec(content);
    if (!match) {
      problem(line, `"${content}" is not "YYYY-MM-DD 休" or "YYYY-MM-DD 班" (a range: "YYYY-MM-DD~YYYY-MM-DD 休")`);
      return;
    }
    const [, from = '', to = from, mark = ''] = match;
    const bad = [from, to].find((date) => !isLocalDate(date));
    if (bad !== undefined) {
      problem(line, `${bad} is not a calendar date`);
      return;
    }
    if (compareLocalDates(from, to) > 0) {
      problem(line, `the range ends (${to}) before it starts (${from})`);
      return;
    }
    if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
      problem(line, `a range of more than ${MAX_RANGE_DAYS} days is not a holiday`);
      return;
    }
    const into = /^(班|work)$/iu.test(mark) ? adjustedWorkdays : holidays;
    for (let day = from; compareLocalDates(day, to) <= 0; day = addDays(day, 1)) into.add(day);
  });
  if (problems.length === 0 && holidays.size === 0 && adjustedWorkdays.size === 0) {
    problems.push({ field, message: 'no day given: paste one line per day or range, such as "2027-01-01 休"', rule: 'CAL-2' });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  return { holidays: [...holidays].sort(), adjustedWorkdays: [...adjustedWorkdays].sort() };
}
