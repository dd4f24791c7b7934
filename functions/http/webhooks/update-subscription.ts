import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import type { WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { checkEventTypes, checkUrl } from './check-endpoint.js';
import { loadSubscription } from './load-subscription.js';
import { subscriptionView } from './owner.js';
import { subscriptionParams, subscriptionSchema, updateSubscriptionBody } from './schemas.js';

/**
 * Issue 17: edit an endpoint — URL (SSRF guard again), event types (catalogue), description, payload kind — or
 * enable/disable it. Enabling clears what the platform recorded when it disabled it (410, 5 days failing).
 */
export const updateSubscription = defineRoute({
  method: 'PATCH',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}',
  access: WEBHOOK_ADMIN,
  summary: 'Change a webhook endpoint: URL, event types, description, payload, enabled',
  tags: ['webhooks'],
  params: subscriptionParams,
  body: updateSubscriptionBody,
  response: subscriptionSchema,
  async handle(input) {
    const { subscriptions, urlPolicy, clock } = webhooksRoot();
    const current = await loadSubscription(input, input.params.subscriptionId);
    const { version, url, eventTypes, description, enabled, fullPayload } = input.body;
    if (url !== undefined) checkUrl(url, urlPolicy);
    if (eventTypes !== undefined) checkEventTypes(eventTypes);
    const now = clock.now();
    const reEnabled = enabled === true && !current.enabled;
    const { disabledReason: _, failingSince: __, ...rest } = current;
    const next: WebhookSubscription = {
      ...rest,
      ...(reEnabled ? {} : { ...(current.disabledReason ? { disabledReason: current.disabledReason } : {}), ...(current.failingSince ? { failingSince: current.failingSince } : {}) }),
      ...(url === undefined ? {} : { url }),
      ...(eventTypes === undefined ? {} : { eventTypes: [...new Set(eventTypes)] }),
      ...(description === undefined ? {} : { description }),
      ...(enabled === undefined ? {} : { enabled }),
      ...(fullPayload === undefined ? {} : { fullPayload }),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await subscriptions.update(next, version);
    return { body: subscriptionView(next, now) };
  },
});
