import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import type { WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { defineRoute } from '../../middleware/route.js';
import { newSigningSecret } from '../../webhooks/signing.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { checkEventTypes, checkUrl } from './check-endpoint.js';
import { ownerOf, subscriptionView } from './owner.js';
import { createSubscriptionBody, subscriptionWithSecretSchema } from './schemas.js';

/**
 * Issue 17 (ACL-1, ACL-2, ACL-4): an insurer admin subscribes its systems to its own events, a regulator agency to
 * the events in its scope; the owner comes from the token. The URL passes the SSRF guard, the event types the
 * catalogue; the `whsec_` secret is in this answer and never again.
 */
export const createSubscription = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/subscriptions',
  access: WEBHOOK_ADMIN,
  summary: 'Subscribe an endpoint to event types (wildcards by context); the secret is shown once',
  tags: ['webhooks'],
  body: createSubscriptionBody,
  response: subscriptionWithSecretSchema,
  successStatus: 201,
  async handle(input) {
    const owner = ownerOf(input);
    const { subscriptions, urlPolicy, clock, newId } = webhooksRoot();
    checkUrl(input.body.url, urlPolicy);
    checkEventTypes(input.body.eventTypes);
    const now = clock.now();
    const secret = newSigningSecret();
    const subscription: WebhookSubscription = {
      id: newId(now),
      owner,
      url: input.body.url,
      eventTypes: [...new Set(input.body.eventTypes)],
      description: input.body.description ?? '',
      enabled: true,
      fullPayload: input.body.fullPayload ?? false,
      secrets: [{ secret, createdAt: now.toISOString() }],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    await subscriptions.create(subscription);
    return { body: { ...subscriptionView(subscription, now), secret } };
  },
});
