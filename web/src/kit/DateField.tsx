import { DatePicker } from 'antd';
import 'dayjs/locale/zh-cn';
import type { CSSProperties } from 'react';
import { DATE_FORMAT, DATE_TIME_FORMAT, formValueOf, outsideDays, pickerValueOf } from './date-values';

export interface DateFieldProps {
  readonly id?: string;
  /** `YYYY-MM-DD` (DateField) or a Xinzhou wall-clock `YYYY-MM-DDTHH:mm` (DateTimeField), as the form keeps it. */
  readonly value?: string;
  readonly onChange?: (value: string | undefined) => void;
  /** The earliest day that may be picked (same shape as the value; only its day counts). */
  readonly min?: string;
  /** The latest day that may be picked. */
  readonly max?: string;
  readonly disabled?: boolean;
  readonly style?: CSSProperties;
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean | 'true' | 'false';
  readonly 'aria-required'?: boolean | 'true' | 'false';
}

function Picker({ value, onChange, min, max, style, withTime, ...rest }: DateFieldProps & { readonly withTime: boolean }) {
  return (
    <DatePicker
      {...rest}
      format={withTime ? DATE_TIME_FORMAT : DATE_FORMAT}
      {...(withTime ? { showTime: { format: 'HH:mm' }, needConfirm: false } : {})}
      {...(min !== undefined || max !== undefined ? { disabledDate: (day) => outsideDays(day, min, max) } : {})}
      value={pickerValueOf(value, withTime)}
      onChange={(date) => onChange?.(formValueOf(date, withTime))}
      // Enter takes the typed date; it must not also submit the form around the field half filled.
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
      style={{ width: '100%', ...style }}
    />
  );
}

/**
 * A date field for forms whose values are `YYYY-MM-DD` strings: antd's picker, always shown as YYYY-MM-DD
 * (issue 15: native date inputs followed the browser's locale, mm/dd/yyyy, beside antd's YYYY-MM-DD pickers).
 * A drop-in for a native date input inside a `Form.Item`.
 */
export function DateField(props: DateFieldProps) {
  return <Picker {...props} withTime={false} />;
}

/**
 * A Xinzhou wall-clock time field (`YYYY-MM-DDTHH:mm` in the form, shown `YYYY-MM-DD HH:mm`, 24-hour): the
 * replacement of `datetime-local` inputs, whose clock followed the browser (12-hour, mm/dd/yyyy). Typed text is
 * taken on Enter or when the field is left (no OK button to miss).
 */
export function DateTimeField(props: DateFieldProps) {
  return <Picker {...props} withTime />;
}
