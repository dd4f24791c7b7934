import { describe, expect, it } from 'vitest';
import {
  basisPointsToMultiplierText,
  basisPointsToPercentText,
  fenToYuanText,
  multiplierToBasisPoints,
  percentToBasisPoints,
  permilleToPpm,
  ppmToPermilleText,
  scaledInteger,
  scaledText,
  wholeNumber,
  yuanToFen,
} from './decimal';

describe('exact decimal conversions', () => {
  it('reads 元 into fen without floating point (UW-4: 299,999 元 is 29,999,900 fen)', () => {
    expect(yuanToFen('299999')).toBe(29_999_900);
    expect(yuanToFen('300,000.00')).toBe(30_000_000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen('¥ 12.34')).toBe(1234);
    expect(yuanToFen('.5')).toBe(50);
    expect(yuanToFen('007')).toBe(700);
  });

  it('refuses what is not a plain non-negative amount with at most two decimals', () => {
    for (const text of ['', ' ', '1.234', '-5', '1e5', '12元', 'abc', '1.2.3', '99999999999999999']) expect(yuanToFen(text), text).toBeUndefined();
    expect(yuanToFen(undefined)).toBeUndefined();
  });

  it('shows fen as 元 with two decimals', () => {
    expect(fenToYuanText(30_000_000)).toBe('300000.00');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(undefined)).toBe('');
  });

  it('turns ‰ into parts per million and back (UW-7 base rates)', () => {
    expect(permilleToPpm('3.5')).toBe(3500);
    expect(permilleToPpm('1.125')).toBe(1125);
    expect(permilleToPpm('1.1255')).toBeUndefined();
    expect(ppmToPermilleText(3500)).toBe('3.5');
    expect(ppmToPermilleText(1125)).toBe('1.125');
    expect(ppmToPermilleText(3000)).toBe('3.0');
  });

  it('turns multipliers into basis points and back (UW-7 factors)', () => {
    expect(multiplierToBasisPoints('0.95')).toBe(9500);
    expect(multiplierToBasisPoints('1')).toBe(10_000);
    expect(multiplierToBasisPoints('1.0525')).toBe(10_525);
    expect(basisPointsToMultiplierText(10_000)).toBe('1.00');
    expect(basisPointsToMultiplierText(9_500)).toBe('0.95');
    expect(basisPointsToMultiplierText(10_525)).toBe('1.0525');
  });

  it('turns percentages into basis points and back (QUAL-3 solvency, UW-6 shares)', () => {
    expect(percentToBasisPoints('235.6')).toBe(23_560);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(basisPointsToPercentText(23_560)).toBe('235.6');
    expect(basisPointsToPercentText(600)).toBe('6');
  });

  it('round-trips every scale', () => {
    for (const value of [0, 1, 9, 10, 99, 100, 123_456, 30_000_000]) {
      for (const decimals of [0, 2, 3, 4]) expect(scaledInteger(scaledText(value, decimals), decimals)).toBe(value);
    }
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber('254')).toBe(254);
    expect(wholeNumber('1,175')).toBe(1175);
    expect(wholeNumber('2.5')).toBeUndefined();
    expect(wholeNumber(12)).toBe(12);
  });
});
