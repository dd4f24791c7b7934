import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../../domain/kernel/calendar/local-date';
import { issuePolicyBody } from '../../../../domain/underwriting/policy-commands.schema';
import { issuePolicyBodyOf, oneYearEnd, type PolicyFormValues } from './policy-form';

const values: PolicyFormValues = {
  enterpriseUscc: ' 91140902100079190p ',
  policyNumber: 'PZAA2026140900000001',
  periodStart: '2026-07-01',
  periodEnd: '2027-06-30',
  employeesCovered: '254',
  perPersonInsuredAmountFen: '300,000',
  perPersonDeathLimitFen: '299999',
  rating: { accidentRecordBasisPoints: '1', standardisationGrade: 'GRADE_2', standardisationBasisPoints: '0.95', penaltiesBasisPoints: '1.00', riskLevelBasisPoints: '1.1' },
  mode: 'INDEPENDENT',
  members: [{ tenantId: 'ignored', shareBasisPoints: '100', lead: true }],
  premiumPaidByEnterprise: true,
  otherSafetyInsurance: [{}, { kind: 'EMPLOYER_LIABILITY', insurer: '某保险公司', policyNumber: ' ', convertible: true }],
};

describe('the policy form', () => {
  it('sends the issue body in fen and basis points, exactly (UW-4: 299,999 元 is 29,999,900 fen)', () => {
    const body = issuePolicyBodyOf(values);
    expect(body).toEqual({
      enterpriseUscc: '91140902100079190P',
      policyNumber: 'PZAA2026140900000001',
      periodStart: '2026-07-01',
      periodEnd: '2027-06-30',
      employeesCovered: 254,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 29_999_900,
      rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 9_500, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 11_000 },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
      otherSafetyInsurance: [{ kind: 'EMPLOYER_LIABILITY', insurer: '某保险公司', convertible: true }],
    });
    expect(issuePolicyBody.safeParse(body).success).toBe(true);
  });

  it('UW-1 (issue 15): leaves the policy number out when none is typed, so the platform generates it', () => {
    const body = issuePolicyBodyOf({ ...values, policyNumber: '  ' });
    expect(body).not.toHaveProperty('policyNumber');
    expect(issuePolicyBody.safeParse(body).success).toBe(true);
  });

  it('sends the members of a co-insurance with their shares in basis points (UW-6)', () => {
    const body = issuePolicyBodyOf({
      ...values,
      mode: 'COINSURANCE',
      members: [
        { tenantId: 't-lead', shareBasisPoints: '60', lead: true },
        { tenantId: 't-2', shareBasisPoints: '40.00' },
      ],
    });
    expect(body.members).toEqual([
      { tenantId: 't-lead', shareBasisPoints: 6000, lead: true },
      { tenantId: 't-2', shareBasisPoints: 4000, lead: false },
    ]);
  });

  it('proposes the one-year period UW-1 calls normal', () => {
    for (const start of ['2024-07-01', '2024-02-29', '2025-01-31', '2025-12-31', '2026-03-01']) {
      expect(oneYearEnd(start), start).toBe(addDays(addMonths(start, 12), -1));
    }
  });
});
