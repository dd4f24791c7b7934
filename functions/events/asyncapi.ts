import * as z from 'zod/mini';
import type { AnyEventType } from '../../domain/kernel/events.js';
import {
  applyConventions,
  CONVENTION_SCHEMAS,
  hoistSharedSchemas,
  liftDefs,
  pascalCase,
  type JsonSchema,
  type SchemaUse,
} from '../http/json-schema-components.js';

/** Served next to the OpenAPI document: by the local gateway, and on AWS as a static file behind CloudFront. */
export const ASYNCAPI_PATH = '/api/v1/asyncapi.json';

const SCHEMAS = '#/components/schemas/';

/** `underwriting.policy.issued` → `UnderwritingPolicyIssued`, a component and channel name. */
export const eventComponentName = (eventType: Pick<AnyEventType, 'name'>): string => pascalCase(eventType.name);

/**
 * What every event looks like on the bus (EventBridge `detail`, functions/relay/bus-event.ts) and in a webhook
 * delivery: the envelope, with the event's own payload as `data`.
 */
const ENVELOPE: JsonSchema = {
  type: 'object',
  description: 'The envelope of every anze event; `data` is the payload of the event named by `type` at `version`.',
  properties: {
    id: { type: 'string', description: 'The event id, stable across redelivery: deduplicate on it' },
    type: { type: 'string', description: 'The event name, `context.entity.verb` (EventBridge `detail-type`)' },
    version: { type: 'integer', minimum: 1, description: 'The payload schema version; a breaking change is a new version' },
    source: { type: 'string', const: 'anze' },
    time: { $ref: `${SCHEMAS}Instant`, description: 'When the change happened' },
    tenantId: { type: 'string', description: 'The insurer (tenant) the event belongs to; absent for platform-wide events' },
    aggregate: {
      type: 'object',
      description: 'What the event reports on',
      properties: { type: { type: 'string' }, id: { type: 'string' } },
      required: ['type', 'id'],
      additionalProperties: false,
    },
    sequence: {
      type: 'integer',
      minimum: 1,
      description: 'The aggregate’s version after the change: the order of its events (one aggregate’s events are ordered)',
    },
    data: { type: 'object', description: 'The payload' },
  },
  required: ['id', 'type', 'version', 'source', 'time', 'aggregate', 'sequence', 'data'],
};

/**
 * The AsyncAPI 3.0 document of every event the platform raises (functions/events/catalogue.ts), generated from
 * the same zod payload schemas the domain raises them with. The application it describes is a subscriber (a
 * webhook endpoint or an EventBridge rule target): each event is a channel whose address is the event name (the
 * EventBridge `detail-type`, the webhook's `type`), with one message and one `receive` operation. Payload parts
 * shared by several events are components, like the OpenAPI document's (functions/http/json-schema-components.ts).
 */
export function buildAsyncApiDocument(eventTypes: readonly AnyEventType[]): JsonSchema {
  const named: Record<string, JsonSchema> = {};
  const conventions = new Set<string>(['Instant']);
  const uses: SchemaUse[] = eventTypes.map((eventType) => {
    // Named after the aggregate when several events share one payload (`PolicyEventData`).
    const name = `${pascalCase(eventType.aggregate)}EventData`;
    const { $schema: _schema, ...json } = z.toJSONSchema(eventType.payload, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
    return { schema: applyConventions(liftDefs(json, SCHEMAS, named, name), SCHEMAS, conventions), name, io: 'output' };
  });
  const reserved = [...Object.keys(CONVENTION_SCHEMAS), 'EventEnvelope', ...eventTypes.map((eventType) => `${eventComponentName(eventType)}Data`)];
  const hoisted = hoistSharedSchemas(uses, { refPrefix: SCHEMAS, named, reserved });

  const schemas: Record<string, JsonSchema> = { ...hoisted.components, EventEnvelope: ENVELOPE };
  for (const name of conventions) schemas[name] = CONVENTION_SCHEMAS[name]!;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  eventTypes.forEach((eventType, index) => {
    const name = eventComponentName(eventType);
    // Every event's payload is a component of its own, so a reader's generated types name each one.
    schemas[`${name}Data`] = hoisted.schemas[index]!;
    messages[name] = {
      name: eventType.name,
      title: eventType.name,
      summary: eventType.summary,
      contentType: 'application/json',
      payload: {
        allOf: [
          { $ref: `${SCHEMAS}EventEnvelope` },
          {
            type: 'object',
            properties: {
              type: { const: eventType.name },
              version: { const: eventType.version },
              aggregate: { type: 'object', properties: { type: { const: eventType.aggregate } } },
              data: { $ref: `${SCHEMAS}${name}Data` },
            },
          },
        ],
      },
      'x-anze-version': eventType.version,
      'x-anze-aggregate': eventType.aggregate,
    };
    channels[name] = {
      address: eventType.name,
      title: eventType.name,
      summary: eventType.summary,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`receive${name}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${name}` },
      summary: eventType.summary,
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
    };
  });

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'anze — 安责险 platform events',
      version: process.env.ANZE_VERSION ?? '0.1.0',
      description: [
        'The domain events of the anze platform, as a subscriber receives them: on the EventBridge bus (the',
        'event name is the `detail-type`, the envelope the `detail`) or by webhook (the envelope is the body).',
        'Deliveries are at least once and ordered per aggregate by `sequence`: deduplicate on `id`.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      messages,
    },
  };
}
