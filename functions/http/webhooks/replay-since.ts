import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { replayed } from '../../../domain/webhooks/delivery.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { loadSubscription } from './load-subscription.js';
import { replaySinceBody, replayedSchema, subscriptionParams } from './schemas.js';

/** How many messages one replay call sends again; a longer outage is replayed in steps of `since`. */
const REPLAY_MAX = 1000;

/** Issue 17 (replay since a time): every message of the endpoint made at or after `since`, oldest first. */
export const replaySince = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/subscriptions/{subscriptionId}/replay',
  access: WEBHOOK_ADMIN,
  summary: `Send again every message of the endpoint since a time (at most ${REPLAY_MAX} a call)`,
  tags: ['webhooks'],
  params: subscriptionParams,
  body: replaySinceBody,
  response: replayedSchema,
  async handle(input) {
    const subscription = await loadSubscription(input, input.params.subscriptionId);
    const { deliveries, clock, queue } = webhooksRoot();
    const now = clock.now();
    const found = await deliveries.since(subscription.owner, subscription.id, new Date(input.body.since), REPLAY_MAX);
    // Saved together, so the repository writes them in batches (issue 17, throughput: a page's messages replayed
    // get items of their own in BatchWriteItem calls, and their page one mark).
    await Promise.all(
      found.map(async (delivery) => {
        const again = replayed(delivery, now);
        await deliveries.save(again);
        await queue().enqueue(again);
      }),
    );
    return { body: { replayed: found.length } };
  },
});
