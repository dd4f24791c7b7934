import type { RouteSpec } from '../../middleware/route.js';
import { createSubscription } from './create-subscription.js';
import { deleteSubscription } from './delete-subscription.js';
import { getSubscription } from './get-subscription.js';
import { listDeliveries } from './list-deliveries.js';
import { listSubscriptions } from './list-subscriptions.js';
import { replayDelivery } from './replay-delivery.js';
import { replaySince } from './replay-since.js';
import { rotateSecret } from './rotate-secret.js';
import { sendTestEvent } from './send-test-event.js';
import { updateSubscription } from './update-subscription.js';

/** Issue 17: webhooks for other systems — endpoints, the delivery log, replay, rotation, test events. */
export const webhookRoutes: readonly RouteSpec[] = [
  createSubscription,
  listSubscriptions,
  getSubscription,
  updateSubscription,
  deleteSubscription,
  rotateSecret,
  sendTestEvent,
  replaySince,
  listDeliveries,
  replayDelivery,
];
