import type { BusEvent } from '../kernel/event-publisher.port.js';
import type { WebhookOwner } from './subscription.js';

/** Standard Webhooks: a message body is at most this size; a full record over it is sent thin instead. */
export const MAX_PAYLOAD_BYTES = 20 * 1024;

/** Where the record an event is about can be read by the owner's API client; undefined when no route reads it. */
export function linkOf(event: BusEvent, owner: WebhookOwner): string | undefined {
  const { type, id } = event.aggregate;
  const tenant = event.tenantId;
  if (owner.kind === 'tenant') {
    const own: Record<string, string> = {
      policy: `/api/v1/policies/${id}`,
      service: `/api/v1/services/${id}`,
      hazard: `/api/v1/hazards/${id}`,
      complaint: `/api/v1/complaints/${id}`,
      notice: `/api/v1/notices/${id}`,
    };
    return own[type];
  }
  if (!tenant) return undefined;
  const regulator: Record<string, string> = {
    policy: `/api/v1/regulator/insurers/${tenant}/policies/${id}`,
    service: `/api/v1/regulator/insurers/${tenant}/services/${id}`,
  };
  return regulator[type];
}

/**
 * The body of a webhook message (Standard Webhooks: `type`, `timestamp`, `data`). Thin by default — the event's
 * ids, version and a link to the record — so a receiver reads the record through the API with its own rights;
 * the full event data when the endpoint asked for it, unless that would pass 20 KB (then thin, `truncated`).
 */
export function messageBody(event: BusEvent, owner: WebhookOwner, fullPayload: boolean): string {
  const link = linkOf(event, owner);
  const thin = {
    id: event.aggregate.id,
    aggregate: event.aggregate.type,
    sequence: event.sequence,
    ...(event.tenantId === undefined ? {} : { tenantId: event.tenantId }),
    ...(typeof event.data.county === 'string' ? { county: event.data.county } : {}),
    ...(link === undefined ? {} : { link }),
  };
  const envelope = (data: unknown) => JSON.stringify({ type: event.type, version: event.version, eventId: event.id, timestamp: event.time, data });
  if (fullPayload) {
    const full = envelope({ ...thin, record: event.data });
    if (new TextEncoder().encode(full).length <= MAX_PAYLOAD_BYTES) return full;
    return envelope({ ...thin, truncated: true });
  }
  return envelope(thin);
}
