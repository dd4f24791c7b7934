import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { deliveryView, ownerOf } from './owner.js';
import { deliveriesQuery, deliveryPageSchema } from './schemas.js';

/** Issue 17: the delivery log — every message and its attempts (status, latency, ≤ 1 KB of the answer), newest first. */
export const listDeliveries = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks/deliveries',
  access: WEBHOOK_ADMIN,
  summary: 'The delivery log: messages and every attempt, by endpoint and status',
  tags: ['webhooks'],
  query: deliveriesQuery,
  response: deliveryPageSchema,
  async handle(input) {
    const { limit, cursor, subscriptionId, status } = input.query;
    const page = await webhooksRoot().deliveries.listDeliveries(ownerOf(input), {
      limit,
      withTotal: true,
      ...(cursor ? { cursor } : {}),
      ...(subscriptionId ? { subscriptionId } : {}),
      ...(status ? { status } : {}),
    });
    return { body: { items: page.items.map(deliveryView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
