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

/** The bus event of a new stream image, or undefined for items that are not outbox events. */
export function busEventFromOutboxImage(image: Record<string, unknown> | undefined): BusEvent | undefined {
  if (!image || image.kind !== 'OUTBOX') return undefined;
  const { eventId, type, version, occurredAt, tenantId, aggregateType, aggregateId, sequence, data } = image;
  if (typeof eventId !== 'string' || typeof type !== 'string' || typeof occurredAt !== 'string') return undefined;
  return {
    id: eventId,
    type,
    version: typeof version === 'number' ? version : 1,
    source: 'anze',
    time: occurredAt,
    ...(typeof tenantId === 'string' ? { tenantId } : {}),
    aggregate: { type: String(aggregateType), id: String(aggregateId) },
    sequence: Number(sequence),
    data: (data ?? {}) as Record<string, unknown>,
  };
}
