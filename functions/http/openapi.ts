import { routeKeyOf, type RouteSpec } from '../middleware/route.js';
import * as z from 'zod/mini';
import { errorSchema } from './zod.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input: every problem names its field and, where one applies, the rule id',
  '401': 'Missing, forged or expired token',
  '403': 'The role may not call this route (see the access matrix)',
  '404': 'Not found — also the answer for another tenant’s object',
  '409': 'A rule or state conflict, naming the rule id',
  '412': 'Stale version',
  '429': 'Too many requests',
};

/**
 * Where the document is served: a static file, not a Lambda route — generating it needs every context's
 * route table, which no single function should bundle. The local gateway serves it from memory; on AWS the
 * web stack writes it at synth time next to the console, and CloudFront serves it under this path.
 */
export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (so the document
 * cannot drift from behaviour) and from the access matrix (which roles may call each route).
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = toSchema(errorSchema, 'output');
  for (const route of routes) {
    const access = route.access;
    const parameters = [
      ...propertiesOf(route.params, 'path'),
      ...propertiesOf(route.query, 'query'),
      ...(route.method === 'POST' && route.idempotent !== false
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
        : []),
    ];
    const responses: Record<string, unknown> = {
      [String(route.successStatus ?? 200)]: {
        description: 'Success',
        content: route.response ? { 'application/json': { schema: toSchema(route.response, 'output') } } : undefined,
      },
    };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      responses[status] = { description, content: { 'application/json': { schema: error } } };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      operationId: operationId(route),
      security: access?.kind === 'public' ? [] : [{ bearer: [] }],
      'x-anze-roles': access?.kind === 'roles' ? access.roles : ['public'],
      parameters,
      requestBody: route.body
        ? { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } }
        : undefined,
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'anze — 安责险 platform API',
      version: process.env.ANZE_VERSION ?? '0.1.0',
      description: 'Money in integer fen, dates YYYY-MM-DD (Asia/Shanghai), errors {"error":{code,message,details}}.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

function propertiesOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const operationId = (route: RouteSpec): string =>
  route.method.toLowerCase() +
  route.path
    .replace('/api/v1', '')
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/[{}]/g, '').replace(/(^|[-.])(\w)/g, (_m, _s, c: string) => c.toUpperCase()))
    .join('');
