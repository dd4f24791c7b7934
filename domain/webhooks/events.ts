import * as z from 'zod/mini';
import { defineEvent, type AnyEventType } from '../kernel/events.js';

const text = (description: string) => z.string().check(z.meta({ description }));

/**
 * Issue 17: the platform disabled a webhook endpoint — it answered 410 Gone, or failed every attempt for 5 days.
 * Raised in the owner's partition, so the owner's other systems (and its console) learn of it.
 */
export const subscriptionDisabled = defineEvent({
  name: 'webhooks.subscription.disabled',
  version: 1,
  aggregate: 'webhook-subscription',
  summary: 'A webhook endpoint was disabled by the platform: it answered 410 Gone or failed every attempt for 5 days',
  payload: z.object({
    subscriptionId: text('The disabled endpoint'),
    url: text('Its URL'),
    reason: text('410 Gone, or failing since a time'),
    agency: z.optional(text("The owning regulator agency, for a regulator's endpoint")),
    county: z.optional(text("The owning county EMB's county, for a county EMB's endpoint")),
  }),
});

export const webhookEvents = { subscriptionDisabled } satisfies Record<string, AnyEventType>;
