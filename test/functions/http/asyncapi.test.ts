import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEvent, type AnyEventType } from '../../../domain/kernel/events.js';
import { ASYNCAPI_PATH, buildAsyncApiDocument, eventComponentName } from '../../../functions/events/asyncapi.js';
import { ALL_EVENT_TYPES } from '../../../functions/events/catalogue.js';

type Json = Record<string, unknown>;
interface AsyncApi {
  asyncapi: string;
  info: { title: string; version: string };
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: { schemas: Record<string, Json>; messages: Record<string, { name: string; summary: string; payload: { allOf: Json[] } }> };
}

function resolve(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((value, part) => (value as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
function refsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => refsOf(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

const policyPayload = z.object({
  policyId: z.string(),
  enterprise: z.object({ uscc: z.string(), name: z.string(), county: z.string(), industry: z.string() }),
  premiumFen: z.int(),
  startsOn: z.string(),
});
const SAMPLE: readonly AnyEventType[] = [
  defineEvent({ name: 'underwriting.policy.issued', version: 1, aggregate: 'policy', summary: 'A policy was issued', payload: policyPayload }),
  defineEvent({ name: 'underwriting.policy.cancelled', version: 2, aggregate: 'policy', summary: 'A policy was cancelled', payload: policyPayload }),
  defineEvent({
    name: 'complaints.complaint.received',
    version: 1,
    aggregate: 'complaint',
    summary: 'A complaint was received',
    payload: z.object({ complaintId: z.string(), receivedAt: z.string() }),
  }),
] as readonly AnyEventType[];

describe('the AsyncAPI document (/api/v1/asyncapi.json)', () => {
  const doc = buildAsyncApiDocument(SAMPLE) as unknown as AsyncApi;

  it('is AsyncAPI 3.0.0 with one channel per event, addressed by the event name, and a receive operation', () => {
    expect(ASYNCAPI_PATH).toBe('/api/v1/asyncapi.json');
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.title).toBeTruthy();
    expect(Object.values(doc.channels).map((channel) => channel.address)).toEqual(SAMPLE.map((event) => event.name));
    for (const event of SAMPLE) {
      const name = eventComponentName(event);
      expect(doc.operations[`receive${name}`]).toEqual({
        action: 'receive',
        channel: { $ref: `#/channels/${name}` },
        summary: event.summary,
        messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
      });
      expect(doc.components.messages[name]).toMatchObject({ name: event.name, summary: event.summary });
    }
    for (const key of [...Object.keys(doc.channels), ...Object.keys(doc.operations), ...Object.keys(doc.components.schemas)]) {
      expect(key).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
  });

  it('describes each message as the envelope with the event’s own payload as data', () => {
    const message = doc.components.messages.UnderwritingPolicyCancelled!;
    expect(message.payload.allOf[0]).toEqual({ $ref: '#/components/schemas/EventEnvelope' });
    expect(message.payload.allOf[1]).toMatchObject({
      properties: { type: { const: 'underwriting.policy.cancelled' }, version: { const: 2 }, data: { $ref: '#/components/schemas/UnderwritingPolicyCancelledData' } },
    });
    expect(Object.keys((doc.components.schemas.EventEnvelope as { properties: Json }).properties)).toEqual([
      'id', 'type', 'version', 'source', 'time', 'tenantId', 'aggregate', 'sequence', 'data',
    ]);
    // Two events with one payload share one component; its fields follow the conventions (Fen, LocalDate, Instant).
    const issued = doc.components.schemas.UnderwritingPolicyIssuedData;
    expect(issued).toEqual(doc.components.schemas.UnderwritingPolicyCancelledData);
    const shared = resolve(doc, (issued as { $ref: string }).$ref) as { properties: Json };
    expect(shared.properties).toMatchObject({ premiumFen: { $ref: '#/components/schemas/Fen' }, startsOn: { $ref: '#/components/schemas/LocalDate' } });
    expect(doc.components.schemas.ComplaintsComplaintReceivedData).toMatchObject({
      properties: { complaintId: { type: 'string' }, receivedAt: { $ref: '#/components/schemas/Instant' } },
    });
  });

  it('resolves every $ref inside the document', () => {
    for (const ref of refsOf(doc)) expect(resolve(doc, ref), ref).toBeDefined();
  });

  it('lists every event of the catalogue with its payload schema', () => {
    const catalogue = buildAsyncApiDocument(ALL_EVENT_TYPES) as unknown as AsyncApi;
    console.info(`${ASYNCAPI_PATH}: ${ALL_EVENT_TYPES.length} events, ${JSON.stringify(catalogue).length} characters minified`);
    expect(Object.values(catalogue.channels).map((channel) => channel.address).sort()).toEqual(ALL_EVENT_TYPES.map((event) => event.name).sort());
    for (const event of ALL_EVENT_TYPES) {
      const name = eventComponentName(event);
      const data = catalogue.components.schemas[`${name}Data`];
      expect(data, event.name).toBeDefined();
      const payload = (typeof data?.$ref === 'string' ? resolve(catalogue, data.$ref) : data) as Json;
      const expected = z.toJSONSchema(event.payload, { io: 'output', unrepresentable: 'any' }) as { properties?: Json };
      expect(Object.keys((payload.properties as Json | undefined) ?? {}), event.name).toEqual(Object.keys(expected.properties ?? {}));
    }
    for (const ref of refsOf(catalogue)) expect(resolve(catalogue, ref), ref).toBeDefined();
  });
});
