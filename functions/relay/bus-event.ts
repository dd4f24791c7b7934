import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';

/** The bus event's type lives with the relay's port (domain/kernel/event-publisher.port.ts). */
export type { BusEvent };

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
