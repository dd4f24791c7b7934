/**
 * Exact decimal ↔ integer conversions for form fields: money typed in 元 becomes integer fen, a rate typed
 * in ‰ becomes parts per million, a factor typed as ×1.05 becomes basis points — by reading the decimal
 * string digit by digit, never through a float (`0.29 * 100 !== 29`).
 */

/**
 * `text` as an integer scaled by 10^`decimals`: `scaledInteger('300000.5', 2) === 30000050`. Grouping commas,
 * spaces and a leading `¥` are allowed; more decimals than `decimals`, a sign, or anything else give
 * `undefined`. Results beyond `Number.MAX_SAFE_INTEGER` give `undefined` too.
 */
export function scaledInteger(text: string | undefined | null, decimals: number): number | undefined {
  if (text === undefined || text === null) return undefined;
  const cleaned = text.trim().replace(/^¥/, '').replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned) ?? /^()\.(\d+)$/.exec(cleaned);
  if (!match) return undefined;
  const whole = match[1] || '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return undefined;
  const digits = `${whole}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * An integer scaled by 10^`decimals` as a plain decimal string with at least `minDecimals` decimals and no
 * trailing zeros beyond them: `scaledText(3500, 3, 1) === '3.5'`, `scaledText(30000000, 2, 2) === '300000.00'`.
 */
export function scaledText(value: number | undefined | null, decimals: number, minDecimals = 0): string {
  if (value === undefined || value === null || !Number.isSafeInteger(value)) return '';
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** 元 typed in a field → integer fen (two decimals at most). */
export const yuanToFen = (text: string | undefined | null): number | undefined => scaledInteger(text, 2);
/** Integer fen → the 元 a field shows (`30000000` → `300000.00`). */
export const fenToYuanText = (fen: number | undefined | null): string => scaledText(fen, 2, 2);

/** A base rate typed in ‰ (three decimals at most) → parts per million (`3.5` → 3500). */
export const permilleToPpm = (text: string | undefined | null): number | undefined => scaledInteger(text, 3);
/** Parts per million → ‰ (`3500` → `3.5`). */
export const ppmToPermilleText = (ppm: number | undefined | null): string => scaledText(ppm, 3, 1);

/** A factor typed as a multiplier (`0.95`, four decimals at most) → basis points (9500). */
export const multiplierToBasisPoints = (text: string | undefined | null): number | undefined => scaledInteger(text, 4);
/** Basis points → a multiplier (`9500` → `0.95`, `10000` → `1.00`). */
export const basisPointsToMultiplierText = (basisPoints: number | undefined | null): string => scaledText(basisPoints, 4, 2);

/** A percentage typed with two decimals at most (`235.6`) → basis points (23560). */
export const percentToBasisPoints = (text: string | undefined | null): number | undefined => scaledInteger(text, 2);
/** Basis points → a percentage (`23560` → `235.6`, `600` → `6`). */
export const basisPointsToPercentText = (basisPoints: number | undefined | null): string => scaledText(basisPoints, 2, 0);

/** A whole number typed in a field (`254`, `1,175`), or undefined. */
export const wholeNumber = (text: string | number | undefined | null): number | undefined =>
  typeof text === 'number' ? (Number.isSafeInteger(text) && text >= 0 ? text : undefined) : scaledInteger(text, 0);
