import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

export interface DateFieldProps {
  readonly id?: string;
  /** A calendar date `YYYY-MM-DD` (Asia/Shanghai), as the API takes it. */
  readonly value?: string;
  readonly onChange?: (value: string | undefined) => void;
  readonly disabled?: boolean;
  readonly style?: CSSProperties;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean | 'true' | 'false';
  readonly 'aria-required'?: boolean | 'true' | 'false';
}

/**
 * A date field for forms whose values are `YYYY-MM-DD` strings: antd's picker, always shown as YYYY-MM-DD
 * (issue 15: native date inputs followed the browser's locale, mm/dd/yyyy, beside antd's YYYY-MM-DD pickers).
 * A drop-in for a native date input inside a `Form.Item`.
 */
export function DateField({ value, onChange, style, ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      value={parsed?.isValid() ? parsed : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%', ...style }}
    />
  );
}
