import { compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { allowedVatRate } from '../kernel/rule-set/vat-rate.js';
import { validateWith as validate } from '../kernel/validation.js';
import { policyEndorsed, policyEventPayloadOf } from './events.js';
import type { EndorsementChanges, EnterpriseSnapshot, Policy } from './policy.js';
import { endorsePolicyBody } from './policy-commands.schema.js';
import type { EndorsePolicyBody } from './policy-commands.schema.js';
import {
  MAX_PERIOD_EXTENSION_DAYS,
  checkDeathLimit,
  checkNoOverlap,
  checkPolicyPeriod,
  checkWholeWorkforce,
  laterOf,
  periodDays,
  premiumExTax,
  refuseUnlessIssued,
  ruleSetOfPolicy,
} from './policy.rules.js';
import { proRataDeltaFen, rerate } from './rating.js';

// UW-1, UW-3, UW-4, UW-7, UW-9: endorsing an issued policy (批改) and the event it raises.

export interface EndorseContext {
  /** The user recording the endorsement. */
  readonly by: string;
  readonly now: Date;
  /** RULES-1: must include the version recorded on the policy, whose figures (UW-4's floor) apply. */
  readonly ruleSets: readonly RuleSet[];
  /**
   * REG-1, UW-3: the enterprise's current register entry. Needed when `employeesCovered` changes (the new count
   * must equal the register's); `undefined` then means the enterprise left the register.
   */
  readonly enterprise?: EnterpriseSnapshot | undefined;
  /** UW-9: as for issue; needed when `periodEnd` moves later. The policy itself may be included. */
  readonly enterprisePolicies?: readonly Policy[];
}

/**
 * UW-1, UW-3, UW-4, UW-7, UW-9: an endorsement (批改) of an ISSUED policy — a new staff count, insured amount,
 * death limit and/or period end — effective from today, or from the period start when made before it (no
 * retroactive changes: a lower amount back-dated over an accident would take cover away from workers).
 *
 * Re-checked as they apply: UW-3 when `employeesCovered` changes (it must equal the register's current count);
 * UW-4 and UW-1 when the death limit or insured amount changes (under the policy's own rule set); UW-1 when the
 * period end changes (not before the effective day — end cover earlier by cancelling — and within one year plus
 * {@link MAX_PERIOD_EXTENSION_DAYS} of the start); UW-9 when it moves later.
 *
 * UW-7: the premium changes pro rata temporis (see `proRataDeltaFen`) at the rating stored on the policy — same
 * base rate, same factors — and the ex-tax premium is recomputed on the new total. The endorsement records each
 * change (from → to) and the premium difference.
 *
 * @throws ValidationFailed for a malformed body.
 * @throws Conflict (UW-1) when the policy is cancelled.
 * @throws RuleViolation (UW-1, 409) when the period is over; (UW-1, `endorsement`, 400) when nothing changes; the
 * rules above as for `issuePolicy`; (REG-1, 409) when the enterprise left the register.
 * @example
 * const { state: endorsed, events } = endorsePolicy(policy, { employeesCovered: 280, reason: '新招聘26人' },
 *   { by: 'u-1', now, ruleSets: [XINZHOU_2024], enterprise: { ...snapshot, employees: 280 } });
 * endorsed.endorsements[0]?.premiumDeltaFen; // the added premium for the rest of the period
 * await policies.save(endorsed, policy.version, events); // with underwriting.policy.endorsed
 */
export function endorsePolicy(policy: Policy, input: EndorsePolicyBody, context: EndorseContext): Changed<Policy> {
  const body = validate(endorsePolicyBody, input, 'endorsement');
  refuseUnlessIssued(policy, 'endorsed');
  const recordedAt = instantOf(context.now);
  const today = shanghaiDateOf(recordedAt);
  if (compareLocalDates(today, policy.periodEnd) > 0) {
    throw new RuleViolation('UW-1', undefined, `UW-1: policy ${policy.policyNumber} ended on ${policy.periodEnd}; it can no longer be endorsed`, 409);
  }
  const effectiveOn = laterOf(today, policy.periodStart);

  const employeesCovered = body.employeesCovered ?? policy.employeesCovered;
  const perPersonInsuredAmountFen = body.perPersonInsuredAmountFen ?? policy.perPersonInsuredAmountFen;
  const perPersonDeathLimitFen = body.perPersonDeathLimitFen ?? policy.perPersonDeathLimitFen;
  const periodEnd = body.periodEnd ?? policy.periodEnd;
  const changes: EndorsementChanges = {
    ...(employeesCovered === policy.employeesCovered
      ? {}
      : { employeesCovered: { from: policy.employeesCovered, to: employeesCovered } }),
    ...(perPersonInsuredAmountFen === policy.perPersonInsuredAmountFen
      ? {}
      : { perPersonInsuredAmountFen: { from: policy.perPersonInsuredAmountFen, to: perPersonInsuredAmountFen } }),
    ...(perPersonDeathLimitFen === policy.perPersonDeathLimitFen
      ? {}
      : { perPersonDeathLimitFen: { from: policy.perPersonDeathLimitFen, to: perPersonDeathLimitFen } }),
    ...(periodEnd === policy.periodEnd ? {} : { periodEnd: { from: policy.periodEnd, to: periodEnd } }),
  };
  if (Object.keys(changes).length === 0) {
    throw new RuleViolation(
      'UW-1',
      'endorsement',
      'UW-1: the endorsement changes nothing; send a new employeesCovered, perPersonInsuredAmountFen, perPersonDeathLimitFen or periodEnd',
      400,
    );
  }

  if (changes.employeesCovered !== undefined) {
    if (context.enterprise === undefined) {
      throw new RuleViolation(
        'REG-1',
        'employeesCovered',
        `REG-1: ${policy.enterprise.name} (${policy.enterprise.uscc}) is no longer in the enterprise register, so its staff count cannot be checked`,
        409,
      );
    }
    checkWholeWorkforce(employeesCovered, context.enterprise);
  }
  if (changes.perPersonDeathLimitFen !== undefined || changes.perPersonInsuredAmountFen !== undefined) {
    checkDeathLimit(perPersonDeathLimitFen, perPersonInsuredAmountFen, ruleSetOfPolicy(policy, context.ruleSets));
  }
  if (changes.periodEnd !== undefined) {
    if (compareLocalDates(periodEnd, effectiveOn) < 0) {
      throw new RuleViolation(
        'UW-1',
        'periodEnd',
        `UW-1: the period cannot end before ${effectiveOn}, the day the endorsement takes effect; cancel the policy to end its cover earlier`,
        400,
      );
    }
    checkPolicyPeriod(policy.periodStart, periodEnd);
    if (compareLocalDates(periodEnd, policy.periodEnd) > 0) {
      checkNoOverlap(
        {
          id: policy.id,
          tenantId: policy.tenantId,
          members: policy.members,
          enterpriseUscc: policy.enterprise.uscc,
          period: { start: policy.periodStart, end: periodEnd },
        },
        context.enterprisePolicies ?? [],
        'periodEnd',
      );
    }
  }

  const premiumDeltaFen = proRataDeltaFen({
    oldPremiumFen: rerate(policy.rating, policy.employeesCovered, policy.perPersonInsuredAmountFen),
    oldRemainingDays: periodDays(effectiveOn, policy.periodEnd),
    newPremiumFen: rerate(policy.rating, employeesCovered, perPersonInsuredAmountFen),
    newRemainingDays: periodDays(effectiveOn, periodEnd),
    ratedPeriodDays: policy.rating.ratedPeriodDays,
  });
  // Rounding a refund can reach at most half a fen per earlier endorsement past what was charged; never below 0.
  const premiumFen = Math.max(0, policy.premiumFen + premiumDeltaFen);
  const endorsed: Policy = {
    ...policy,
    employeesCovered,
    perPersonInsuredAmountFen,
    perPersonDeathLimitFen,
    periodEnd,
    premiumFen,
    // FEE-1: a policy written before rates were rule-set data may carry one typed freely; it is not carried forward.
    premiumExTaxFen: premiumExTax(premiumFen, allowedVatRate(ruleSetOfPolicy(policy, context.ruleSets), policy.vatRateBasisPoints, 'vatRateBasisPoints', 409).basisPoints),
    endorsements: [
      ...policy.endorsements,
      {
        sequence: policy.endorsements.length + 1,
        effectiveOn,
        reason: body.reason,
        changes,
        premiumDeltaFen: premiumFen - policy.premiumFen,
        premiumFen,
        recordedAt,
        recordedBy: context.by,
      },
    ],
    updatedAt: recordedAt,
    version: policy.version + 1,
  };
  return { state: endorsed, events: [policyEndorsed.of(endorsed, policyEventPayloadOf(endorsed))] };
}

