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
