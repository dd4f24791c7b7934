import type { WebhookOwner } from './subscription.js';
import { DISABLE_AFTER_FAILING_MS, nextAttemptAt } from './retry-schedule.js';

export const DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD_LETTERED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** A receiver's answer is logged up to this many characters. */
export const RESPONSE_SNIPPET_MAX = 1024;

/** One try at sending a message: the receiver's status (none when it could not be reached), how long it took. */
export interface DeliveryAttempt {
  readonly at: string;
  readonly status?: number;
  readonly latencyMs: number;
  readonly response?: string;
  readonly error?: string;
}

/**
 * Issue 17: one message to one endpoint. `messageId` is the `webhook-id` header: the same on every attempt and
 * replay, so a receiver drops repeats. `body` is fixed when the message is made, so retries send the same bytes.
 * A message that exhausts the schedule stays as its dead-letter record (DEAD_LETTERED, body and attempts kept).
 */
export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly owner: WebhookOwner;
  readonly messageId: string;
  readonly eventType: string;
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  /** Attempts since the message was made or last replayed: what the retry schedule counts. */
  readonly attemptsInRound: number;
  readonly nextAttemptAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What an attempt did to its message and its endpoint. */
export interface AttemptOutcome {
  readonly delivery: WebhookDelivery;
  /** Set when the endpoint must be disabled now, with why. */
  readonly disable?: string;
  /** The endpoint's failing-since after this attempt (undefined: healthy). */
  readonly failingSince: string | undefined;
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Issue 17: the retry schedule's decision after one attempt. 2xx delivers; 410 Gone dead-letters the message and
 * disables the endpoint at once; any other failure waits for the next step of the schedule, or dead-letters the
 * message when the schedule is spent; an endpoint whose failures have lasted 5 days is disabled.
 */
export function afterAttempt(
  delivery: WebhookDelivery,
  attempt: DeliveryAttempt,
  endpointFailingSince: string | undefined,
  now: Date,
  random: number,
): AttemptOutcome {
  const attempts = [...delivery.attempts, attempt].slice(-50);
  const base = { ...delivery, attempts, attemptsInRound: delivery.attemptsInRound + 1, updatedAt: now.toISOString() };
  if (isSuccess(attempt.status)) {
    const { nextAttemptAt: _, ...rest } = base;
    return { delivery: { ...rest, status: 'DELIVERED' }, failingSince: undefined };
  }
  const failingSince = endpointFailingSince ?? now.toISOString();
  const { nextAttemptAt: _, ...spent } = base;
  if (attempt.status === 410) {
    return { delivery: { ...spent, status: 'DEAD_LETTERED' }, failingSince, disable: 'the endpoint answered 410 Gone' };
  }
  const failingFor = now.getTime() - Date.parse(failingSince);
  const disable = failingFor >= DISABLE_AFTER_FAILING_MS ? `every attempt failed since ${failingSince}` : undefined;
  const next = disable ? undefined : nextAttemptAt(base.attemptsInRound, now, random);
  if (!next) return { delivery: { ...spent, status: 'DEAD_LETTERED' }, failingSince, ...(disable ? { disable } : {}) };
  return { delivery: { ...base, status: 'RETRYING', nextAttemptAt: next.toISOString() }, failingSince };
}

/** A replay: the same message (same `webhook-id`) due again now, on a fresh round of the schedule. */
export function replayed(delivery: WebhookDelivery, now: Date): WebhookDelivery {
  return { ...delivery, status: 'PENDING', attemptsInRound: 0, nextAttemptAt: now.toISOString(), updatedAt: now.toISOString() };
}
