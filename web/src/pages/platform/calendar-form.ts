import type { CalendarYearBody } from '../../api';

/** One row of the form: a day or a range of days, a holiday (休) or a make-up working day (班). */
export interface CalendarRange {
  readonly from?: string;
  readonly to?: string;
  readonly kind?: 'HOLIDAY' | 'WORKDAY';
}

export interface CalendarForm {
  readonly year: number;
  readonly mode: 'form' | 'paste';
  readonly text?: string;
  readonly ranges?: readonly CalendarRange[];
}

/**
 * CAL-2: what the form sends. The ranges become the pasted-lines form (`2027-02-06~2027-02-12 休`), one line per
 * row, so the server's line-numbered refusals ("line 2: …") name the row the operator entered.
 */
export function scheduleBodyOf(values: Pick<CalendarForm, 'mode' | 'text' | 'ranges'>): CalendarYearBody {
  if (values.mode === 'paste') return { text: values.text ?? '' };
  const lines = (values.ranges ?? []).map(({ from = '', to, kind }) => `${from}${to && to !== from ? `~${to}` : ''} ${kind === 'WORKDAY' ? '班' : '休'}`);
  return { text: lines.join('\n') };
}

type Translate = (key: CalendarProblemKey | 'cal.line', values: Record<string, string>) => string;
export type CalendarProblemKey =
  | 'cal.err.format'
  | 'cal.err.date'
  | 'cal.err.order'
  | 'cal.err.long'
  | 'cal.err.empty'
  | 'cal.err.notInYear'
  | 'cal.err.both'
  | 'cal.err.weekday'
  | 'cal.err.other';

/** The server's CAL-2 refusals (domain/platform/calendar-paste.ts, year-schedule.ts), in the console's words. */
const PROBLEMS: readonly [RegExp, CalendarProblemKey][] = [
  [/^"(?<text>.*)" is not "YYYY-MM-DD 休"/, 'cal.err.format'],
  [/^(?<date>\S+) is not a calendar date/, 'cal.err.date'],
  [/^the range ends \((?<to>[^)]+)\) before it starts \((?<from>[^)]+)\)/, 'cal.err.order'],
  [/^a range of more than (?<days>\d+) days/, 'cal.err.long'],
  [/^no day given/, 'cal.err.empty'],
  [/^CAL-2: (?<date>\S+) is not in (?<year>\d+)/, 'cal.err.notInYear'],
  [/^CAL-2: (?<date>\S+) cannot be both/, 'cal.err.both'],
  [/^CAL-2: (?<date>\S+) is a weekday/, 'cal.err.weekday'],
];

/**
 * One refusal of a schedule as the operator reads it: `第 2 行：…` for a pasted (or form) line, the day for a
 * problem of the lists; a message the console does not know is shown as the server wrote it.
 */
export function calendarProblemText(message: string, t: Translate): string {
  const line = /^line (\d+): (.*)$/s.exec(message);
  const text = line?.[2] ?? message;
  const known = PROBLEMS.find(([pattern]) => pattern.test(text));
  const explained = known ? t(known[1], { ...(known[0].exec(text)?.groups ?? {}) }) : t('cal.err.other', { message: text });
  return line ? t('cal.line', { line: line[1] ?? '', message: explained }) : explained;
}
