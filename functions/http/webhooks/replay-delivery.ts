import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { replayed } from '../../../domain/webhooks/delivery.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { deliveryView, ownerOf } from './owner.js';
import { deliveryParams, deliverySchema } from './schemas.js';

/** Issue 17 (replay): the same message again — same `webhook-id`, so a receiver that had it drops the repeat. */
export const replayDelivery = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/deliveries/{deliveryId}/replay',
  access: WEBHOOK_ADMIN,
  summary: 'Send one message again (same webhook-id), on a fresh retry schedule',
  tags: ['webhooks'],
  params: deliveryParams,
  response: deliverySchema,
  async handle(input) {
    const owner = ownerOf(input);
    const { deliveries, clock, queue } = webhooksRoot();
    const found = await deliveries.getDelivery(owner, input.params.deliveryId);
    if (!found) throw new NotFound('webhook delivery');
    const again = replayed(found, clock.now());
    await deliveries.save(again);
    await queue().enqueue(again);
    return { body: deliveryView(again) };
  },
});
