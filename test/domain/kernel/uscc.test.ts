import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter, usccSchema } from '../../../domain/kernel/uscc.js';
import { readEnterpriseRegister } from './enterprise-register.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const register = readEnterpriseRegister();
const codes = register.map((row) => row.uscc);

function messageOf(input: unknown): string | undefined {
  const result = usccSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('USCC (GB 32100-2015)', () => {
  it('UW-2 accepts all 5,000 codes of the seed register', () => {
    expect(codes).toHaveLength(5000);
    expect(codes.filter((code) => !isValidUscc(code))).toEqual([]);
  });

  it('UW-2 computes the check character of a known code', () => {
    expect(usccCheckCharacter('91140902100000008')).toBe('A');
    expect(usccCheckCharacter('91140902100079190')).toBe('P');
    // A weighted sum divisible by 31 gives '0', not a 32nd character.
    expect(usccCheckCharacter('91140924100158382')).toBe('0');
  });

  it('UW-2 rejects a USCC whose check character is wrong', () => {
    expect(isValidUscc('91140902100000008B')).toBe(false);
    expect(messageOf('91140902100000008B')).toBe(
      'UW-2: the check character is B but the first 17 characters require A',
    );
  });

  it('UW-2 detects every single-character change of a register code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, position, shift) => {
          const original = ALPHABET.indexOf(code.charAt(position));
          const replaced = ALPHABET.charAt((original + shift) % 31);
          const mutated = code.slice(0, position) + replaced + code.slice(position + 1);
          expect(isValidUscc(mutated)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('UW-2 detects swapping two different adjacent characters among the first 17', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 0, max: 15 }), (code, position) => {
        const a = code.charAt(position);
        const b = code.charAt(position + 1);
        fc.pre(a !== b);
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(isValidUscc(swapped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('UW-2 rejects a wrong length or a character outside the alphabet, saying so', () => {
    const shapeMessage = 'UW-2: a USCC is 18 characters from 0-9 and upper-case A-Z without I, O, S, V and Z';
    const valid = '91140902100000008A';
    for (const invalid of [
      '',
      valid.slice(0, 17),
      `${valid}0`,
      valid.toLowerCase(),
      ` ${valid.slice(1)}`,
      `9114090210000000${'I'}A`,
      `9114090210000000${'O'}A`,
      `9114090210000000${'S'}A`,
      `9114090210000000${'V'}A`,
      `9114090210000000${'Z'}A`,
    ]) {
      expect(isValidUscc(invalid)).toBe(false);
      expect(messageOf(invalid)).toBe(shapeMessage);
    }
    expect(messageOf(123)).toBeDefined();
  });

  it('UW-2 schema passes a valid code through unchanged', () => {
    expect(usccSchema.parse('911409241001583820')).toBe('911409241001583820');
  });

  it('UW-2 check character refuses input that is not 17 code characters', () => {
    expect(() => usccCheckCharacter('9114090210000000')).toThrow(RangeError);
    expect(() => usccCheckCharacter('9114090210000000I')).toThrow(RangeError);
  });

  it('UW-2 check character makes any 17 code characters valid', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }), (characters) => {
        const first17 = characters.join('');
        expect(isValidUscc(first17 + usccCheckCharacter(first17))).toBe(true);
      }),
    );
  });
});
