import * as z from 'zod/mini';

/**
 * An amount of money in integer 分 (1/100 CNY). Amounts are never held in yuan as floating point: 0.1 + 0.2
 * is not 0.3 in binary, and the prevention-fee ledger (FEE-2) must add up to the fen.
 */
export type Fen = number;

/** How many basis points make the whole: 1500 bp = 15%. */
const WHOLE_BP = 10_000n;

const YUAN_SHAPE = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Whether `n` is a whole number of fen that arithmetic on numbers still represents exactly. */
export function isFen(n: unknown): n is Fen {
  return Number.isSafeInteger(n);
}

function requireFen(amount: Fen, what: string): void {
  if (!isFen(amount)) throw new RangeError(`${what} must be an integer number of fen, got ${String(amount)}`);
}

function requireBasisPoints(basisPoints: number, what: string): void {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`${what} must be a non-negative integer number of basis points, got ${String(basisPoints)}`);
  }
}

function toFen(amount: bigint): Fen {
  const fen = Number(amount);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${amount} fen is beyond exact integer arithmetic`);
  return fen;
}

/**
 * numerator ÷ denominator rounded half up on the magnitude (half away from zero), in integers only.
 * Away from zero rather than towards +∞ so that a REVERSAL mirrors its entry exactly: f(−x) = −f(x).
 */
function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const quotient = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -quotient : quotient;
}

/**
 * Parses a yuan amount written as a decimal string ("106000", "106000.5", "106000.50", "-3.20") into fen,
 * exactly. More than two decimals, exponents, thousands separators, spaces or a `+` are refused rather than
 * rounded, because a silently rounded amount is a wrong amount.
 *
 * @throws RangeError for anything else — validate user input with {@link yuanAmountSchema} first.
 * @example
 * yuanToFen('106000.00'); // 10600000
 */
export function yuanToFen(yuan: string): Fen {
  const match = YUAN_SHAPE.exec(yuan);
  if (match === null) {
    throw new RangeError(`not a yuan amount with at most two decimals: ${JSON.stringify(yuan)}`);
  }
  const [, sign = '', whole = '0', decimals = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return toFen(sign === '-' ? -magnitude : magnitude);
}

/**
 * Formats fen as a yuan decimal string with exactly two decimals and no separators, the form reports and the
 * provincial platform expect.
 *
 * @example
 * fenToYuanString(10600000); // '106000.00'
 * fenToYuanString(-5);       // '-0.05'
 */
export function fenToYuanString(fen: Fen): string {
  requireFen(fen, 'amount');
  const magnitude = Math.abs(fen);
  const yuan = Math.trunc(magnitude / 100);
  const cents = magnitude % 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

/**
 * A share of an amount given in basis points, rounded half up on the fen (half away from zero for negative
 * amounts), e.g. FEE-1's 15% of premium ex-tax. Integer arithmetic only (BigInt inside, so the product cannot
 * overflow).
 *
 * @example
 * percentOfFen(10_000_000, 1500); // 1_500_000
 * percentOfFen(1, 5000);          // 1 (0.5 fen rounds up)
 */
export function percentOfFen(amountFen: Fen, basisPoints: number): Fen {
  requireFen(amountFen, 'amount');
  requireBasisPoints(basisPoints, 'share');
  return toFen(divideRoundingHalfUp(BigInt(amountFen) * BigInt(basisPoints), WHOLE_BP));
}

/**
 * UW-5: premium ex-tax = premium incl. tax ÷ (1 + VAT rate), rounded half up on the fen (half away from zero
 * for negative amounts). Computed as gross × 10000 ÷ (10000 + rate in bp) in integers, so 6% VAT on
 * 106,000.00 CNY gives exactly 100,000.00 CNY.
 *
 * @example
 * exTaxFen(10_600_000, 600); // 10_000_000
 */
export function exTaxFen(grossFen: Fen, vatRateBasisPoints: number): Fen {
  requireFen(grossFen, 'gross amount');
  requireBasisPoints(vatRateBasisPoints, 'VAT rate');
  return toFen(divideRoundingHalfUp(BigInt(grossFen) * WHOLE_BP, WHOLE_BP + BigInt(vatRateBasisPoints)));
}

/**
 * A yuan amount as typed by a user or sent by an API client: a decimal string with at most two decimals,
 * within exact integer range once converted with {@link yuanToFen}.
 */
export const yuanAmountSchema = z.string().check(
  z.refine((yuan) => {
    if (!YUAN_SHAPE.test(yuan)) return false;
    try {
      yuanToFen(yuan);
      return true;
    } catch {
      return false;
    }
  }, 'must be a yuan amount with at most two decimals, e.g. 106000.00'),
);
