import type { BusEvent } from '../../functions/relay/bus-event.js';
import { PUT_EVENTS_MAX_BYTES, PUT_EVENTS_MAX_ENTRIES, putEventsEntrySize } from '../../functions/adapters/events/put-events-limits.js';

export type Subscriber = (event: BusEvent) => Promise<void> | void;

/**
 * The local twin of the EventBridge bus: subscribers by event-type pattern (`platform.*`, `*`), delivered
 * in publish order. It keeps the last events for tests and the local console to look at.
 *
 * Each `publish` is one PutEvents call and is refused whole, before any delivery, where EventBridge would
 * refuse it: more than ten entries or more than 256 KB of entries as EventBridge counts them. So a relay
 * that would block its shard on AWS blocks it here too.
 */
export class InProcessBus {
  private readonly subscribers: { pattern: RegExp; subscriber: Subscriber }[] = [];
  private readonly recentEvents: BusEvent[] = [];

  constructor(private readonly keep = 1000) {}

  subscribe(pattern: string, subscriber: Subscriber): () => void {
    const entry = { pattern: patternToRegExp(pattern), subscriber };
    this.subscribers.push(entry);
    return () => this.subscribers.splice(this.subscribers.indexOf(entry), 1);
  }

  async publish(events: readonly BusEvent[]): Promise<void> {
    assertOnePutEventsCall(events);
    for (const event of events) {
      this.recentEvents.push(event);
      if (this.recentEvents.length > this.keep) this.recentEvents.shift();
      for (const { pattern, subscriber } of this.subscribers) {
        if (pattern.test(event.type)) await subscriber(event);
      }
    }
  }

  recent(): readonly BusEvent[] {
    return this.recentEvents;
  }
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** EventBridge's limits on one PutEvents call (functions/adapters/events/put-events-limits.ts), as its errors word them. */
export function assertOnePutEventsCall(events: readonly BusEvent[]): void {
  if (events.length > PUT_EVENTS_MAX_ENTRIES) {
    throw new Error(`ValidationException: PutEvents takes at most ${PUT_EVENTS_MAX_ENTRIES} entries; got ${events.length}`);
  }
  const bytes = events.reduce((total, event) => total + putEventsEntrySize(event), 0);
  if (bytes > PUT_EVENTS_MAX_BYTES) {
    throw new Error(`ValidationException: PutEvents entries total ${bytes} bytes; at most ${PUT_EVENTS_MAX_BYTES} a call`);
  }
}
