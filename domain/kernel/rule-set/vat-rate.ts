import { RuleViolation } from '../errors.js';
import type { RuleSet, VatRate } from './rule-set.js';

const asPercent = (basisPoints: number): string => `${basisPoints / 100}%`;

/**
 * FEE-1, UW-5, RULES-1: the VAT rate a policy is written at must be one the rule set lists (6% for property
 * insurance in 2024, 0 for a documented exemption). The FEE-1 floor is 15% of premium *ex-tax*, so a rate typed
 * freely (100% halves the base) would let an insurer shrink its prevention fee.
 *
 * @throws RuleViolation (FEE-1, `field`, `status`) naming the allowed rates and why each applies.
 * @example
 * allowedVatRate(XINZHOU_2024, 600).exemption; // false
 * allowedVatRate(XINZHOU_2024, 10_000);        // throws FEE-1 400
 */
export function allowedVatRate(ruleSet: RuleSet, basisPoints: number, field = 'vatRateBasisPoints', status: 400 | 409 = 400): VatRate {
  const rate = ruleSet.vatRates.find((candidate) => candidate.basisPoints === basisPoints);
  if (rate === undefined) {
    const allowed = ruleSet.vatRates.map((candidate) => `${asPercent(candidate.basisPoints)}（${candidate.basis}）`).join('; ');
    throw new RuleViolation(
      'FEE-1',
      field,
      `FEE-1: a VAT rate of ${asPercent(basisPoints)} is not allowed under rule set ${ruleSet.id} v${ruleSet.version}; the premium ex-tax the prevention fee is taken from uses only: ${allowed}`,
      status,
    );
  }
  return rate;
}
