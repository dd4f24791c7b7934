import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_POLICY, PASSWORD_RULE, PASSWORD_RULE_TEXT, PASSWORD_SYMBOLS } from '../../../domain/platform/credentials.js';

/**
 * One policy for both sign-ins: the API must refuse whatever the user pool (built from PASSWORD_POLICY) would
 * refuse, so that no user is saved in the table with a password Cognito then rejects.
 */
describe('PASSWORD_RULE, derived from PASSWORD_POLICY (the pool’s policy)', () => {
  it('is the pool’s policy: 12 characters, upper and lower case, a digit and a symbol', () => {
    expect(PASSWORD_POLICY).toEqual({ minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true });
    expect(PASSWORD_RULE_TEXT).toBe(
      'at least 12 characters, with an upper-case letter, a lower-case letter, a digit and a symbol (such as - _ ! @ #); no space at the start or end',
    );
  });

  it.each([
    'Anze-demo-2026',
    'Admin-pass-2026',
    'Staff-pass-2026',
    'Regulator-2026',
    'Operator-test-2026',
    'Start-test-2026',
    'Correct-horse-2026',
    'Correct horse 26',
  ])('accepts %j', (password) => {
    expect(PASSWORD_RULE.test(password)).toBe(true);
  });

  it.each([
    ['too short', 'Anze-d-2026'],
    ['no upper-case letter', 'anze-demo-2026'],
    ['no lower-case letter', 'ANZE-DEMO-2026'],
    ['no digit', 'Anze-demo-pass'],
    ['no symbol', 'AnzeDemo20266'],
    ['a symbol Cognito does not count (full-width)', 'Anze！demo2026'],
    ['a symbol Cognito does not count (€)', 'Anze€demo2026'],
    ['a leading space', ' Anze-demo-2026'],
    ['a trailing space', 'Anze-demo-2026 '],
    ['too long for us', `Aa1-${'x'.repeat(PASSWORD_MAX_LENGTH)}`],
  ])('refuses a password with %s', (_why, password) => {
    expect(PASSWORD_RULE.test(password)).toBe(false);
  });

  it('counts every character of Cognito’s symbol list as a symbol, the troublesome ones for a regex class included', () => {
    for (const symbol of PASSWORD_SYMBOLS.trim()) expect(PASSWORD_RULE.test(`Anzedemo2026${symbol}`), symbol).toBe(true);
    expect(PASSWORD_RULE.test('Anze demo2026')).toBe(true);
  });
});
