import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTOR_ONE, PPM, proRataDeltaFen, ratePolicy, ratedPremiumFen, rerate } from '../../../domain/underwriting/rating.js';
import type { RatingFactorsInput } from '../../../domain/underwriting/rating.js';
import { BODY, BODY_PREMIUM_FEN, FLOOR_FEN, PRODUCT, expectRuleViolation } from './fixtures.js';

const COAL = { industry: 'COAL_MINE', employeesCovered: 254, perPersonInsuredAmountFen: FLOOR_FEN, periodDays: 365 } as const;
const FACTORS: RatingFactorsInput = BODY.rating;

/** Exact reference: the rational product rounded half up, written independently with BigInt. */
function reference(amount: number, employees: number, ppm: number, factors: readonly number[]): number {
  let numerator = BigInt(amount) * BigInt(employees) * BigInt(ppm);
  let denominator = BigInt(PPM);
  for (const factor of factors) {
    numerator *= BigInt(factor);
    denominator *= BigInt(FACTOR_ONE);
  }
  const floor = numerator / denominator;
  return Number(2n * (numerator - floor * denominator) >= denominator ? floor + 1n : floor);
}

describe('rating (UW-7)', () => {
  it('UW-7 rates a coal mine exactly to the fen and returns the applied factors with their filed bounds', () => {
    // 300,000.00 CNY × 254 × 3.5‰ = 266,700.00 CNY; × 1.00 × 0.95 × 1.00 × 1.10 = 278,701.50 CNY
    expect(ratePolicy(COAL, FACTORS, PRODUCT)).toEqual({
      filingNumber: PRODUCT.filingNumber,
      baseRatePpm: 3500,
      factors: {
        accidentRecord: { basisPoints: 10_000, minBasisPoints: 8_000, maxBasisPoints: 15_000 },
        standardisation: { basisPoints: 9_500, minBasisPoints: 9_000, maxBasisPoints: 10_000, grade: 'GRADE_2' },
        penalties: { basisPoints: 10_000, minBasisPoints: 10_000, maxBasisPoints: 13_000 },
        riskLevel: { basisPoints: 11_000, minBasisPoints: 9_000, maxBasisPoints: 12_000 },
      },
      basePremiumFen: 26_670_000,
      ratedPremiumFen: BODY_PREMIUM_FEN,
      ratedPeriodDays: 365,
    });
  });

  it('UW-7 rounds once, half up on the fen, never step by step', () => {
    // 333,333.33 CNY × 7 × 1.234‰ = 287,933.330454 fen; × 1.05 × 0.97 × 1.03 × 1.11 = 335,284.2689… fen
    expect(ratedPremiumFen(33_333_333, 7, 1234, [10_500, 9_700, 10_300, 11_100])).toBe(335_284);
    expect(ratedPremiumFen(1, 1, 500_000, [])).toBe(1); // 0.5 fen rounds up
    expect(ratedPremiumFen(1, 1, 499_999, [])).toBe(0);
    expect(ratedPremiumFen(3, 1, 500_000, [])).toBe(2); // 1.5 fen
    // Rounding each factor's step would give 1 fen here (0.5 → 1, × 0.9 = 0.9 → 1); the exact product is 0.45 → 0.
    expect(ratedPremiumFen(1, 1, 500_000, [9_000])).toBe(0);
  });

  it('UW-7 bounds are inclusive at both ends', () => {
    const edges: RatingFactorsInput = {
      accidentRecordBasisPoints: 15_000,
      standardisationGrade: 'NONE',
      standardisationBasisPoints: 10_500,
      penaltiesBasisPoints: 10_000,
      riskLevelBasisPoints: 9_000,
    };
    expect(ratePolicy(COAL, edges, PRODUCT).ratedPremiumFen).toBe(reference(FLOOR_FEN, 254, 3500, [15_000, 10_500, 10_000, 9_000]));
  });

  it.each([
    ['accidentRecordBasisPoints', { accidentRecordBasisPoints: 15_001 }, 'accident-record factor (事故记录) is 15001 bp, outside its filed bounds 8000–15000 bp'],
    ['penaltiesBasisPoints', { penaltiesBasisPoints: 9_999 }, 'administrative-penalty factor (接受处罚情况) is 9999 bp'],
    ['riskLevelBasisPoints', { riskLevelBasisPoints: 12_500 }, 'risk-level factor (安全风险程度) is 12500 bp'],
    [
      'standardisationBasisPoints',
      { standardisationGrade: 'GRADE_1', standardisationBasisPoints: 9_500 },
      'standardisation factor (标准化建设等级) for GRADE_1 is 9500 bp, outside its filed bounds 8000–9000 bp',
    ],
  ] as const)('UW-7 refuses a factor outside its filed bounds, naming it: %s', (field, change, message) => {
    const error = expectRuleViolation(() => ratePolicy(COAL, { ...FACTORS, ...change }, PRODUCT), 'UW-7', `rating.${field}`, 400);
    expect(error.message).toContain(message);
  });

  it('UW-7 refuses an industry the filed product has no base rate for (409: a clash with the filing)', () => {
    const error = expectRuleViolation(() => ratePolicy({ ...COAL, industry: 'FIREWORKS' }, FACTORS, PRODUCT), 'UW-7', 'industry', 409);
    expect(error.message).toBe('UW-7: the filed product C00000232512024050901181 has no base rate for FIREWORKS (烟花爆竹)');
  });

  it('UW-7 re-rating with the stored rating gives the rated premium back', () => {
    const rating = ratePolicy(COAL, FACTORS, PRODUCT);
    expect(rerate(rating, 254, FLOOR_FEN)).toBe(rating.ratedPremiumFen);
    expect(rerate(rating, 508, FLOOR_FEN)).toBe(2 * rating.ratedPremiumFen);
  });

  const amount = fc.integer({ min: 1, max: 1_000_000_000 });
  const employees = fc.integer({ min: 1, max: 100_000 });
  const ppm = fc.integer({ min: 1, max: 100_000 });
  const factor = fc.integer({ min: 1, max: 30_000 });
  const factors = fc.tuple(factor, factor, factor, factor);

  it('UW-7 property: the premium is the exact product rounded half up', () => {
    fc.assert(
      fc.property(amount, employees, ppm, factors, (a, e, p, f) => {
        expect(ratedPremiumFen(a, e, p, f)).toBe(reference(a, e, p, f));
      }),
    );
  });

  it('UW-7 property: the premium never falls when any one factor, the headcount or the amount rises', () => {
    fc.assert(
      fc.property(amount, employees, ppm, factors, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5_000 }), (a, e, p, f, which, step) => {
        const raised = [...f];
        raised[which] = (raised[which] ?? 0) + step;
        expect(ratedPremiumFen(a, e, p, raised)).toBeGreaterThanOrEqual(ratedPremiumFen(a, e, p, f));
        expect(ratedPremiumFen(a, e + 1, p, f)).toBeGreaterThanOrEqual(ratedPremiumFen(a, e, p, f));
        expect(ratedPremiumFen(a + step, e, p, f)).toBeGreaterThanOrEqual(ratedPremiumFen(a, e, p, f));
      }),
    );
  });

  it('UW-7 property: the order of the factors does not change the premium', () => {
    fc.assert(
      fc.property(amount, employees, ppm, factors, (a, e, p, f) => {
        expect(ratedPremiumFen(a, e, p, [...f].reverse())).toBe(ratedPremiumFen(a, e, p, f));
      }),
    );
  });

  it('UW-7 an endorsement’s pro-rata difference: half the period left at twice the premium adds half', () => {
    expect(
      proRataDeltaFen({ oldPremiumFen: 1_000_000, oldRemainingDays: 183, newPremiumFen: 2_000_000, newRemainingDays: 183, ratedPeriodDays: 366 }),
    ).toBe(500_000);
    // A refund rounds half away from zero: −0.5 fen → −1.
    expect(proRataDeltaFen({ oldPremiumFen: 1, oldRemainingDays: 1, newPremiumFen: 0, newRemainingDays: 1, ratedPeriodDays: 2 })).toBe(-1);
    expect(() => proRataDeltaFen({ oldPremiumFen: 1, oldRemainingDays: 1, newPremiumFen: 1, newRemainingDays: 1, ratedPeriodDays: 0 })).toThrow(RangeError);
  });

  it('UW-7 property: an endorsement and its reverse cancel out, and no change costs nothing', () => {
    const premium = fc.integer({ min: 0, max: 1_000_000_000 });
    const days = fc.integer({ min: 1, max: 396 });
    fc.assert(
      fc.property(premium, premium, days, days, days, (oldPremiumFen, newPremiumFen, oldRemainingDays, newRemainingDays, ratedPeriodDays) => {
        const forward = proRataDeltaFen({ oldPremiumFen, oldRemainingDays, newPremiumFen, newRemainingDays, ratedPeriodDays });
        const back = proRataDeltaFen({
          oldPremiumFen: newPremiumFen,
          oldRemainingDays: newRemainingDays,
          newPremiumFen: oldPremiumFen,
          newRemainingDays: oldRemainingDays,
          ratedPeriodDays,
        });
        expect(forward + back).toBe(0);
        expect(
          proRataDeltaFen({ oldPremiumFen, oldRemainingDays, newPremiumFen: oldPremiumFen, newRemainingDays: oldRemainingDays, ratedPeriodDays }),
        ).toBe(0);
      }),
    );
  });
});
