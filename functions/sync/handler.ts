import { syncPorts } from './composition-root.js';
import { handleSyncEvent, sweep } from './worker.js';

/** An EventBridge event: a bus event (functions/relay/bus-event.ts) from a rule, or the retry schedule's tick. */
export interface SyncWorkerEvent {
  readonly 'detail-type': string;
  readonly detail?: { readonly tenantId?: string; readonly aggregate?: { readonly id: string } };
}

/** EventBridge's detail-type of a scheduled rule's event. */
export const SCHEDULED_EVENT = 'Scheduled Event';

/**
 * SYNC-1: the provincial sync worker (on AWS a Lambda fed by the rule of functions/events/subscriptions.ts and a
 * one-minute schedule for retries; locally the in-process bus and a timer, infra/local/platform.ts).
 */
export async function handler(event: SyncWorkerEvent): Promise<void> {
  const ports = syncPorts();
  if (event['detail-type'] === SCHEDULED_EVENT) {
    await sweep(ports);
    return;
  }
  const aggregateId = event.detail?.aggregate?.id;
  if (!aggregateId) return;
  await handleSyncEvent({ type: event['detail-type'], aggregateId, ...(event.detail?.tenantId ? { tenantId: event.detail.tenantId } : {}) }, ports);
}
