import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventBridgePublisher } from '../../../functions/adapters/events/eventbridge-publisher.js';
import { relayStreamBatch } from '../../../functions/relay/handler.js';

const eventBridge = mockClient(EventBridgeClient);

const outboxImage = (n: number) => ({
  PK: `T#t1#USER#u${n}`,
  SK: `OUTBOX#000000000${n}`,
  kind: 'OUTBOX',
  eventId: `ev${n}`,
  type: 'platform.user.created',
  occurredAt: '2026-11-28T08:00:00.000Z',
  tenantId: 't1',
  aggregateType: 'user',
  aggregateId: `u${n}`,
  sequence: 1,
  data: { userId: `u${n}` },
});

const streamEvent = (images: Record<string, unknown>[]): DynamoDBStreamEvent => ({
  Records: images.map((image, index) => ({
    eventName: 'INSERT',
    dynamodb: { SequenceNumber: String(100 + index), NewImage: marshall(image, { removeUndefinedValues: true }) as never },
  })),
});

describe('the outbox relay (stream → EventBridge)', () => {
  beforeEach(() => eventBridge.reset());

  it('puts each outbox event on the anze bus with its stable id, type and tenant', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    const result = await relayStreamBatch(streamEvent([outboxImage(1), { PK: 'T#t1#USER#u1', SK: 'PROFILE', kind: 'USER' }]), (events) =>
      publisher.publish(events),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
    expect(eventBridge).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        {
          EventBusName: 'anze',
          Source: 'anze',
          DetailType: 'platform.user.created',
          Time: new Date('2026-11-28T08:00:00.000Z'),
          Detail: JSON.stringify({
            id: 'ev1',
            type: 'platform.user.created',
            version: 1,
            source: 'anze',
            time: '2026-11-28T08:00:00.000Z',
            tenantId: 't1',
            aggregate: { type: 'user', id: 'u1' },
            sequence: 1,
            data: { userId: 'u1' },
          }),
        },
      ],
    });
  });

  it('skips items that are not outbox events without unmarshalling them, so an odd image cannot stall the relay', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    // DynamoDB Local's stream reports an empty map as `{}`, which unmarshall refuses ("No value defined").
    const odd: DynamoDBStreamEvent = {
      Records: [
        { eventName: 'INSERT', dynamodb: { SequenceNumber: '99', NewImage: { PK: { S: 'T#t1#SERVICE#s1' }, kind: { S: 'SERVICE' }, confirmations: {} } as never } },
        ...streamEvent([outboxImage(2)]).Records,
      ],
    };
    const result = await relayStreamBatch(odd, (events) => publisher.publish(events));
    expect(result.batchItemFailures).toEqual([]);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('batches by ten and, when EventBridge refuses, reports the first undelivered record so order holds', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    const images = Array.from({ length: 12 }, (_, i) => outboxImage(i));
    const result = await relayStreamBatch(streamEvent(images), (events) => publisher.publish(events));
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 2);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '110' }]);
  });
});
