import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { EventPublisher } from '../../domain/kernel/event-publisher.port.js';
import { EventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { busEventFromOutboxImage, type BusEvent } from './bus-event.js';

let publisher: EventPublisher | undefined;
/** The relay's composition root: the EventBridge publisher, made on first use. */
const publisherOf = (): EventPublisher =>
  (publisher ??= new EventBridgePublisher(new EventBridgeClient({}), process.env.ANZE_EVENT_BUS ?? 'anze'));

/**
 * The outbox relay on AWS: the table stream (filtered to outbox inserts) → the EventBridge bus, in stream
 * order. On a failure it reports the first undelivered record, so Lambda retries from there and nothing
 * after it is delivered out of order (ReportBatchItemFailures).
 */
export async function relayStreamBatch(event: DynamoDBStreamEvent, publish: EventPublisher['publish']): Promise<DynamoDBBatchResponse> {
  const pending: { sequenceNumber: string; event: BusEvent }[] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage || !record.dynamodb.SequenceNumber) continue;
    // Only outbox items are unmarshalled (the AWS event filter does the same): another item may hold a shape the
    // local stream reports oddly — an empty map comes back as `{}` — and one such item must not stall the relay.
    if ((record.dynamodb.NewImage as Record<string, AttributeValue>).kind?.S !== 'OUTBOX') continue;
    const busEvent = busEventFromOutboxImage(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
    if (busEvent) pending.push({ sequenceNumber: record.dynamodb.SequenceNumber, event: busEvent });
  }
  for (let start = 0; start < pending.length; start += 10) {
    const batch = pending.slice(start, start + 10);
    try {
      await publish(batch.map((entry) => entry.event));
    } catch {
      return { batchItemFailures: [{ itemIdentifier: batch[0]?.sequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  relayStreamBatch(event, (events) => publisherOf().publish(events));
