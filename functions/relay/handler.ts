import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { EventPublisher } from '../../domain/kernel/event-publisher.port.js';
import { EventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { oversizedReason, putEventsBatches, putEventsEntrySize, PUT_EVENTS_MAX_BYTES } from '../adapters/events/put-events-limits.js';
import { logger, metrics } from '../middleware/observability.js';
import { traceSdkCalls, tracing } from '../middleware/tracing.js';
import { busEventFromOutboxImage, type BusEvent } from './bus-event.js';
import { RELAY_METRICS } from './metrics.js';

let publisher: EventPublisher | undefined;
/** The relay's composition root: the EventBridge publisher, made on first use. */
const publisherOf = (): EventPublisher =>
  (publisher ??= new EventBridgePublisher(traceSdkCalls(new EventBridgeClient({}), 'EventBridge'), process.env.ANZE_EVENT_BUS ?? 'anze'));

/** An outbox event the relay will not put on the bus, and why; its outbox item stays in the table. */
export interface ParkedEvent {
  readonly event: BusEvent;
  /** The stream record's sequence number, to find it again. */
  readonly sequenceNumber: string;
  readonly size: number;
  readonly reason: string;
}

/** What the relay reports besides its answer to Lambda: the CloudWatch alarms of the API stack watch these. */
export interface RelayObserver {
  /** A PutEvents call failed; the batch is retried from `firstUndelivered`. */
  publishFailed(error: unknown, firstUndelivered: BusEvent, undelivered: number): void;
  /** An event was set aside instead of blocking its shard. */
  parked(parked: ParkedEvent): void;
}

export { RELAY_METRICS };

/** Logs every failure and parked event at ERROR with what is needed to find it, and counts both (Powertools EMF). */
export const loggingRelayObserver: RelayObserver = {
  publishFailed(error, firstUndelivered, undelivered) {
    logger.error('outbox relay: PutEvents failed; the stream batch is retried from the first undelivered record', {
      error: error as Error,
      eventId: firstUndelivered.id,
      type: firstUndelivered.type,
      undelivered,
    });
    metrics.addMetric(RELAY_METRICS.publishFailures, MetricUnit.Count, 1);
  },
  parked({ event, sequenceNumber, size, reason }) {
    logger.error('outbox relay: event parked, not put on the bus', {
      reason,
      eventId: event.id,
      type: event.type,
      tenantId: event.tenantId,
      aggregate: event.aggregate,
      sequence: event.sequence,
      sequenceNumber,
      size,
    });
    metrics.addMetric(RELAY_METRICS.parkedEvents, MetricUnit.Count, 1);
  },
};

/**
 * The outbox relay on AWS: the table stream (filtered to outbox inserts) → the EventBridge bus, in stream
 * order, in PutEvents calls of at most ten entries and 256 KB. On a failure it logs and counts it, then
 * reports the first undelivered record, so Lambda retries from there and nothing after it is delivered out of
 * order (ReportBatchItemFailures). An event that no call can carry (its entry alone over 256 KB) would fail
 * every retry and block its shard for a day: it is parked — logged with its reason and ids, counted, and
 * skipped — and the outbox item it came from stays in the table for `npm run replay:events`.
 */
export async function relayStreamBatch(
  event: DynamoDBStreamEvent,
  publish: EventPublisher['publish'],
  observer: RelayObserver = loggingRelayObserver,
): Promise<DynamoDBBatchResponse> {
  const pending: (BusEvent & { readonly sequenceNumber: string })[] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage || !record.dynamodb.SequenceNumber) continue;
    // Only outbox items are unmarshalled (the AWS event filter does the same): another item may hold a shape the
    // local stream reports oddly — an empty map comes back as `{}` — and one such item must not stall the relay.
    if ((record.dynamodb.NewImage as Record<string, AttributeValue>).kind?.S !== 'OUTBOX') continue;
    const busEvent = busEventFromOutboxImage(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
    if (!busEvent) continue;
    const size = putEventsEntrySize(busEvent);
    if (size > PUT_EVENTS_MAX_BYTES) {
      observer.parked({ event: busEvent, sequenceNumber: record.dynamodb.SequenceNumber, size, reason: oversizedReason(busEvent, size) });
      continue;
    }
    pending.push({ ...busEvent, sequenceNumber: record.dynamodb.SequenceNumber });
  }
  let delivered = 0;
  for (const batch of putEventsBatches(pending)) {
    try {
      await publish(batch.map(({ sequenceNumber: _, ...busEvent }) => busEvent));
    } catch (error) {
      const first = batch[0];
      if (!first) break;
      const { sequenceNumber, ...firstEvent } = first;
      observer.publishFailed(error, firstEvent, pending.length - delivered);
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
    delivered += batch.length;
  }
  return { batchItemFailures: [] };
}

/** The Lambda handler: the same Powertools stack as the HTTP functions (context in logs, X-Ray, EMF metrics flushed). */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(tracing() as MiddlewareObj<DynamoDBStreamEvent, DynamoDBBatchResponse>)
  .use(logMetrics(metrics))
  .handler((event: DynamoDBStreamEvent) => relayStreamBatch(event, (events) => publisherOf().publish(events)));
