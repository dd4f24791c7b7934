import type { FactorBounds } from '../../api';
import { basisPointsToMultiplierText, basisPointsToPercentText, ppmToPermilleText } from '../../kit/decimal';

/** A base rate in ppm as people read it: `3500` → `3.5‰`. */
export const rateText = (ppm: number | undefined): string => (ppm === undefined ? '' : `${ppmToPermilleText(ppm)}‰`);
/** A factor in basis points as a multiplier: `9500` → `×0.95`. */
export const factorText = (basisPoints: number | undefined): string => (basisPoints === undefined ? '' : `×${basisPointsToMultiplierText(basisPoints)}`);
/** A filed range: `×0.80–×1.50`. */
export const boundsText = (bounds: FactorBounds | undefined): string =>
  bounds ? `${factorText(bounds.minBasisPoints)}–${factorText(bounds.maxBasisPoints)}` : '';
/** Basis points as a percentage: `600` → `6%`, `23560` → `235.6%`. */
export const percentText = (basisPoints: number | undefined): string => (basisPoints === undefined ? '' : `${basisPointsToPercentText(basisPoints)}%`);

const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => (2n * numerator + denominator) / (2n * denominator);

/**
 * UW-7's premium, computed as the server does (domain/underwriting/rating.ts): amount × employees × rate ×
 * Π factors, exactly, rounded once half up on the fen. For a preview only: the server rates the policy.
 */
export function ratedPremiumFen(perPersonInsuredAmountFen: number, employees: number, baseRatePpm: number, factorsBasisPoints: readonly number[]): number {
  let numerator = BigInt(perPersonInsuredAmountFen) * BigInt(employees) * BigInt(baseRatePpm);
  let denominator = 1_000_000n;
  for (const factor of factorsBasisPoints) {
    numerator *= BigInt(factor);
    denominator *= 10_000n;
  }
  return Number(divideHalfUp(numerator, denominator));
}

/** UW-5: premium ex-tax = premium ÷ (1 + VAT rate), in fen, half up. */
export const exTaxFen = (premiumFen: number, vatRateBasisPoints: number): number =>
  Number(divideHalfUp(BigInt(premiumFen) * 10_000n, 10_000n + BigInt(vatRateBasisPoints)));
