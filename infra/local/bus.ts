import type { BusEvent } from '../../functions/relay/bus-event.js';

export type Subscriber = (event: BusEvent) => Promise<void> | void;

/**
 * The local twin of the EventBridge bus: subscribers by event-type pattern (`platform.*`, `*`), delivered
 * in publish order. It keeps the last events for tests and the local console to look at.
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
