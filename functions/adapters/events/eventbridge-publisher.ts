import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { BusEvent, EventPublisher } from '../../../domain/kernel/event-publisher.port.js';

/** PutEvents takes at most ten entries a call. */
const BATCH = 10;

/**
 * Puts bus events on the EventBridge bus, in the order given. Partial failures are an error for the
 * whole call, so the stream batch is retried from the first undelivered record (at-least-once, ordered).
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly BusEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += BATCH) {
      const batch = events.slice(start, start + BATCH);
      const out = await this.client.send(
        new PutEventsCommand({
          Entries: batch.map((event) => ({
            EventBusName: this.busName,
            Source: 'anze',
            DetailType: event.type,
            Time: new Date(event.time),
            Detail: JSON.stringify(event),
          })),
        }),
      );
      if (out.FailedEntryCount) {
        const first = out.Entries?.find((entry) => entry.ErrorCode);
        throw new Error(`EventBridge refused ${out.FailedEntryCount} event(s): ${first?.ErrorCode} ${first?.ErrorMessage}`);
      }
    }
  }
}
