import { WEBHOOK_ADMIN } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { ownerOf, subscriptionView } from './owner.js';
import { subscriptionPageSchema, subscriptionsQuery } from './schemas.js';

/** Issue 17: the caller's organisation's endpoints, newest first (ACL-1: never another's). */
export const listSubscriptions = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks/subscriptions',
  access: WEBHOOK_ADMIN,
  summary: "The caller's organisation's webhook endpoints, newest first",
  tags: ['webhooks'],
  query: subscriptionsQuery,
  response: subscriptionPageSchema,
  async handle(input) {
    const { subscriptions, clock } = webhooksRoot();
    const page = await subscriptions.list(ownerOf(input), input.query.limit, input.query.cursor, true);
    const now = clock.now();
    return { body: { items: page.items.map((item) => subscriptionView(item, now)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
