import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { BusEvent, EventPublisher } from '../../../domain/kernel/event-publisher.port.js';
import { putEventsBatches, putEventsEntryOf } from './put-events-limits.js';

/**
 * Puts bus events on the EventBridge bus, in the order given, in calls cut by count and by size
 * (put-events-limits.ts). Partial failures are an error for the whole call, so the stream batch is retried
 * from the first undelivered record (at-least-once, ordered).
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly BusEvent[]): Promise<void> {
    for (const batch of putEventsBatches(events)) {
      const out = await this.client.send(
        new PutEventsCommand({ Entries: batch.map((event) => ({ EventBusName: this.busName, ...putEventsEntryOf(event) })) }),
      );
      if (out.FailedEntryCount) {
        const first = out.Entries?.find((entry) => entry.ErrorCode);
        throw new Error(`EventBridge refused ${out.FailedEntryCount} event(s): ${first?.ErrorCode} ${first?.ErrorMessage}`);
      }
    }
  }
}
