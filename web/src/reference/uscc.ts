/**
 * UW-2: the 统一社会信用代码 check character of GB 32100-2015, as domain/kernel/uscc.ts computes it, so a
 * form can tell a typo at once (and not ask the server about a code that cannot exist).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 18 characters of the code alphabet (no I, O, S, V, Z). */
export const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The check character the first 17 characters require, or undefined when they are not of the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** UW-2: the shape and the check character. */
export const isValidUscc = (code: string): boolean => USCC_SHAPE.test(code) && usccCheckCharacter(code.slice(0, 17)) === code.charAt(17);
