import { recordedRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import { areaName } from '../kernel/area.js';
import { addDays, addMonths, compareLocalDates, daysBetween } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { Conflict, RuleViolation } from '../kernel/errors.js';
import { INDUSTRY_NAMES_ZH } from '../kernel/industry.js';
import { exTaxFen, fenToYuanString } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { coveragePeriodOf } from './coverage.js';
import type { CoveragePeriod } from './coverage.js';
import type {
  AppliedRating,
  CoinsuranceMember,
  EnterpriseSnapshot,
  OtherSafetyInsurance,
  Policy,
  PolicyMode,
} from './policy.js';
import type { IssuePolicyBody } from './policy-commands.schema.js';

// One function per rule of a policy (UW-1, UW-3..7, UW-9, UW-10, REG-1, RULES-1), each throwing the rule it
// applies. The transitions that use them: issue.rules.ts, endorsement.rules.ts, cancellation.rules.ts.

/**
 * UW-1: how many days past one year a policy period may run. "Normally one year" leaves room for aligning a
 * renewal with a batch date (every mine of a county renewed on the 1st of a month) without writing a second,
 * short policy; up to one calendar month does that, and no more, since a longer period would be a second
 * policy year whose SVC-1 obligations the one-year cycle would not count.
 */
export const MAX_PERIOD_EXTENSION_DAYS = 31;

/** The whole shares of a policy: 10000 basis points = 100% (UW-6). */
const WHOLE_SHARE_BASIS_POINTS = 10_000;


/** The later of two days. */
export function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDates(a, b) >= 0 ? a : b;
}

function yuan(amountFen: Fen): string {
  return `${fenToYuanString(amountFen)} CNY`;
}

/** Days from `start` to `end`, both included. */
export function periodDays(start: LocalDate, end: LocalDate): number {
  return daysBetween(start, end) + 1;
}

function describePeriod(period: CoveragePeriod): string {
  return `${period.start}..${period.end}`;
}

// ---------------------------------------------------------------------------------------------------------
// One function per rule
// ---------------------------------------------------------------------------------------------------------

/**
 * UW-1: the last day of a one-year policy starting on `start` — the day before the anniversary, both ends
 * covered (保险期间一年, 自起保日零时起至期满日二十四时止): 2026-12-06 → 2027-12-05, 365 days; 2023-03-01 →
 * 2024-02-29. The anniversary of a 29 February in a common year is 1 March (the first day no longer covered),
 * so 2024-02-29 → 2025-02-28: `addMonths` alone would clamp to the 28th and lose a day of cover.
 *
 * @example
 * oneYearPeriodEnd('2026-12-06'); // '2027-12-05'
 */
export function oneYearPeriodEnd(start: LocalDate): LocalDate {
  const sameDate = addMonths(start, 12);
  const anniversary = sameDate.slice(8) === start.slice(8) ? sameDate : addDays(sameDate, 1);
  return addDays(anniversary, -1);
}

/**
 * UW-1: the policy period — `periodEnd` (the last day covered, inclusive) not before `periodStart`, and at most
 * one year plus {@link MAX_PERIOD_EXTENSION_DAYS} days: a one-year period from 2024-07-01 ends on 2025-06-30
 * ({@link oneYearPeriodEnd}), and may be stretched to 2025-07-31 at most. A one-day period (end = start) is
 * allowed: short policies that align a renewal date exist.
 *
 * The anniversary itself (2025-07-01 here) is refused: it is the off-by-one of an inclusive end — a 366-day
 * "one year" whose last day is the renewal's first, which UW-9 would then refuse as an overlap. An extension
 * aligning to a batch date names that date, not the anniversary.
 *
 * @throws RuleViolation (UW-1, `periodEnd`, 400).
 * @example
 * checkPolicyPeriod('2024-07-01', '2025-06-30'); // passes
 * checkPolicyPeriod('2024-07-01', '2025-07-01'); // throws: the anniversary
 */
export function checkPolicyPeriod(periodStart: LocalDate, periodEnd: LocalDate, field = 'periodEnd'): void {
  if (compareLocalDates(periodEnd, periodStart) < 0) {
    throw new RuleViolation('UW-1', field, `UW-1: periodEnd ${periodEnd} is before periodStart ${periodStart}`, 400);
  }
  const oneYearEnd = oneYearPeriodEnd(periodStart);
  const anniversary = addDays(oneYearEnd, 1);
  if (periodEnd === anniversary) {
    throw new RuleViolation(
      'UW-1',
      field,
      `UW-1: periodEnd is the last day covered, inclusive: a one-year policy from ${periodStart} ends on ${oneYearEnd}, the day before the anniversary; ${periodEnd} would cover ${periodDays(periodStart, periodEnd)} days and the renewal's first day`,
      400,
    );
  }
  const latest = addDays(oneYearEnd, MAX_PERIOD_EXTENSION_DAYS);
  if (compareLocalDates(periodEnd, latest) > 0) {
    throw new RuleViolation(
      'UW-1',
      field,
      `UW-1: a policy period is normally one year (${periodStart}..${oneYearEnd}) and may run at most ${MAX_PERIOD_EXTENSION_DAYS} days longer, to ${latest}; periodEnd ${periodEnd} is later`,
      400,
    );
  }
}

/**
 * REG-1: the enterprise must be in the regulators' register (企业底数), which supplies its industry, size,
 * county and staff; an enterprise the county EMB has not registered cannot be insured here until it is. When
 * the body states the industry or county it expects, they must match the register (a form filled in for the
 * wrong enterprise is caught).
 *
 * @throws RuleViolation (REG-1, `enterpriseUscc` | `industry` | `county`, 409) — a clash with the register.
 * @example
 * requireRegistered(body, context.enterprise); // → the register entry
 */
export function requireRegistered(
  body: Pick<IssuePolicyBody, 'enterpriseUscc' | 'industry' | 'county'>,
  enterprise: EnterpriseSnapshot | undefined,
): EnterpriseSnapshot {
  if (enterprise === undefined) {
    throw new RuleViolation(
      'REG-1',
      'enterpriseUscc',
      `REG-1: enterprise ${body.enterpriseUscc} is not in the regulators' enterprise register; its county EMB must register it first`,
      409,
    );
  }
  if (enterprise.uscc !== body.enterpriseUscc) {
    throw new RangeError(`the register entry is ${enterprise.uscc}, not the enterprise asked for (${body.enterpriseUscc})`);
  }
  if (body.industry !== undefined && body.industry !== enterprise.industry) {
    throw new RuleViolation(
      'REG-1',
      'industry',
      `REG-1: the register lists ${enterprise.name} under ${enterprise.industry} (${INDUSTRY_NAMES_ZH[enterprise.industry]}), not ${body.industry}`,
      409,
    );
  }
  if (body.county !== undefined && body.county !== enterprise.county) {
    throw new RuleViolation(
      'REG-1',
      'county',
      `REG-1: the register lists ${enterprise.name} in ${enterprise.county} (${areaName(enterprise.county)}), not ${body.county}`,
      409,
    );
  }
  return enterprise;
}

/**
 * UW-3: the whole workforce is insured — `employeesCovered` equals the enterprise's total employees in the
 * register. (The other half of UW-3, one insured amount for everyone, is the body's shape: it has exactly one
 * `perPersonInsuredAmountFen` and refuses unknown fields.) 400: the field is wrong as entered; if the register
 * itself is out of date, the county EMB corrects it first.
 *
 * @throws RuleViolation (UW-3, `employeesCovered`, 400).
 * @example
 * checkWholeWorkforce(254, { ...enterprise, employees: 254 }); // passes
 */
export function checkWholeWorkforce(employeesCovered: number, enterprise: EnterpriseSnapshot): void {
  if (employeesCovered !== enterprise.employees) {
    throw new RuleViolation(
      'UW-3',
      'employeesCovered',
      `UW-3: 安责险 covers the whole workforce: ${enterprise.name} has ${enterprise.employees} employees in the register, but employeesCovered is ${employeesCovered}`,
      400,
    );
  }
}

/**
 * UW-4: the death limit per person is at least the rule set's floor (300,000 CNY = 30,000,000 fen in 2024), and
 * — UW-1's consistency — not above the per-person insured amount it is paid from. 400: plainly invalid input.
 *
 * @throws RuleViolation (UW-4, `perPersonDeathLimitFen`, 400) below the floor; (UW-1, `perPersonDeathLimitFen`,
 * 400) above the insured amount.
 * @example
 * checkDeathLimit(29_999_900, 30_000_000, XINZHOU_2024); // throws UW-4: 299,999 CNY is below 300,000
 */
export function checkDeathLimit(perPersonDeathLimitFen: Fen, perPersonInsuredAmountFen: Fen, ruleSet: RuleSet): void {
  if (perPersonDeathLimitFen < ruleSet.deathLimitFloorFen) {
    throw new RuleViolation(
      'UW-4',
      'perPersonDeathLimitFen',
      `UW-4: the death limit per person is ${yuan(perPersonDeathLimitFen)}, below the floor of ${yuan(ruleSet.deathLimitFloorFen)} (rule set ${ruleSet.id} v${ruleSet.version})`,
      400,
    );
  }
  if (perPersonDeathLimitFen > perPersonInsuredAmountFen) {
    throw new RuleViolation(
      'UW-1',
      'perPersonDeathLimitFen',
      `UW-1: the death limit per person (${yuan(perPersonDeathLimitFen)}) cannot exceed the per-person insured amount (${yuan(perPersonInsuredAmountFen)})`,
      400,
    );
  }
}

/**
 * UW-5: the insurer attests that the enterprise pays the premium and charges none of it to its employees
 * (不得以任何方式摊派给从业人员个人). Without the attestation there is no policy.
 *
 * @throws RuleViolation (UW-5, `premiumPaidByEnterprise`, 400) unless the flag is `true`.
 * @example
 * checkPremiumPaidByEnterprise(true); // passes
 */
export function checkPremiumPaidByEnterprise(premiumPaidByEnterprise: boolean): asserts premiumPaidByEnterprise is true {
  if (premiumPaidByEnterprise !== true) {
    throw new RuleViolation(
      'UW-5',
      'premiumPaidByEnterprise',
      'UW-5: the premium must be paid by the enterprise and may not be charged to employees; attest premiumPaidByEnterprise: true',
      400,
    );
  }
}

/**
 * UW-5: premium ex-tax = premium ÷ (1 + VAT rate), in integer fen rounded half up (the kernel's `exTaxFen`), so
 * ex-tax + tax = premium exactly, the tax being the difference.
 *
 * @example
 * premiumExTax(10_600_000, 600); // 10_000_000
 */
export function premiumExTax(premiumFen: Fen, vatRateBasisPoints: number): Fen {
  return exTaxFen(premiumFen, vatRateBasisPoints);
}

/**
 * UW-6: the members of the policy. INDEPENDENT: no members may be sent, and the issuer is the one member
 * (10000 bp, lead). COINSURANCE: at least two distinct members, shares summing to exactly 10000 bp, exactly one
 * lead, the lead being the issuing tenant (400: the body is wrong as sent), and every member a tenant of the
 * platform (409: a clash with the tenant list).
 *
 * @throws RuleViolation (UW-6, `members` | `members.<i>.tenantId`, 400 or 409).
 * @example
 * checkCoinsurance('COINSURANCE', [{ tenantId: 't-1', shareBasisPoints: 6000, lead: true },
 *   { tenantId: 't-2', shareBasisPoints: 4000, lead: false }], 't-1', new Set(['t-1', 't-2'])); // → the members
 */
export function checkCoinsurance(
  mode: PolicyMode,
  members: readonly CoinsuranceMember[] | undefined,
  issuingTenantId: string,
  knownTenantIds: ReadonlySet<string>,
): CoinsuranceMember[] {
  if (mode === 'INDEPENDENT') {
    if (members !== undefined && members.length > 0) {
      throw new RuleViolation('UW-6', 'members', 'UW-6: an INDEPENDENT policy has no co-insurance members; use mode COINSURANCE', 400);
    }
    return [{ tenantId: issuingTenantId, shareBasisPoints: WHOLE_SHARE_BASIS_POINTS, lead: true }];
  }
  if (members === undefined || members.length < 2) {
    throw new RuleViolation('UW-6', 'members', 'UW-6: a co-insured policy has at least two members', 400);
  }
  const seen = new Set<string>();
  members.forEach((member, index) => {
    if (seen.has(member.tenantId)) {
      throw new RuleViolation('UW-6', `members.${index}.tenantId`, `UW-6: insurer ${member.tenantId} is listed twice`, 400);
    }
    seen.add(member.tenantId);
  });
  const total = members.reduce((sum, member) => sum + member.shareBasisPoints, 0);
  if (total !== WHOLE_SHARE_BASIS_POINTS) {
    throw new RuleViolation(
      'UW-6',
      'members',
      `UW-6: co-insurance shares must sum to exactly 10000 bp (100%), not ${total} bp (${(total / 100).toFixed(2)}%)`,
      400,
    );
  }
  const leads = members.filter((member) => member.lead);
  if (leads.length !== 1) {
    throw new RuleViolation(
      'UW-6',
      'members',
      `UW-6: a co-insured policy has exactly one lead insurer, not ${leads.length}${leads.length > 1 ? ` (${leads.map((lead) => lead.tenantId).join(', ')})` : ''}`,
      400,
    );
  }
  if (leads[0]?.tenantId !== issuingTenantId) {
    throw new RuleViolation(
      'UW-6',
      'members',
      `UW-6: the lead insurer issues the policy; the issuing insurer ${issuingTenantId} must be the lead, not ${leads[0]?.tenantId ?? 'none'}`,
      400,
    );
  }
  members.forEach((member, index) => {
    if (!knownTenantIds.has(member.tenantId)) {
      throw new RuleViolation(
        'UW-6',
        `members.${index}.tenantId`,
        `UW-6: every co-insurer must be a tenant of the platform; ${member.tenantId} is not`,
        409,
      );
    }
  });
  return members.map((member) => ({ tenantId: member.tenantId, shareBasisPoints: member.shareBasisPoints, lead: member.lead }));
}
/**
 * UW-7: the premium is the rated one. The body may leave `premiumFen` out, and the policy takes the rated
 * premium; if it states one, it must equal the rated premium to the fen — a client that computed another figure
 * has a different rate in mind, and charging anything but the filed rates is what the commitment letter
 * forbids (严格执行经备案的保险条款和费率). 400: the field is wrong as entered.
 *
 * @throws RuleViolation (UW-7, `premiumFen`, 400).
 * @example
 * checkRatedPremium(undefined, rating); // → rating.ratedPremiumFen
 */
export function checkRatedPremium(premiumFen: Fen | undefined, rating: AppliedRating): Fen {
  if (premiumFen !== undefined && premiumFen !== rating.ratedPremiumFen) {
    throw new RuleViolation(
      'UW-7',
      'premiumFen',
      `UW-7: the premium must be the rated premium under the filed rates, ${yuan(rating.ratedPremiumFen)} (${rating.ratedPremiumFen} fen), not ${yuan(premiumFen)} (${premiumFen} fen); leave premiumFen out to take it`,
      400,
    );
  }
  return rating.ratedPremiumFen;
}

function participantsOf(members: readonly CoinsuranceMember[], tenantId: string): Set<string> {
  return new Set([tenantId, ...members.map((member) => member.tenantId)]);
}

/**
 * UW-9: one enterprise cannot hold two in-force 安责险 policies from the same insurer for overlapping days. An
 * insurer is "on" a policy as its lead or as a co-insurance member; a cancelled policy covers only the days
 * before its cancellation. Endorse or cancel the existing policy instead. 409: a clash with stored policies.
 *
 * @throws RuleViolation (UW-9, `field`, 409) naming the existing policy and both periods.
 * @example
 * checkNoOverlap({ id: 'p-new', tenantId: 't-1', members, enterpriseUscc, period }, context.enterprisePolicies);
 */
export function checkNoOverlap(
  candidate: {
    id: string;
    tenantId: string;
    members: readonly CoinsuranceMember[];
    enterpriseUscc: string;
    period: CoveragePeriod;
  },
  enterprisePolicies: readonly Policy[],
  field = 'periodStart',
): void {
  const insurers = participantsOf(candidate.members, candidate.tenantId);
  for (const existing of enterprisePolicies) {
    if (existing.id === candidate.id || existing.enterprise.uscc !== candidate.enterpriseUscc) continue;
    const shared = [...participantsOf(existing.members, existing.tenantId)].filter((tenantId) => insurers.has(tenantId));
    if (shared.length === 0) continue;
    const covered = coveragePeriodOf(existing);
    if (covered === undefined) continue;
    const overlaps =
      compareLocalDates(covered.start, candidate.period.end) <= 0 &&
      compareLocalDates(candidate.period.start, covered.end) <= 0;
    if (overlaps) {
      throw new RuleViolation(
        'UW-9',
        field,
        `UW-9: ${existing.enterprise.name} (${existing.enterprise.uscc}) already holds policy ${existing.policyNumber} from insurer ${shared.join(', ')} covering ${describePeriod(covered)}, which overlaps ${describePeriod(candidate.period)}; endorse or cancel that policy instead`,
        409,
      );
    }
  }
}

/**
 * UW-10: the other safety-related insurance the enterprise holds, recorded as given. Advisory only: it never
 * refuses a policy; `conversionCandidates` lists the convertible ones.
 *
 * @example
 * recordOtherSafetyInsurance(undefined); // []
 */
export function recordOtherSafetyInsurance(
  otherSafetyInsurance: readonly OtherSafetyInsurance[] | undefined,
): OtherSafetyInsurance[] {
  return (otherSafetyInsurance ?? []).map((other) => ({ ...other }));
}

/**
 * RULES-1: the rule set recorded on a policy; its figures apply for the policy's whole life.
 *
 * @throws RuleViolation (RULES-1, 409) when that version is not among `ruleSets`.
 */
export function ruleSetOfPolicy(policy: Pick<Policy, 'id' | 'ruleSetId' | 'ruleSetVersion'>, ruleSets: readonly RuleSet[]): RuleSet {
  return recordedRuleSet(ruleSets, policy, `policy ${policy.id}`);
}


/**
 * UW-1: only an ISSUED policy changes; a cancelled one is refused with the day it was cancelled from.
 *
 * @throws Conflict (UW-1).
 */
export function refuseUnlessIssued(policy: Policy, action: string): void {
  if (policy.status !== 'ISSUED') {
    throw new Conflict(
      `UW-1: policy ${policy.policyNumber} was cancelled${policy.cancellation === undefined ? '' : ` from ${policy.cancellation.on}`}; it can no longer be ${action}`,
      'UW-1',
    );
  }
}

