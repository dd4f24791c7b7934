import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { loadSubscription } from './load-subscription.js';
import { deliveryView } from './owner.js';
import { deliverySchema, subscriptionParams } from './schemas.js';

/**
 * Issue 17 (test event): a signed `webhooks.endpoint.tested` message, sent at once; the answer is its first
 * attempt as logged (a failure is the receiver's answer, not an error of this call, and is retried on schedule).
 */
export const sendTestEvent = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}/test',
  access: WEBHOOK_ADMIN,
  summary: 'Send a signed test event to the endpoint now',
  tags: ['webhooks'],
  params: subscriptionParams,
  response: deliverySchema,
  successStatus: 201,
  async handle(input) {
    const subscription = await loadSubscription(input, input.params.subscriptionId);
    const { dispatcher, newId, clock } = webhooksRoot();
    const delivery = await dispatcher().sendTest({ ...subscription, enabled: true }, newId(clock.now()));
    return { body: deliveryView(delivery) };
  },
});
