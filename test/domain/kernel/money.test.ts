import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exTaxFen,
  fenToYuanString,
  isFen,
  percentOfFen,
  yuanAmountSchema,
  yuanToFen,
} from '../../../domain/kernel/money.js';

/** Exact rational reference: gross × 10000 ÷ (10000 + bp) with the remainder, in BigInt. */
function exactParts(numerator: bigint, denominator: bigint): { floor: bigint; remainder: bigint } {
  const floor = numerator / denominator - (numerator % denominator < 0n ? 1n : 0n);
  return { floor, remainder: numerator - floor * denominator };
}

/** Half up on the magnitude, written independently of the implementation. */
function referenceRound(numerator: bigint, denominator: bigint): number {
  const { floor, remainder } = exactParts(numerator, denominator);
  const twice = 2n * remainder;
  if (twice > denominator) return Number(floor + 1n);
  if (twice < denominator) return Number(floor);
  return Number(numerator < 0n ? floor : floor + 1n);
}

const amounts = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('money in fen', () => {
  it('parses yuan strings exactly', () => {
    expect(yuanToFen('106000.00')).toBe(10_600_000);
    expect(yuanToFen('106000')).toBe(10_600_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('-3.2')).toBe(-320);
    expect(yuanToFen('-0.00')).toBe(0);
    expect(Object.is(yuanToFen('-0'), 0)).toBe(true);
    expect(yuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses more than two decimals and anything that is not a plain decimal', () => {
    const garbage = ['1.005', '', 'abc', '1e3', '+1', ' 1', '1 ', '1,000', '1.', '.5', '--1', '1.2.3', '０', 'NaN'];
    for (const yuan of garbage) {
      expect(() => yuanToFen(yuan), yuan).toThrow(RangeError);
      expect(yuanAmountSchema.safeParse(yuan).success, yuan).toBe(false);
    }
    expect(() => yuanToFen('90071992547409.92')).toThrow(RangeError);
    expect(yuanAmountSchema.safeParse('90071992547409.92').success).toBe(false);
    expect(yuanAmountSchema.parse('106000.50')).toBe('106000.50');
  });

  it('formats fen with exactly two decimals', () => {
    expect(fenToYuanString(10_600_000)).toBe('106000.00');
    expect(fenToYuanString(0)).toBe('0.00');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(fenToYuanString(-12_345)).toBe('-123.45');
    expect(fenToYuanString(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => fenToYuanString(1.5)).toThrow(RangeError);
  });

  it('round-trips between fen and yuan strings', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (fen) => {
        expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
      }),
    );
  });

  it('isFen accepts only safe integers', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(-7)).toBe(true);
    expect(isFen(0.5)).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isFen(Number.NaN)).toBe(false);
    expect(isFen('100')).toBe(false);
  });

  it('UW-5 premium ex-tax: 106,000.00 CNY at 6% VAT is 100,000.00 CNY, and FEE-1 15% of it is 15,000.00', () => {
    const exTax = exTaxFen(10_600_000, 600);
    expect(exTax).toBe(10_000_000);
    expect(percentOfFen(exTax, 1500)).toBe(1_500_000);
  });

  it('UW-5 ex-tax rounds half up on the fen', () => {
    // 1 ÷ 1.06 = 0.943… → 1; 53 ÷ 1.06 = 50 exactly; 54 ÷ 1.06 = 50.94… → 51; 52 ÷ 1.06 = 49.05… → 49.
    expect(exTaxFen(1, 600)).toBe(1);
    expect(exTaxFen(53, 600)).toBe(50);
    expect(exTaxFen(54, 600)).toBe(51);
    expect(exTaxFen(52, 600)).toBe(49);
    // At a 100% rate the quotient is a half whenever the gross is odd.
    expect(exTaxFen(1, 10_000)).toBe(1);
    expect(exTaxFen(3, 10_000)).toBe(2);
    expect(exTaxFen(-3, 10_000)).toBe(-2);
    expect(exTaxFen(0, 600)).toBe(0);
    expect(exTaxFen(10_600_000, 0)).toBe(10_600_000);
  });

  it('UW-5 ex-tax matches an exact rational reference for any amount and rate', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 10_000 }), (gross, bp) => {
        expect(exTaxFen(gross, bp)).toBe(referenceRound(BigInt(gross) * 10_000n, 10_000n + BigInt(bp)));
      }),
    );
  });

  it('FEE-1 share of an amount rounds half up on the fen', () => {
    expect(percentOfFen(1, 5000)).toBe(1); // 0.5 → 1
    expect(percentOfFen(1, 4999)).toBe(0); // 0.4999 → 0
    expect(percentOfFen(3, 5000)).toBe(2); // 1.5 → 2
    expect(percentOfFen(10, 1500)).toBe(2); // 1.5 → 2
    expect(percentOfFen(9, 1500)).toBe(1); // 1.35 → 1
    expect(percentOfFen(11, 1500)).toBe(2); // 1.65 → 2
    expect(percentOfFen(-10, 1500)).toBe(-2); // a reversal mirrors its accrual
    expect(percentOfFen(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('FEE-1 share matches an exact rational reference and is symmetric in sign', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 100_000 }), (amount, bp) => {
        expect(percentOfFen(amount, bp)).toBe(referenceRound(BigInt(amount) * BigInt(bp), 10_000n));
        expect(percentOfFen(-amount, bp)).toBe(-percentOfFen(amount, bp) || 0);
      }),
    );
  });

  it('refuses fractional fen, fractional or negative basis points, and results beyond exact range', () => {
    expect(() => percentOfFen(1.5, 1500)).toThrow(RangeError);
    expect(() => percentOfFen(100, 15.5)).toThrow(RangeError);
    expect(() => percentOfFen(100, -1)).toThrow(RangeError);
    expect(() => exTaxFen(100, -600)).toThrow(RangeError);
    expect(() => exTaxFen(Number.NaN, 600)).toThrow(RangeError);
    expect(() => percentOfFen(Number.MAX_SAFE_INTEGER, 20_000)).toThrow(RangeError);
  });
});
