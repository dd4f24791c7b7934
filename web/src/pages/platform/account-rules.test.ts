import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_RULE } from '../../../../domain/platform/credentials';
import { isAcceptablePassword } from './account-rules';

describe('the console password check', () => {
  const samples = [
    'Anze-demo-2026',
    'Seed-pass-2026',
    'Abcdefghijk1!',
    'abcdefghijk1!',
    'ABCDEFGHIJK1!',
    'Abcdefghijkl!',
    'Abcdefghijk12',
    'Abc-1',
    'Abcdefgh-12',
    ' Abcdefgh-123',
    'Abcdefgh-123 ',
    'Abc defgh-123',
    'Abcdefgh€1234',
    'Abcdefgh！1234',
    'Aa1_bbbbbbbb',
    `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH - 4)}`,
    `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH - 3)}`,
  ];

  it('accepts and refuses exactly what the platform policy does (domain/platform/credentials.ts)', () => {
    for (const password of samples) expect(isAcceptablePassword(password), JSON.stringify(password)).toBe(PASSWORD_RULE.test(password));
  });

  it('is the 12-character rule with upper, lower, digit and symbol, no space at either end', () => {
    expect(isAcceptablePassword('Anze-demo-2026')).toBe(true);
    expect(isAcceptablePassword('Abcdefgh-12')).toBe(false);
    expect(isAcceptablePassword('abcdefghijk1!')).toBe(false);
    expect(isAcceptablePassword('ABCDEFGHIJK1!')).toBe(false);
    expect(isAcceptablePassword('Abcdefghijkl!')).toBe(false);
    expect(isAcceptablePassword('Abcdefghijk12')).toBe(false);
    expect(isAcceptablePassword(' Abcdefgh-123')).toBe(false);
    expect(isAcceptablePassword('Abc defgh-123')).toBe(true);
  });
});
