import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType, DomainEvent, EventType } from '../kernel/events.js';
import { SYNC_KINDS } from './provincial-record.js';
import type { SyncRecord } from './sync-record.js';

const described = (description: string) => z.meta({ description });

/** What every sync event carries: the record it is about and where it stands, so a listener needs no read-back. */
export const syncEventPayload = z.object({
  recordId: z.string(),
  kind: z.enum(SYNC_KINDS),
  sourceId: z.string().check(described('Our record: the policy, organisation or service id')),
  sourceVersion: z.int(),
  state: z.enum(['PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'RETRYING']),
  reason: z.optional(z.string().check(described("The province's reason (REJECTED) or the last failure (RETRYING)"))),
  attempts: z.int(),
  county: z.optional(z.string()),
});
export type SyncEventPayload = z.output<typeof syncEventPayload>;

const syncEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'sync_record', summary, payload: syncEventPayload });

/** SYNC-1: the provincial sync's events, one per state a record enters. */
export const syncEvents = {
  pending: syncEvent('sync.record.pending', 'SYNC-1: a version of a record waits to be sent to the provincial platform'),
  sent: syncEvent('sync.record.sent', 'SYNC-1: a record was sent to the provincial platform'),
  accepted: syncEvent('sync.record.accepted', 'SYNC-1: the provincial platform accepted the record'),
  rejected: syncEvent('sync.record.rejected', "SYNC-1: the provincial platform rejected the record, with its reason"),
  retrying: syncEvent('sync.record.retrying', 'SYNC-1: the provincial platform was unavailable; the record goes again later'),
} as const satisfies Readonly<Record<string, AnyEventType>>;

export function syncEventOf(type: EventType<string, SyncEventPayload>, record: SyncRecord): DomainEvent {
  return type.of(
    { id: record.id, version: record.version, tenantId: record.tenantId },
    {
      recordId: record.id,
      kind: record.kind,
      sourceId: record.sourceId,
      sourceVersion: record.sourceVersion,
      state: record.state,
      ...(record.reason === undefined ? {} : { reason: record.reason }),
      attempts: record.attempts,
      ...(record.county === undefined ? {} : { county: record.county }),
    },
  );
}
