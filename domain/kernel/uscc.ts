import * as z from 'zod/mini';

/**
 * GB 32100-2015's 31 code characters, in value order (0..30). I, O, S, V and Z are left out because they are
 * easily confused with 1, 0, 5, U and 2 when a code is copied by hand.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31 (GB 32100-2015 §5). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const USCC_SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;
const FIRST_17_SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{17}$/;

/**
 * UW-2: the check character GB 32100-2015 derives from the first 17 characters of a 统一社会信用代码.
 *
 * @throws RangeError when `first17` is not 17 characters of the code alphabet — a caller's bug, not user input.
 * @example
 * usccCheckCharacter('91140902100000008'); // 'A'
 */
export function usccCheckCharacter(first17: string): string {
  if (!FIRST_17_SHAPE.test(first17)) {
    throw new RangeError(`UW-2: expected 17 characters from ${ALPHABET}, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why a code fails UW-2, or `undefined` when it passes; shared by the predicate and the schema. */
function usccProblem(code: string): string | undefined {
  if (!USCC_SHAPE.test(code)) {
    return 'UW-2: a USCC is 18 characters from 0-9 and upper-case A-Z without I, O, S, V and Z';
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return `UW-2: the check character is ${code.charAt(17)} but the first 17 characters require ${expected}`;
  }
  return undefined;
}

/**
 * UW-2: whether `code` is a well-formed 统一社会信用代码 with the right check character.
 *
 * Only the shape and the check character are tested, not the registration-authority, type or area segments:
 * the check character alone catches every single-character typo and most transpositions, while structural
 * rules would reject codes issued under older or local conventions.
 *
 * @example
 * isValidUscc('91140902100000008A'); // true
 * isValidUscc('91140902100000008B'); // false
 */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === undefined;
}

/**
 * UW-2: the schema for a USCC field. Its message starts with `UW-2:` and says whether the shape or the check
 * character is wrong, so the API's 400 names the rule and the field.
 */
export const usccSchema = z.string().check(
  z.superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem !== undefined) {
      ctx.issues.push({ code: 'custom', message: problem, input: code });
    }
  }),
);
