import { describe, expect, it } from 'vitest';
import { exTaxFen as domainExTax } from '../../../../domain/kernel/money';
import { ratedPremiumFen as domainRated } from '../../../../domain/underwriting/rating';
import { boundsText, exTaxFen, factorText, percentText, rateText, ratedPremiumFen } from './rates';

describe('rates as people read them', () => {
  it('shows ppm as ‰, basis points as ×1.00 and as %', () => {
    expect(rateText(3500)).toBe('3.5‰');
    expect(factorText(9500)).toBe('×0.95');
    expect(boundsText({ minBasisPoints: 8000, maxBasisPoints: 15000 })).toBe('×0.80–×1.50');
    expect(percentText(600)).toBe('6%');
  });

  it('previews the premium exactly as the server rates it (UW-7) and takes VAT out as UW-5 does', () => {
    // 300,000.00 CNY × 254 × 3.5‰ × 0.95 × 1.10 = 278,701.50 CNY (test/integration/underwriting.test.ts).
    expect(ratedPremiumFen(30_000_000, 254, 3500, [10_000, 9_500, 10_000, 11_000])).toBe(27_870_150);
    expect(exTaxFen(27_870_150, 600)).toBe(26_292_594);
    for (const [amount, people, rate, factors] of [
      [12_345_678, 17, 1125, [8_000, 10_525, 13_000, 9_001]],
      [1, 1, 1, [1, 1, 1, 1]],
      [99_999_999, 999, 999_999, [100_000, 100_000, 1, 7]],
    ] as const) {
      expect(ratedPremiumFen(amount, people, rate, factors)).toBe(domainRated(amount, people, rate, factors));
    }
    for (const premium of [1, 2, 105, 27_870_150, 999_999_999]) {
      for (const vat of [0, 300, 600, 1300]) expect(exTaxFen(premium, vat)).toBe(domainExTax(premium, vat));
    }
  });
});
