import { describe, expect, it } from 'vitest';
import { fileStamp, formatFen, formatInstant, formatWhole } from './format';

describe('formatFen', () => {
  it('shows integer fen as yuan with grouping and two decimals, the currency said once (issue 15: not ¥… 元)', () => {
    expect(formatFen(14034825, '元')).toBe('140,348.25 元');
    expect(formatFen(123456, '元')).toBe('1,234.56 元');
    expect(formatFen(0, '元')).toBe('0.00 元');
    expect(formatFen(5, '元')).toBe('0.05 元');
    expect(formatFen(100_000_000_00, '元')).toBe('100,000,000.00 元');
  });

  it('keeps the sign of refunds and reversals', () => {
    expect(formatFen(-123456, '元')).toBe('-1,234.56 元');
  });

  it('refuses non-integers rather than rounding money', () => {
    expect(formatFen(1.5, '元')).toBe('—');
    expect(formatFen(Number.NaN, '元')).toBe('—');
  });
});

describe('formatWhole', () => {
  it('groups whole amounts such as 营业收入 in 万元 (issue 15: shown without separators)', () => {
    expect(formatWhole(1234567)).toBe('1,234,567');
    expect(formatWhole(0)).toBe('0');
    expect(formatWhole(undefined)).toBe('');
  });
});

describe('formatInstant', () => {
  it('shows instants in Asia/Shanghai, whatever the offset they carry', () => {
    expect(formatInstant('2026-11-28T19:01:57.698Z')).toBe('2026-11-29 03:01');
    expect(formatInstant('2026-01-01T00:30:00+08:00')).toBe('2026-01-01 00:30');
  });

  it('leaves calendar dates alone: a deadline date is already a date in Xinzhou', () => {
    expect(formatInstant('2026-12-31')).toBe('2026-12-31');
  });

  it('names export files after the Shanghai time', () => {
    expect(fileStamp(new Date('2026-11-28T19:01:57Z'))).toBe('20261129-0301');
  });
});
