import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import { logger } from '../middleware/observability.js';
import { notificationPorts } from './composition-root.js';
import { notify } from './notify.js';

/** An EventBridge event from the `anze` bus; its detail is the bus event (functions/relay/bus-event.ts). */
export interface NotificationEvent {
  readonly 'detail-type': string;
  readonly detail: BusEvent;
}

/**
 * Issue 16: the notifications function. On AWS an EventBridge rule per row of functions/events/subscriptions.ts
 * whose target is `notifications`; locally the in-process bus. Errors are thrown, so EventBridge retries and
 * then dead-letters the event; a retry adds nothing already delivered (ids come from the event's).
 */
export async function handler(event: NotificationEvent): Promise<void> {
  const outcome = await notify(event.detail, notificationPorts());
  logger.info('notified', { type: event['detail-type'], eventId: event.detail.id, ...outcome });
}
