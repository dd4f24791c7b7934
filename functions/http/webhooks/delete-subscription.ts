import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { loadSubscription } from './load-subscription.js';
import { deletedSchema, subscriptionParams } from './schemas.js';

/** Issue 17: remove an endpoint; nothing more is sent to it (its delivery log expires with its messages' TTL). */
export const deleteSubscription = defineRoute({
  method: 'DELETE',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}',
  access: WEBHOOK_ADMIN,
  summary: 'Delete a webhook endpoint',
  tags: ['webhooks'],
  params: subscriptionParams,
  response: deletedSchema,
  async handle(input) {
    const subscription = await loadSubscription(input, input.params.subscriptionId);
    await webhooksRoot().subscriptions.remove(subscription);
    return { body: { id: subscription.id, deleted: true } };
  },
});
