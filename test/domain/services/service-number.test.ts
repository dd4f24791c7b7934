import { describe, expect, it } from 'vitest';
import { GENERATED_SERVICE_NUMBER, generatedServiceNumber } from '../../../domain/services/service-number.js';
import { generatedPolicyNumber } from '../../../domain/underwriting/policy-number.js';

describe('service numbers (SVC-5, issue 15)', () => {
  it('SVC-5 服务编号 FW-<year>-<the organisation code in the insurer USCC>-<6-digit sequence>', () => {
    const number = generatedServiceNumber({ year: 2026, insurerUscc: '91140900ma0k1234X5', sequence: 42 });
    expect(number).toBe('FW-2026-MA0K1234-000042');
    expect(number).toMatch(GENERATED_SERVICE_NUMBER);
    expect(generatedServiceNumber({ year: 2027, insurerUscc: '91140900MA0K1234X5', sequence: 1_234_567 })).toBe('FW-2027-MA0K1234-1234567');
  });

  it('SVC-5 UW-1 a service number and a policy number share the format, told apart by their prefix', () => {
    const input = { year: 2026, insurerUscc: '91140900MA0K1234X5', sequence: 7 };
    expect(generatedServiceNumber(input).slice(2)).toBe(generatedPolicyNumber(input).slice(2));
    expect(generatedPolicyNumber(input)).not.toMatch(GENERATED_SERVICE_NUMBER);
  });
});
