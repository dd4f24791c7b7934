import type * as z from 'zod/mini';
import type { ratingFactorsSchema } from './policy-commands.schema.js';
import { RuleViolation } from '../kernel/errors.js';
import { INDUSTRY_NAMES_ZH } from '../kernel/industry.js';
import type { Industry } from '../kernel/industry.js';
import type { Fen } from '../kernel/money.js';
import type { AppliedFactor, AppliedRating } from './policy.js';
import type { FactorBounds, FiledProduct, RatingFactor, StandardisationGrade } from './qualification.js';

/** UW-7: a base rate's denominator — rates are parts per million of the per-person insured amount. */
export const PPM = 1_000_000;
/** UW-7: a factor's denominator — factors are basis points of a multiplier (10000 = ×1.00). */
export const FACTOR_ONE = 10_000;

/**
 * UW-7: the floating factors the insurer applies to one enterprise, each a multiplier in basis points
 * (10000 = ×1.00), plus the standardisation grade the standardisation factor is for — the `rating` of
 * `POST /policies` (its fields are documented on `ratingFactorsSchema`).
 */
export type RatingFactorsInput = z.output<typeof ratingFactorsSchema>;

/** UW-7: what is rated — the enterprise's industry, the headcount and the one per-person insured amount. */
export interface RatingBasis {
  readonly industry: Industry;
  readonly employeesCovered: number;
  readonly perPersonInsuredAmountFen: Fen;
  /** Days of the policy period (both ends included), recorded with the rating for endorsements. */
  readonly periodDays: number;
}

/** The input field of each factor, for errors that name it. */
const FACTOR_FIELD: Record<RatingFactor, keyof RatingFactorsInput> = {
  accidentRecord: 'accidentRecordBasisPoints',
  standardisation: 'standardisationBasisPoints',
  penalties: 'penaltiesBasisPoints',
  riskLevel: 'riskLevelBasisPoints',
};

const FACTOR_NAME: Record<RatingFactor, string> = {
  accidentRecord: 'accident-record factor (事故记录)',
  standardisation: 'standardisation factor (标准化建设等级)',
  penalties: 'administrative-penalty factor (接受处罚情况)',
  riskLevel: 'risk-level factor (安全风险程度)',
};

/** numerator ÷ denominator for non-negative integers, rounded half up. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function toSafeFen(amount: bigint): Fen {
  const fen = Number(amount);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`UW-7: a premium of ${amount} fen is beyond exact integer arithmetic`);
  return fen;
}

function requireNonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`UW-7: ${what} must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * UW-7: the premium for `employees` people insured at `perPersonInsuredAmountFen` each, at `baseRatePpm` parts
 * per million, floated by `factorsBasisPoints` (each 10000 = ×1.00):
 *
 *     premium = amount × employees × baseRatePpm / 10⁶ × Π (factor / 10⁴)
 *
 * computed exactly with BigInt and rounded **once**, half up on the fen — rounding each step would let the
 * order of the factors change the premium. Monotone (never decreasing) in every argument.
 *
 * @throws RangeError for a negative or fractional argument, or a result beyond safe integers — callers'
 * bugs, since the schemas bound every input.
 * @example
 * // 300,000.00 CNY × 100 employees × 3.5‰ × 1.2 × 0.9 = 113,400.00 CNY
 * ratedPremiumFen(30_000_000, 100, 3500, [12_000, 9_000, 10_000, 10_000]); // 11_340_000
 */
export function ratedPremiumFen(
  perPersonInsuredAmountFen: Fen,
  employees: number,
  baseRatePpm: number,
  factorsBasisPoints: readonly number[],
): Fen {
  requireNonNegativeInteger(perPersonInsuredAmountFen, 'the per-person insured amount');
  requireNonNegativeInteger(employees, 'the number of employees');
  requireNonNegativeInteger(baseRatePpm, 'the base rate');
  let numerator = BigInt(perPersonInsuredAmountFen) * BigInt(employees) * BigInt(baseRatePpm);
  let denominator = BigInt(PPM);
  for (const factor of factorsBasisPoints) {
    requireNonNegativeInteger(factor, 'a factor');
    numerator *= BigInt(factor);
    denominator *= BigInt(FACTOR_ONE);
  }
  return toSafeFen(divideHalfUp(numerator, denominator));
}

function applied(
  factor: RatingFactor,
  basisPoints: number,
  bounds: FactorBounds,
  qualifier = '',
): AppliedFactor {
  if (basisPoints < bounds.minBasisPoints || basisPoints > bounds.maxBasisPoints) {
    throw new RuleViolation(
      'UW-7',
      `rating.${FACTOR_FIELD[factor]}`,
      `UW-7: the ${FACTOR_NAME[factor]}${qualifier} is ${basisPoints} bp, outside its filed bounds ${bounds.minBasisPoints}–${bounds.maxBasisPoints} bp`,
      400,
    );
  }
  return { basisPoints, minBasisPoints: bounds.minBasisPoints, maxBasisPoints: bounds.maxBasisPoints };
}

/**
 * UW-7: rates a policy under the insurer's filed product: the base rate of the enterprise's industry times the
 * four floating factors, each checked against its filed bounds (the standardisation factor against the bounds
 * of the stated grade). Returns the applied rating to store on the policy.
 *
 * The base rate's unit is parts per million of the per-person insured amount, per employee, for the policy
 * period (see `FiledProduct`). Short-period rating tables (短期费率) are not modelled: the rated premium is the
 * premium for the period as written, normally one year.
 *
 * @throws RuleViolation (UW-7, `industry`, 409) when the filed product has no base rate for the industry;
 * (UW-7, `rating.<factor>BasisPoints`, 400) for the first factor outside its bounds, in the order accident
 * record, standardisation, penalties, risk level.
 * @example
 * const rating = ratePolicy(
 *   { industry: 'COAL_MINE', employeesCovered: 100, perPersonInsuredAmountFen: 30_000_000, periodDays: 365 },
 *   { accidentRecordBasisPoints: 12_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 9_000,
 *     penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
 *   product, // COAL_MINE at 3500 ppm
 * );
 * rating.ratedPremiumFen; // 11_340_000
 */
export function ratePolicy(basis: RatingBasis, factors: RatingFactorsInput, product: FiledProduct): AppliedRating {
  const baseRatePpm = product.baseRatesPpm[basis.industry];
  if (baseRatePpm === undefined) {
    throw new RuleViolation(
      'UW-7',
      'industry',
      `UW-7: the filed product ${product.filingNumber} has no base rate for ${basis.industry} (${INDUSTRY_NAMES_ZH[basis.industry]})`,
      409,
    );
  }
  const bounds = product.factorBounds;
  const grade = factors.standardisationGrade;
  const appliedFactors = {
    accidentRecord: applied('accidentRecord', factors.accidentRecordBasisPoints, bounds.accidentRecord),
    standardisation: {
      ...applied('standardisation', factors.standardisationBasisPoints, bounds.standardisation[grade], ` for ${grade}`),
      grade,
    },
    penalties: applied('penalties', factors.penaltiesBasisPoints, bounds.penalties),
    riskLevel: applied('riskLevel', factors.riskLevelBasisPoints, bounds.riskLevel),
  };
  const rating: Omit<AppliedRating, 'ratedPremiumFen'> = {
    filingNumber: product.filingNumber,
    baseRatePpm,
    factors: appliedFactors,
    basePremiumFen: ratedPremiumFen(basis.perPersonInsuredAmountFen, basis.employeesCovered, baseRatePpm, []),
    ratedPeriodDays: basis.periodDays,
  };
  return {
    ...rating,
    ratedPremiumFen: rerate(rating, basis.employeesCovered, basis.perPersonInsuredAmountFen),
  };
}

/**
 * UW-7: the premium a stored rating gives for another headcount or insured amount — same base rate, same
 * factors, same period. Endorsements use it to price their change.
 *
 * @example
 * rerate(policy.rating, 120, policy.perPersonInsuredAmountFen); // the premium had 120 been insured from the start
 */
export function rerate(
  rating: Pick<AppliedRating, 'baseRatePpm' | 'factors'>,
  employees: number,
  perPersonInsuredAmountFen: Fen,
): Fen {
  const { accidentRecord, standardisation, penalties, riskLevel } = rating.factors;
  return ratedPremiumFen(perPersonInsuredAmountFen, employees, rating.baseRatePpm, [
    accidentRecord.basisPoints,
    standardisation.basisPoints,
    penalties.basisPoints,
    riskLevel.basisPoints,
  ]);
}

/**
 * UW-7: the premium difference of an endorsement, pro rata temporis: the days from the endorsement's effective
 * day to the new end at the new rated premium, less the days from that day to the old end at the old one, both
 * at the daily rate of the rated period. One exact rational, rounded once half up on the fen (half away from
 * zero for a refund), so a change and its reverse cancel out.
 *
 *     delta = (newPremium × newRemainingDays − oldPremium × oldRemainingDays) ÷ ratedPeriodDays
 *
 * @example
 * // 100 → 200 employees half-way through a 366-day period rated 1,000,000 fen: about 500,000 fen more
 * proRataDeltaFen({ oldPremiumFen: 1_000_000, oldRemainingDays: 183, newPremiumFen: 2_000_000,
 *   newRemainingDays: 183, ratedPeriodDays: 366 }); // 500_000
 */
export function proRataDeltaFen(change: {
  oldPremiumFen: Fen;
  oldRemainingDays: number;
  newPremiumFen: Fen;
  newRemainingDays: number;
  ratedPeriodDays: number;
}): Fen {
  requireNonNegativeInteger(change.oldRemainingDays, 'the remaining days');
  requireNonNegativeInteger(change.newRemainingDays, 'the remaining days');
  if (!Number.isSafeInteger(change.ratedPeriodDays) || change.ratedPeriodDays < 1) {
    throw new RangeError(`UW-7: the rated period must be at least one day, got ${String(change.ratedPeriodDays)}`);
  }
  const numerator =
    BigInt(change.newPremiumFen) * BigInt(change.newRemainingDays) -
    BigInt(change.oldPremiumFen) * BigInt(change.oldRemainingDays);
  const denominator = BigInt(change.ratedPeriodDays);
  const magnitude = divideHalfUp(numerator < 0n ? -numerator : numerator, denominator);
  return toSafeFen(numerator < 0n ? -magnitude : magnitude);
}
