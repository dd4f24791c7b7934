import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import { logger } from '../middleware/observability.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { isFirstAttempt, type DeliveryMessage } from '../adapters/webhooks/sqs-delivery-queue.js';
import { webhooksRoot } from './composition-root.js';

/** An EventBridge event from the `anze` bus; its detail is the bus event. */
export interface WebhookBusEvent {
  readonly 'detail-type': string;
  readonly detail: BusEvent;
}

/**
 * Issue 17, fan-out: the target of the `Webhooks` row of functions/events/subscriptions.ts. Makes one message
 * per subscription that wants the event (once, whatever the bus repeats) and puts each on the delivery queue.
 * An error is thrown, so EventBridge retries the event and then dead-letters it.
 */
export async function handler(event: WebhookBusEvent): Promise<void> {
  const made = await webhooksRoot().dispatcher().fanOut(event.detail);
  if (made > 0) logger.info('webhook messages made', { type: event['detail-type'], eventId: event.detail.id, made });
}

/**
 * Issue 17, delivery: the delivery queue's consumer, with partial batch failures (ReportBatchItemFailures), so
 * one failing record is retried by SQS without the others. New messages of the batch make their first attempts
 * together and are stored in pages (domain/webhooks/pages.ts) — a record is reported done only once its message
 * is stored; one whose storing failed is received again and sent again (same webhook-id). A stored message not
 * yet due (a wait longer than SQS's 15-minute timer) goes back on the queue with the rest of its wait. A
 * receiver's failure is not an error here: the attempt is logged and the retry scheduled by the dispatcher; only
 * our own failures are.
 */
export async function deliveryHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  const root = webhooksRoot();
  const failures: { itemIdentifier: string }[] = [];
  const firsts: { record: string; delivery: WebhookDelivery }[] = [];
  const stored: { record: string; message: Extract<DeliveryMessage, { dueAt: string }> }[] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as DeliveryMessage;
      if (isFirstAttempt(message)) firsts.push({ record: record.messageId, delivery: message.first });
      else stored.push({ record: record.messageId, message });
    } catch (error) {
      logger.error('webhook delivery record unreadable', { error: error as Error, messageId: record.messageId });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  // Stored messages and the pages of new ones are attempted together (no order is promised), so one slow receiver
  // does not hold the others (issue 17, throughput).
  const retries = stored.map(async ({ record, message }) => {
    try {
      if (Date.parse(message.dueAt) - root.clock.now().getTime() > 1000) {
        await root.queue().enqueue({ id: message.id, owner: message.owner, nextAttemptAt: message.dueAt });
        return;
      }
      await root.dispatcher().attempt(message.owner, message.id);
    } catch (error) {
      logger.error('webhook delivery failed', { error: error as Error, messageId: record });
      failures.push({ itemIdentifier: record });
    }
  });
  const pages = (async () => {
    if (firsts.length === 0) return;
    // A message twice in one batch (an event the bus repeated) is sent twice; each record answers for its own.
    const records = new Map<string, string[]>();
    for (const { record, delivery } of firsts) records.set(delivery.id, [...(records.get(delivery.id) ?? []), record]);
    const fail = (id: string) => failures.push(...(records.get(id) ?? []).map((itemIdentifier) => ({ itemIdentifier })));
    try {
      const result = await root.dispatcher().deliverFirst(
        firsts.map(({ delivery }) => delivery),
        { durable: true },
      );
      for (const { id, error } of result.unsettled) {
        logger.error('webhook first attempt not stored', { error: error as Error, deliveryId: id });
        fail(id);
      }
      for (const delivery of result.notSent) fail(delivery.id);
    } catch (error) {
      logger.error('webhook first attempts failed', { error: error as Error });
      failures.push(...firsts.map(({ record }) => ({ itemIdentifier: record })));
    }
  })();
  await Promise.all([...retries, pages]);
  return { batchItemFailures: [...new Map(failures.map((failure) => [failure.itemIdentifier, failure])).values()] };
}
