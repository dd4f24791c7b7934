import type { ZodMiniType } from 'zod/mini';
import { compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { Conflict, RuleViolation, ValidationFailed } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import type { Fen } from '../kernel/money.js';
import { fieldProblemsOf } from '../kernel/validation.js';
import { isInForce } from '../underwriting/coverage.js';
import type { Policy } from '../underwriting/policy.js';
import type { CasualtyKind, Claim, ClaimLimits, ClaimOutcome } from './claim.js';
import { decideClaimBody, recordPayoutBody, registerClaimBody } from './claim.schema.js';
import { claimEventOf, claimEvents } from './events.js';

const yuan = (amountFen: Fen): string => `${(amountFen / 100).toFixed(2)} 元`;

/**
 * Validates an input: the first problem naming a rule is a 400 {@link RuleViolation} naming it and the field (so
 * "CLM-1" is in the answer); problems of mere shape (an unknown field) are a {@link ValidationFailed}.
 */
function validate<T>(schema: ZodMiniType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = fieldProblemsOf(result.error.issues, root);
  const ruled = problems.find((problem) => problem.rule !== undefined);
  if (ruled?.rule !== undefined) throw new RuleViolation(ruled.rule, ruled.field, ruled.message, 400);
  throw new ValidationFailed(problems);
}

/**
 * CLM-1: the per-person limits in force on `onDate`. An endorsement changes the limits from its `effectiveOn`, so
 * an accident before it is covered at the limits it replaced: endorsements taking effect after the accident are
 * undone, newest first.
 *
 * @example
 * limitsOn(policy, '2024-08-01'); // { deathFen: 30_000_000, personFen: 30_000_000 } before a later increase
 */
export function limitsOn(policy: Pick<Policy, 'perPersonDeathLimitFen' | 'perPersonInsuredAmountFen' | 'endorsements'>, onDate: LocalDate): ClaimLimits {
  let deathFen = policy.perPersonDeathLimitFen;
  let personFen = policy.perPersonInsuredAmountFen;
  for (const endorsement of [...policy.endorsements].reverse()) {
    if (compareLocalDates(endorsement.effectiveOn, onDate) <= 0) break;
    deathFen = endorsement.changes.perPersonDeathLimitFen?.from ?? deathFen;
    personFen = endorsement.changes.perPersonInsuredAmountFen?.from ?? personFen;
  }
  return { deathFen, personFen };
}

/** CLM-1: the limit that caps what one person may be paid: the death limit for a death, the insured amount otherwise. */
export const limitOf = (limits: ClaimLimits, kind: CasualtyKind): Fen => (kind === 'DEATH' ? limits.deathFen : limits.personFen);

export interface RegisterContext {
  readonly id: string;
  readonly by: string;
  readonly now: Date;
}

/**
 * CLM-1: registers a claim on `policy` (loaded by the use case as the caller's own — the lead's, ACL-1). The
 * accident day lies inside the policy's period (and before a cancellation), not in the future, and each person's
 * amount is within the limit for their kind as it stood on that day.
 *
 * @throws RuleViolation (CLM-1, 400) naming the field: `accidentOn` outside the period or in the future,
 *   `casualties.<i>.amountClaimedFen` above the limit, or any malformed field.
 * @example
 * const { state: claim } = registerClaim(policy, { policyId: policy.id, accidentOn: '2024-10-08', place: '3号井',
 *   casualties: [{ name: '李四', kind: 'DEATH', amountClaimedFen: 30_000_000 }] }, { id: 'c-1', by: 'u-1', now });
 */
export function registerClaim(policy: Policy, input: unknown, context: RegisterContext): Changed<Claim> {
  const body = validate(registerClaimBody, input, 'claim');
  const now = instantOf(context.now);
  const today = shanghaiDateOf(context.now);
  if (compareLocalDates(body.accidentOn, today) > 0) {
    throw new RuleViolation('CLM-1', 'accidentOn', `CLM-1: the accident day ${body.accidentOn} is in the future (today is ${today})`, 400);
  }
  if (!isInForce(policy, body.accidentOn)) {
    const until = policy.cancellation ? `cancelled from ${policy.cancellation.on}` : `until ${policy.periodEnd}`;
    throw new RuleViolation(
      'CLM-1',
      'accidentOn',
      `CLM-1: the accident day ${body.accidentOn} is outside policy ${policy.policyNumber}'s cover (${policy.periodStart} ${until})`,
      400,
    );
  }
  const limits = limitsOn(policy, body.accidentOn);
  body.casualties.forEach((casualty, index) => {
    const limit = limitOf(limits, casualty.kind);
    if (casualty.amountClaimedFen > limit) {
      throw new RuleViolation(
        'CLM-1',
        `casualties.${index}.amountClaimedFen`,
        `CLM-1: ${casualty.name} (${casualty.kind}) is claimed at ${yuan(casualty.amountClaimedFen)}, above the policy's per-person limit of ${yuan(limit)}`,
        400,
      );
    }
  });
  const claim: Claim = {
    id: context.id,
    tenantId: policy.tenantId,
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    enterprise: { uscc: policy.enterprise.uscc, name: policy.enterprise.name, county: policy.enterprise.county },
    accidentOn: body.accidentOn,
    place: body.place,
    casualties: body.casualties,
    claimedFen: body.casualties.reduce((sum, casualty) => sum + casualty.amountClaimedFen, 0),
    limits,
    documents: body.documents ?? [],
    status: 'REGISTERED',
    payouts: [],
    paidFen: 0,
    registeredAt: now,
    registeredBy: context.by,
    version: 1,
  };
  return { state: claim, events: [claimEventOf(claimEvents.registered, claim)] };
}

/**
 * CLM-1 (承诺书: 无正当理由不得拒赔): decides a registered claim with the payable amount of each person, never
 * above what was claimed for them nor above their limit. Paying less than claimed — a cut (PARTIALLY_PAID) or a
 * decline (all zero, DECLINED) — needs a reason code from the list and free text saying how it applies.
 *
 * @throws RuleViolation (CLM-1, 400): `payableFen` not one per casualty, `payableFen.<i>` above claimed or limit,
 *   `reasonCode`/`reasonText` missing on a cut or a decline; Conflict (CLM-1, 409) when already decided.
 * @example
 * decideClaim(claim, { payableFen: [0], reasonCode: 'EXCLUSION', reasonText: '事故系故意行为所致' }, 'u-1', now);
 */
export function decideClaim(claim: Claim, input: unknown, by: string, now: Date): Changed<Claim> {
  const body = validate(decideClaimBody, input, 'decision');
  if (claim.status !== 'REGISTERED') throw new Conflict(`CLM-1: claim ${claim.id} is already decided (${claim.decision?.outcome})`, 'CLM-1');
  if (body.payableFen.length !== claim.casualties.length) {
    throw new RuleViolation(
      'CLM-1',
      'payableFen',
      `CLM-1: payableFen must hold one amount per casualty (${claim.casualties.length}), in the claim's order; got ${body.payableFen.length}`,
      400,
    );
  }
  body.payableFen.forEach((payable, index) => {
    const casualty = claim.casualties[index];
    if (!casualty) return;
    const limit = limitOf(claim.limits, casualty.kind);
    if (payable > limit) {
      throw new RuleViolation('CLM-1', `payableFen.${index}`, `CLM-1: ${casualty.name}'s payable ${yuan(payable)} is above the per-person limit of ${yuan(limit)}`, 400);
    }
    if (payable > casualty.amountClaimedFen) {
      throw new RuleViolation('CLM-1', `payableFen.${index}`, `CLM-1: ${casualty.name}'s payable ${yuan(payable)} is above the ${yuan(casualty.amountClaimedFen)} claimed`, 400);
    }
  });
  const totalPayableFen = body.payableFen.reduce((sum, payable) => sum + payable, 0);
  const outcome: ClaimOutcome = totalPayableFen === 0 ? 'DECLINED' : totalPayableFen < claim.claimedFen ? 'PARTIALLY_PAID' : 'PAID';
  const reasonText = body.reasonText === '' ? undefined : body.reasonText;
  if (outcome !== 'PAID') {
    const what = outcome === 'DECLINED' ? 'a declined claim' : 'a claim paid below the amount claimed';
    if (body.reasonCode === undefined) {
      throw new RuleViolation('CLM-1', 'reasonCode', `CLM-1: ${what} needs a reason from the list (no refusal without due reason, 无正当理由不得拒赔)`, 400);
    }
    if (reasonText === undefined) {
      throw new RuleViolation('CLM-1', 'reasonText', `CLM-1: ${what} needs its reason stated in words, not only a code`, 400);
    }
  }
  const decidedAt = instantOf(now);
  const state: Claim = {
    ...claim,
    status: 'DECIDED',
    decision: {
      outcome,
      payableFen: body.payableFen,
      totalPayableFen,
      ...(outcome !== 'PAID' && body.reasonCode !== undefined ? { reasonCode: body.reasonCode } : {}),
      ...(outcome !== 'PAID' && reasonText !== undefined ? { reasonText } : {}),
      decidedOn: shanghaiDateOf(now),
      decidedAt,
      decidedBy: by,
    },
    version: claim.version + 1,
  };
  return { state, events: [claimEventOf(claimEvents.decided, state)] };
}

/**
 * CLM-1: records money paid on a decided, not declined claim. The payouts together never exceed the total
 * payable; a payout is dated between the decision and today.
 *
 * @throws Conflict (CLM-1, 409) before a decision or on a decline; RuleViolation (CLM-1, 400) on `amountFen`
 *   above what is left to pay, `paidOn` before the decision or in the future.
 * @example
 * recordPayout(decided, { paidOn: '2024-11-01', amountFen: 3_000_000 }, 'u-1', now).state.paidFen;
 */
export function recordPayout(claim: Claim, input: unknown, by: string, now: Date): Changed<Claim> {
  const body = validate(recordPayoutBody, input, 'payout');
  const decision = claim.decision;
  if (claim.status !== 'DECIDED' || !decision) throw new Conflict(`CLM-1: claim ${claim.id} is not decided yet; decide it before paying`, 'CLM-1');
  if (decision.outcome === 'DECLINED') throw new Conflict(`CLM-1: claim ${claim.id} was declined; nothing is payable`, 'CLM-1');
  const left = decision.totalPayableFen - claim.paidFen;
  if (body.amountFen > left) {
    throw new RuleViolation(
      'CLM-1',
      'amountFen',
      `CLM-1: ${yuan(body.amountFen)} is more than the ${yuan(left)} left to pay (payable ${yuan(decision.totalPayableFen)}, paid ${yuan(claim.paidFen)})`,
      400,
    );
  }
  const today = shanghaiDateOf(now);
  if (compareLocalDates(body.paidOn, decision.decidedOn) < 0 || compareLocalDates(body.paidOn, today) > 0) {
    throw new RuleViolation('CLM-1', 'paidOn', `CLM-1: paidOn must lie between the decision (${decision.decidedOn}) and today (${today})`, 400);
  }
  const state: Claim = {
    ...claim,
    payouts: [
      ...claim.payouts,
      { paidOn: body.paidOn, amountFen: body.amountFen, ...(body.note === undefined ? {} : { note: body.note }), recordedAt: instantOf(now), recordedBy: by },
    ],
    paidFen: claim.paidFen + body.amountFen,
    version: claim.version + 1,
  };
  return { state, events: [claimEventOf(claimEvents.paid, state)] };
}
