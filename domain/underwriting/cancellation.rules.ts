import { compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { validateWith as validate } from '../kernel/validation.js';
import { policyCancelled, policyEventPayloadOf } from './events.js';
import type { Policy } from './policy.js';
import { cancelPolicyBody } from './policy-commands.schema.js';
import type { CancelPolicyBody } from './policy-commands.schema.js';
import { laterOf, refuseUnlessIssued } from './policy.rules.js';

// UW-1: cancelling a policy from a day on (退保/注销), with the event it raises.

/**
 * UW-1: cancels an ISSUED policy from `on`, the first day no longer covered (保险责任自该日零时起终止). `on` lies
 * within the period and not before today: cover already given is not withdrawn after the fact (a back-dated
 * cancellation could be used to refuse a claim — commitment letter art. 4). Before the period starts, `on` may be
 * the start day, voiding the policy. The status becomes CANCELLED at once; the policy still covers the days
 * before `on` (see `coveragePeriodOf`, `isInForce`), so UW-9 and UW-11 stay exact. Raises
 * `underwriting.policy.cancelled`, stored with the policy in one transaction.
 *
 * @throws ValidationFailed for a malformed body.
 * @throws Conflict (UW-1) when already cancelled.
 * @throws RuleViolation (UW-1, `on`, 400) for a day before today or the start, or after the period end.
 * @example
 * const cancelled = cancelPolicy(policy, { on: '2025-01-01', reason: '企业关闭' }, new Date('2024-12-20T02:00:00Z'), 'u-1');
 * cancelled.state.status; // 'CANCELLED'
 * await policies.save(cancelled.state, policy.version, cancelled.events);
 */
export function cancelPolicy(policy: Policy, input: CancelPolicyBody, now: Date, by = 'unknown'): Changed<Policy> {
  const body = validate(cancelPolicyBody, input, 'cancellation');
  refuseUnlessIssued(policy, 'cancelled');
  const recordedAt = instantOf(now);
  const today = shanghaiDateOf(recordedAt);
  const earliest = laterOf(today, policy.periodStart);
  if (compareLocalDates(body.on, earliest) < 0) {
    throw new RuleViolation(
      'UW-1',
      'on',
      `UW-1: a cancellation takes effect on ${earliest} at the earliest (not before today or the period start); ${body.on} would withdraw cover already given`,
      400,
    );
  }
  if (compareLocalDates(body.on, policy.periodEnd) > 0) {
    throw new RuleViolation(
      'UW-1',
      'on',
      `UW-1: policy ${policy.policyNumber} ends on ${policy.periodEnd}; a cancellation from ${body.on} would cancel nothing`,
      400,
    );
  }
  const cancelled: Policy = {
    ...policy,
    status: 'CANCELLED',
    cancellation: { on: body.on, reason: body.reason, recordedAt, recordedBy: by },
    updatedAt: recordedAt,
    version: policy.version + 1,
  };
  return { state: cancelled, events: [policyCancelled.of(cancelled, policyEventPayloadOf(cancelled))] };
}

