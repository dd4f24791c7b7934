import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import { logger } from '../middleware/observability.js';
import type { DeliveryMessage } from '../adapters/webhooks/sqs-delivery-queue.js';
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
 * one failing record is retried by SQS without the others. A message not yet due (a wait longer than SQS's
 * 15-minute timer) goes back on the queue with the rest of its wait. A receiver's failure is not an error
 * here: the attempt is logged and the retry scheduled by the dispatcher; only our own failures are.
 */
export async function deliveryHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  const root = webhooksRoot();
  // The batch's records are attempted together (no order is promised), so one slow receiver does not hold the
  // others and their log writes share batches (issue 17, throughput).
  const outcomes = await Promise.all(
    event.Records.map(async (record) => {
      try {
        const message = JSON.parse(record.body) as DeliveryMessage;
        if (Date.parse(message.dueAt) - root.clock.now().getTime() > 1000) {
          await root.queue().enqueue({ id: message.id, owner: message.owner, nextAttemptAt: message.dueAt });
          return undefined;
        }
        await root.dispatcher().attempt(message.owner, message.id);
        return undefined;
      } catch (error) {
        logger.error('webhook delivery failed', { error: error as Error, messageId: record.messageId });
        return { itemIdentifier: record.messageId };
      }
    }),
  );
  return { batchItemFailures: outcomes.filter((failure): failure is { itemIdentifier: string } => failure !== undefined) };
}
