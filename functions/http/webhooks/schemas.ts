import * as z from 'zod/mini';
import { strictObject } from '../../../domain/kernel/schema-parts.js';
import { DELIVERY_STATUSES } from '../../../domain/webhooks/delivery.js';
import { MAX_EVENT_TYPES } from '../../../domain/webhooks/event-patterns.js';
import { idParam, pageOf, pageQuery } from '../zod.js';

const url = z.string('url must be a URL').check(z.minLength(1, 'url must be a URL'), z.maxLength(2048, 'url: at most 2048 characters'));
const eventTypes = z
  .array(z.string().check(z.maxLength(100)), 'eventTypes must be a list of event types')
  .check(z.minLength(1, 'eventTypes: name at least one event type'), z.maxLength(MAX_EVENT_TYPES, `eventTypes: at most ${MAX_EVENT_TYPES}`));
const description = z.string().check(z.trim(), z.maxLength(200, 'description: at most 200 characters'));

/** `POST /webhooks/subscriptions` (API.md). */
export const createSubscriptionBody = strictObject({
  url,
  eventTypes,
  description: z.optional(description),
  fullPayload: z.optional(z.boolean()),
});

/** `PATCH /webhooks/subscriptions/{subscriptionId}`: the fields to change; `version` from the last read (412 otherwise). */
export const updateSubscriptionBody = strictObject({
  version: z.int('version must be the version last read'),
  url: z.optional(url),
  eventTypes: z.optional(eventTypes),
  description: z.optional(description),
  enabled: z.optional(z.boolean()),
  fullPayload: z.optional(z.boolean()),
});

export const subscriptionParams = z.object({ subscriptionId: idParam });
export const deliveryParams = z.object({ deliveryId: idParam });

/** A subscription as its owner reads it: never a secret (shown once, at creation and rotation). */
export const subscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string(),
  enabled: z.boolean(),
  fullPayload: z.boolean(),
  disabledReason: z.optional(z.string()),
  failingSince: z.optional(z.string()),
  /** When the previous secret stops signing, during a rotation's overlap. */
  previousSecretRetiresAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

export const subscriptionWithSecretSchema = z.object({ ...subscriptionSchema.shape, secret: z.string().check(z.meta({ description: 'whsec_…: shown this once' })) });
export const subscriptionPageSchema = pageOf(subscriptionSchema);
export const subscriptionsQuery = z.object({ ...pageQuery });
export const deletedSchema = z.object({ id: z.string(), deleted: z.boolean() });

const attemptSchema = z.object({
  at: z.string(),
  status: z.optional(z.int()),
  latencyMs: z.int(),
  response: z.optional(z.string()),
  error: z.optional(z.string()),
});

export const deliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  messageId: z.string().check(z.meta({ description: 'The webhook-id header, the same on every attempt' })),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(attemptSchema),
  nextAttemptAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const deliveryPageSchema = pageOf(deliverySchema);
export const deliveriesQuery = z.object({
  ...pageQuery,
  subscriptionId: z.optional(idParam),
  status: z.optional(z.enum(DELIVERY_STATUSES, `status must be one of ${DELIVERY_STATUSES.join(', ')}`)),
});

export const replaySinceBody = strictObject({
  since: z.iso.datetime({ message: 'since must be an ISO 8601 time (e.g. 2026-12-06T08:00:00Z)', offset: true }),
});
export const replayedSchema = z.object({ replayed: z.int() });
