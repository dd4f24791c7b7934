import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { loadSubscription } from './load-subscription.js';
import { subscriptionView } from './owner.js';
import { subscriptionParams, subscriptionSchema } from './schemas.js';

/** Issue 17: one of the caller's endpoints (no secret). */
export const getSubscription = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}',
  access: WEBHOOK_ADMIN,
  summary: 'One webhook endpoint of the caller’s organisation',
  tags: ['webhooks'],
  params: subscriptionParams,
  response: subscriptionSchema,
  async handle(input) {
    const subscription = await loadSubscription(input, input.params.subscriptionId);
    return { body: subscriptionView(subscription, webhooksRoot().clock.now()) };
  },
});
