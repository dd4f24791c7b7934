/**
 * An event as it travels on the bus (EventBridge `anze` on AWS, the in-process bus locally), built from an
 * outbox item. `id` is the outbox item's own id, so a relay that delivers twice delivers the same id and
 * subscribers can drop the repeat.
 */
export interface BusEvent {
  readonly id: string;
  /** Past-tense `context.entity.verb`. */
  readonly type: string;
  /** The payload's schema version (the event's declaration in domain/<context>/events.ts). */
  readonly version: number;
  readonly source: 'anze';
  readonly time: string;
  readonly tenantId?: string;
  readonly aggregate: { readonly type: string; readonly id: string };
  /** Order of this event among its aggregate's events. */
  readonly sequence: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Where the outbox relay puts events: the bus. Delivers `events` in the order given, all or nothing as far as
 * the caller can tell (a partial failure is an error, so the relay retries from the first of them).
 */
export interface EventPublisher {
  publish(events: readonly BusEvent[]): Promise<void>;
}
