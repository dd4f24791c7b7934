import { describe, expect, it } from 'vitest';
import { GENERATED_POLICY_NUMBER, generatedPolicyNumber, insurerCodeOf } from '../../../domain/underwriting/policy-number.js';

describe('generated policy numbers (UW-1, issue 15)', () => {
  it('UW-1 AZ-<year>-<the organisation code in the insurer USCC>-<6-digit sequence>', () => {
    expect(insurerCodeOf('91140900MA0K1234X5')).toBe('MA0K1234');
    const number = generatedPolicyNumber({ year: 2026, insurerUscc: '91140900MA0K1234X5', sequence: 7 });
    expect(number).toBe('AZ-2026-MA0K1234-000007');
    expect(number).toMatch(GENERATED_POLICY_NUMBER);
    // A typed number's shape (letters, digits, . _ / -) admits the generated ones too: both are unique per insurer.
    expect(number).toMatch(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/);
  });
});
