import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { rotated, type WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { defineRoute } from '../../middleware/route.js';
import { newSigningSecret } from '../../webhooks/signing.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { loadSubscription } from './load-subscription.js';
import { subscriptionView } from './owner.js';
import { subscriptionParams, subscriptionWithSecretSchema } from './schemas.js';

/**
 * Issue 17: a new `whsec_` secret, shown once. For 24 h the previous one signs too (two signatures in
 * `webhook-signature`), so the receiver can switch without losing a message.
 */
export const rotateSecret = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}/rotate-secret',
  access: WEBHOOK_ADMIN,
  summary: 'Rotate the signing secret; the previous one still signs for 24 h',
  tags: ['webhooks'],
  params: subscriptionParams,
  response: subscriptionWithSecretSchema,
  async handle(input) {
    const { subscriptions, clock } = webhooksRoot();
    const current = await loadSubscription(input, input.params.subscriptionId);
    const now = clock.now();
    const secret = newSigningSecret();
    const next: WebhookSubscription = { ...current, secrets: rotated(current.secrets, secret, now), version: current.version + 1, updatedAt: now.toISOString() };
    await subscriptions.update(next, current.version);
    return { body: { ...subscriptionView(next, now), secret } };
  },
});
