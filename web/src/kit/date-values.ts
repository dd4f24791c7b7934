import dayjs, { type Dayjs } from 'dayjs';

/**
 * The console's date fields keep the API's strings in their forms: a calendar date `YYYY-MM-DD`, and a Xinzhou
 * wall-clock time `YYYY-MM-DDTHH:mm` (what `shanghaiInstant` turns into the instant the API takes). The pickers
 * show them as `YYYY-MM-DD` and `YYYY-MM-DD HH:mm` whatever the browser's locale (issue 15: native inputs showed
 * mm/dd/yyyy and a 12-hour clock beside antd's YYYY-MM-DD).
 */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/;

/** The picker's value for a form string (null when empty or not of the field's shape). */
export function pickerValueOf(value: string | undefined, withTime: boolean): Dayjs | null {
  if (!value || !(withTime ? DATE_TIME : DATE).test(value)) return null;
  const parsed = dayjs(value.replace(' ', 'T'));
  return parsed.isValid() ? parsed : null;
}

/** The form string for a picked value (undefined when cleared). */
export function formValueOf(picked: Dayjs | null | undefined, withTime: boolean): string | undefined {
  return picked ? picked.format(withTime ? WALL_CLOCK : DATE_FORMAT) : undefined;
}

/** Whether a day lies outside `[min, max]` (`YYYY-MM-DD` or a wall-clock time, its day counts). */
export function outsideDays(day: Dayjs, min: string | undefined, max: string | undefined): boolean {
  const date = day.format(DATE_FORMAT);
  return (min !== undefined && date < min.slice(0, 10)) || (max !== undefined && date > max.slice(0, 10));
}
