import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBridgePublisher } from '../../../functions/adapters/events/eventbridge-publisher.js';
import { PUT_EVENTS_MAX_BYTES, putEventsEntrySize } from '../../../functions/adapters/events/put-events-limits.js';
import { logger, metrics } from '../../../functions/middleware/observability.js';
import type { BusEvent } from '../../../functions/relay/bus-event.js';
import { loggingRelayObserver, RELAY_METRICS, relayStreamBatch, type ParkedEvent, type RelayObserver } from '../../../functions/relay/handler.js';
import { InProcessBus } from '../../../infra/local/bus.js';

const eventBridge = mockClient(EventBridgeClient);

/** An outbox item whose `data.note` is `chars` Chinese characters: three UTF-8 bytes each, as EventBridge counts. */
const outboxImage = (n: number, chars: number) => ({
  PK: `T#t1#POLICY#p${n}`,
  SK: `OUTBOX#000000000${n}`,
  kind: 'OUTBOX',
  eventId: `ev${n}`,
  type: 'underwriting.policy.issued',
  occurredAt: '2026-12-06T08:00:00.000Z',
  tenantId: 't1',
  aggregateType: 'policy',
  aggregateId: `p${n}`,
  sequence: n,
  data: { note: '安'.repeat(chars) },
});

const streamEvent = (images: Record<string, unknown>[]): DynamoDBStreamEvent => ({
  Records: images.map((image, index) => ({
    eventName: 'INSERT',
    dynamodb: { SequenceNumber: String(100 + index), NewImage: marshall(image, { removeUndefinedValues: true }) as never },
  })),
});

/** EventBridge's own formula over what was sent (14 bytes for Time + UTF-8 of Source, DetailType, Detail). */
const sentSize = (entry: PutEventsRequestEntry): number =>
  14 + Buffer.byteLength(entry.Source ?? '') + Buffer.byteLength(entry.DetailType ?? '') + Buffer.byteLength(entry.Detail ?? '');

const recordingObserver = () => {
  const parked: ParkedEvent[] = [];
  const failures: { error: unknown; first: BusEvent; undelivered: number }[] = [];
  const observer: RelayObserver = {
    parked: (entry) => parked.push(entry),
    publishFailed: (error, first, undelivered) => failures.push({ error, first, undelivered }),
  };
  return { observer, parked, failures };
};

// Three events of ~100 KB (≈ 33,000 Chinese characters each): ~300 KB together, fewer than ten entries.
const HUNDRED_KB = 33_000;

describe('the outbox relay cuts PutEvents calls by size as well as count (issue 21)', () => {
  beforeEach(() => eventBridge.reset());

  it('puts a 300 KB batch of three events in calls of at most 256 KB each, in stream order', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    const images = [1, 2, 3].map((n) => outboxImage(n, HUNDRED_KB));
    const { observer, parked, failures } = recordingObserver();

    const result = await relayStreamBatch(streamEvent(images), (events) => publisher.publish(events), observer);

    expect(result.batchItemFailures).toEqual([]);
    expect(parked).toEqual([]);
    expect(failures).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries ?? []);
    // 2 × ~100 KB fit one call; the third would take it past 256 KB.
    expect(calls.map((entries) => entries.map((entry) => JSON.parse(entry.Detail ?? '{}').id))).toEqual([['ev1', 'ev2'], ['ev3']]);
    for (const entries of calls) {
      expect(entries.reduce((total, entry) => total + sentSize(entry), 0)).toBeLessThanOrEqual(PUT_EVENTS_MAX_BYTES);
      for (const entry of entries) expect(entry).toMatchObject({ EventBusName: 'anze', Source: 'anze', DetailType: 'underwriting.policy.issued' });
    }
  });

  it('counts bytes as EventBridge does, not characters: 90,000 Chinese characters (270 KB) is oversized', () => {
    const event: BusEvent = {
      id: 'e', type: 't', version: 1, source: 'anze', time: '2026-12-06T08:00:00.000Z', aggregate: { type: 'a', id: 'a' }, sequence: 1, data: { note: '安'.repeat(90_000) },
    };
    expect(JSON.stringify(event).length).toBeLessThan(PUT_EVENTS_MAX_BYTES);
    expect(putEventsEntrySize(event)).toBeGreaterThan(PUT_EVENTS_MAX_BYTES);
  });

  it('parks a 300 KB event with its reason instead of blocking its shard, and delivers the events around it', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    const images = [outboxImage(1, 10), outboxImage(2, 100_000), outboxImage(3, 10)];
    const { observer, parked } = recordingObserver();

    const result = await relayStreamBatch(streamEvent(images), (events) => publisher.publish(events), observer);

    expect(result.batchItemFailures).toEqual([]);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
    const sent = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(sent.map((entry) => JSON.parse(entry.Detail ?? '{}').id)).toEqual(['ev1', 'ev3']);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ sequenceNumber: '101', event: { id: 'ev2', type: 'underwriting.policy.issued', tenantId: 't1' } });
    expect(parked[0]?.size).toBeGreaterThan(PUT_EVENTS_MAX_BYTES);
    expect(parked[0]?.reason).toMatch(/ev2 \(underwriting\.policy\.issued\) is \d+ bytes as a PutEvents entry; EventBridge takes at most 262144/);
  });

  it('logs and counts a parked event (RelayParkedEvents) with the ids needed to find its outbox item', async () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const metric = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    try {
      const result = await relayStreamBatch(streamEvent([outboxImage(7, 100_000)]), async () => undefined);
      expect(result.batchItemFailures).toEqual([]);
      expect(error).toHaveBeenCalledWith(
        'outbox relay: event parked, not put on the bus',
        expect.objectContaining({ eventId: 'ev7', type: 'underwriting.policy.issued', tenantId: 't1', sequenceNumber: '100', reason: expect.stringContaining('262144') }),
      );
      expect(metric).toHaveBeenCalledWith(RELAY_METRICS.parkedEvents, 'Count', 1);
    } finally {
      error.mockRestore();
      metric.mockRestore();
    }
  });

  it('logs and counts a failed PutEvents (RelayPublishFailures) instead of swallowing it, and retries from the first undelivered record', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] });
    const publisher = new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'anze');
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const metric = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    try {
      const images = [1, 2, 3].map((n) => outboxImage(n, HUNDRED_KB));
      const result = await relayStreamBatch(streamEvent(images), (events) => publisher.publish(events), loggingRelayObserver);
      expect(result.batchItemFailures).toEqual([{ itemIdentifier: '102' }]);
      expect(error).toHaveBeenCalledWith(
        expect.stringContaining('PutEvents failed'),
        expect.objectContaining({ eventId: 'ev3', undelivered: 1, error: expect.objectContaining({ message: expect.stringContaining('InternalFailure') }) }),
      );
      expect(metric).toHaveBeenCalledWith(RELAY_METRICS.publishFailures, 'Count', 1);
    } finally {
      error.mockRestore();
      metric.mockRestore();
    }
  });
});

describe('the local bus enforces the PutEvents limits (issue 21)', () => {
  const busEvent = (n: number, chars: number): BusEvent => ({
    id: `ev${n}`, type: 'underwriting.policy.issued', version: 1, source: 'anze', time: '2026-12-06T08:00:00.000Z', tenantId: 't1',
    aggregate: { type: 'policy', id: `p${n}` }, sequence: n, data: { note: '安'.repeat(chars) },
  });

  it('refuses one call of 300 KB, or of eleven entries, whole and before delivering anything, as EventBridge would', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe('*', (event) => void seen.push(event.id));
    await expect(bus.publish([1, 2, 3].map((n) => busEvent(n, HUNDRED_KB)))).rejects.toThrow(/ValidationException: PutEvents entries total \d+ bytes; at most 262144/);
    await expect(bus.publish(Array.from({ length: 11 }, (_, n) => busEvent(n, 1)))).rejects.toThrow(/at most 10 entries; got 11/);
    expect(seen).toEqual([]);
    expect(bus.recent()).toEqual([]);
  });

  it('receives the relay’s 300 KB batch in order and without the parked event, as the AWS relay would deliver it', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe('*', (event) => void seen.push(event.id));
    const { observer, parked, failures } = recordingObserver();
    const images = [outboxImage(1, HUNDRED_KB), outboxImage(2, HUNDRED_KB), outboxImage(3, 100_000), outboxImage(4, HUNDRED_KB)];

    const result = await relayStreamBatch(streamEvent(images), (events) => bus.publish(events), observer);

    expect(result.batchItemFailures).toEqual([]);
    expect(failures).toEqual([]);
    expect(seen).toEqual(['ev1', 'ev2', 'ev4']);
    expect(parked.map((entry) => entry.event.id)).toEqual(['ev3']);
  });
});
