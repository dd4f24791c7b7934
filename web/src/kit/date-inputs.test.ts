import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATE_FORMAT, DATE_TIME_FORMAT, formValueOf, outsideDays, pickerValueOf } from './date-values';

const src = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx$/.test(name) && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('dates in forms (issue 15)', () => {
  it('are antd pickers shown YYYY-MM-DD (DateField / DateTimeField), no native date or datetime-local input left to follow the browser locale (mm/dd/yyyy, 12-hour)', () => {
    const native = sources(src)
      .filter((file) => /type=["'](date|datetime-local|time)["']|type:\s*["'](date|datetime-local|time)["']/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file).split('\\').join('/'))
      .sort();
    expect(native).toEqual([]);
  });

  it('keep the API strings in the form: YYYY-MM-DD and the Xinzhou wall clock YYYY-MM-DDTHH:mm, shown YYYY-MM-DD HH:mm', () => {
    expect(DATE_FORMAT).toBe('YYYY-MM-DD');
    expect(DATE_TIME_FORMAT).toBe('YYYY-MM-DD HH:mm');
    const day = pickerValueOf('2026-12-06', false);
    expect(day?.format(DATE_FORMAT)).toBe('2026-12-06');
    expect(formValueOf(day, false)).toBe('2026-12-06');
    const time = pickerValueOf('2026-12-06T14:05', true);
    expect(time?.format(DATE_TIME_FORMAT)).toBe('2026-12-06 14:05');
    expect(formValueOf(time, true)).toBe('2026-12-06T14:05');
    expect(pickerValueOf('12/06/2026', false)).toBeNull();
    expect(pickerValueOf('', true)).toBeNull();
    expect(formValueOf(null, true)).toBeUndefined();
  });

  it('refuse days outside min/max (a rectification deadline from today on, a complaint received up to now)', () => {
    const day = (date: string) => pickerValueOf(date, false)!;
    expect(outsideDays(day('2026-12-05'), '2026-12-06', undefined)).toBe(true);
    expect(outsideDays(day('2026-12-06'), '2026-12-06', undefined)).toBe(false);
    expect(outsideDays(day('2026-12-07'), undefined, '2026-12-06T10:00')).toBe(true);
    expect(outsideDays(day('2026-12-06'), undefined, '2026-12-06T10:00')).toBe(false);
  });
});
