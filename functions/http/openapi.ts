import type { RouteSpec } from '../middleware/route.js';
import * as z from 'zod/mini';
import { contractSchemas } from './zod.js';
import { monthDaySchema } from '../../domain/kernel/calendar/month-day.js';
import { archiveRefSchema } from '../../domain/underwriting/qualification.schema.js';
import {
  applyConventions,
  CONVENTION_SCHEMAS,
  extendSharedObjects,
  factorUnionBases,
  hoistSharedSchemas,
  liftDefs,
  pascalCase,
  singular,
  type JsonSchema,
  type SchemaUse,
} from './json-schema-components.js';

const SCHEMAS = '#/components/schemas/';

/**
 * Names for kernel schemas that the routes use under several property names (`halfYearReportDue`,
 * `yearReportDue`, …): shared, each would otherwise be named after whichever use came first. Unlike
 * `contractSchemas`, a name here adds no component unless the schema is shared; the request variant (closed to
 * unknown fields) is `<Name>Input`.
 */
const COMPONENT_NAMES: readonly (readonly [string, z.ZodMiniType])[] = [
  ['MonthDay', monthDaySchema],
  ['ArchiveRef', archiveRefSchema],
];

const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return io === 'output' ? factorUnionBases(openToAdditions(rest)) : rest;
};

/**
 * A response may gain fields without a version bump (API.md: "add to it freely"), so a client must not be told
 * to refuse unknown ones: `additionalProperties: false` stays on request bodies (the API refuses unknown
 * fields) and leaves responses.
 */
function openToAdditions(schema: JsonSchema): JsonSchema {
  const open = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(open);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as JsonSchema)
        .filter(([key, child]) => !(key === 'additionalProperties' && child === false))
        .map(([key, child]) => [key, open(child)]),
    );
  };
  return open(schema) as JsonSchema;
}

/**
 * Every error answers the same envelope, whatever the route: one shared response for the whole 4XX range
 * (OpenAPI's range key), which lists what each status means, instead of seven copies in every operation.
 */
const ERROR_RESPONSE = {
  description: [
    'An error, as {"error":{code,message,rule?,details?}}:',
    '400 invalid input (every problem names its field and, where one applies, the rule id);',
    '401 missing, forged or expired token; 403 the role may not call this route (see the access matrix);',
    '404 not found — also the answer for another tenant’s object; 409 a rule or state conflict, naming the rule id;',
    '412 stale version; 413 body over 6 MB; 429 too many requests.',
  ].join(' '),
  content: { 'application/json': { schema: { $ref: `${SCHEMAS}Error` } } },
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
 *
 * Every schema used more than once — entities, pages, the error envelope, ids, money, dates, instants — is a
 * component referenced by `$ref` (functions/http/json-schema-components.ts), as are repeated parameters and
 * the error responses: the document stays small and its generated TypeScript has one named type per entity.
 * In what the API answers, the fields all branches of a union share are written once beside it, and an object
 * that is a shared one plus some fields is written as `allOf` that one (json-schema-components.ts).
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): JsonSchema {
  const named: Record<string, JsonSchema> = {};
  const registered = z.toJSONSchema(contractSchemas, { io: 'output', unrepresentable: 'any', uri: (id) => `${SCHEMAS}${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  for (const [id, schema] of Object.entries(registered.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    named[id] = rest;
  }
  const conventions = new Set<string>();
  const uses: SchemaUse[] = [];
  /** Adds a schema to be shared; its index in `uses`. */
  const use = (json: JsonSchema, io: 'input' | 'output', name: string): number => {
    uses.push({ schema: applyConventions(liftDefs(json, SCHEMAS, named, name), SCHEMAS, conventions), name, io });
    return uses.length - 1;
  };

  const operations = routes.map((route) => {
    const resource = resourceOf(route);
    const parameters = [
      ...propertiesOf(route.params, 'path', use),
      ...propertiesOf(route.query, 'query', use),
    ];
    return {
      route,
      parameters,
      body: route.body ? use(toSchema(route.body, 'input'), 'input', resource) : undefined,
      response: route.response ? use(toSchema(route.response, 'output'), 'output', resource) : undefined,
    };
  });

  // Schemas named in zod (`meta({ id })`) follow the same conventions as the rest (Fen, LocalDate, Instant, Id).
  for (const [name, schema] of Object.entries(named)) named[name] = applyConventions(schema, SCHEMAS, conventions);
  const names: Record<string, JsonSchema> = {};
  for (const [name, schema] of COMPONENT_NAMES) {
    names[name] = applyConventions(toSchema(schema, 'output'), SCHEMAS, new Set());
    names[`${name}Input`] = applyConventions(toSchema(schema, 'input'), SCHEMAS, new Set());
  }
  const hoisted = hoistSharedSchemas(uses, { refPrefix: SCHEMAS, named, names, reserved: Object.keys(CONVENTION_SCHEMAS) });
  extendSharedObjects(hoisted, uses, SCHEMAS);
  const schemas = { ...hoisted.components };
  for (const name of conventions) schemas[name] = CONVENTION_SCHEMAS[name]!;

  const sharedParameters = new SharedParameters();
  const sharedResponses = new SharedResponses(SCHEMAS);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { route, parameters, body, response } of operations) {
    const access = route.access;
    const allParameters = [
      ...parameters.map((parameter) => ({ ...parameter, schema: hoisted.schemas[parameter.schema] })),
      ...(route.method === 'POST' && route.idempotent !== false
        ? [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 } }]
        : []),
    ].map((parameter) => sharedParameters.add(parameter));
    const responses: Record<string, unknown> = {
      [String(route.successStatus ?? 200)]: sharedResponses.add(response === undefined ? undefined : hoisted.schemas[response]),
    };
    responses['4XX'] = { $ref: '#/components/responses/Error' };
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      operationId: operationId(route),
      // The document's default is the bearer token; a public route says it needs none.
      ...(access?.kind === 'public' ? { security: [] } : access?.kind === 'api-key' ? { security: [{ apiKey: [] }] } : {}),
      'x-anze-roles': access?.kind === 'roles' ? access.roles : access?.kind === 'api-key' ? ['api-key'] : ['public'],
      parameters: allParameters,
      requestBody:
        body === undefined ? undefined : { required: true, content: { 'application/json': { schema: hoisted.schemas[body] } } },
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
    security: [{ bearer: [] }],
    components: {
      // MON-2: a mine's data source posts with its API key instead of a user's token.
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      parameters: sharedParameters.components(),
      responses: { Error: ERROR_RESPONSE, ...sharedResponses.components() },
    },
    paths,
  };
}

/**
 * A success answering a component schema (`Policy`, `PageOfService`) that two operations or more return becomes
 * `components.responses.<Schema>`, like the error response: one response object, `$ref`'d from each.
 */
class SharedResponses {
  private readonly byName = new Map<string, { response: Record<string, unknown>; slots: Record<string, unknown>[] }>();

  constructor(private readonly schemaPrefix: string) {}

  add(schema: unknown): Record<string, unknown> {
    const response: Record<string, unknown> = { description: 'Success', ...(schema === undefined ? {} : { content: { 'application/json': { schema } } }) };
    const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith(this.schemaPrefix)) return response;
    const name = ref.slice(this.schemaPrefix.length);
    const slot = { ...response };
    const entry = this.byName.get(name) ?? { response, slots: [] as Record<string, unknown>[] };
    entry.slots.push(slot);
    this.byName.set(name, entry);
    return slot;
  }

  /** The shared responses; each slot of a schema returned twice or more is turned into its `$ref`. */
  components(): Record<string, unknown> {
    const components: Record<string, unknown> = {};
    for (const [name, { response, slots }] of [...this.byName.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (slots.length < 2 || name === 'Error') continue;
      components[name] = response;
      for (const slot of slots) {
        for (const key of Object.keys(slot)) delete slot[key];
        slot.$ref = `#/components/responses/${name}`;
      }
    }
    return components;
  }
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  /** Written only when true: `false` is OpenAPI's default. */
  readonly required?: true;
  readonly schema: unknown;
}

/** A parameter written the same way by two operations or more becomes `components.parameters.<Name>`. */
class SharedParameters {
  private readonly seen = new Map<string, { parameter: Parameter; count: number; ref?: { $ref: string } }>();
  private readonly placed: { parameter: Parameter; key: string }[] = [];

  add(parameter: Parameter): Parameter | { $ref: string } {
    const key = JSON.stringify(parameter);
    const entry = this.seen.get(key) ?? { parameter, count: 0 };
    entry.count += 1;
    this.seen.set(key, entry);
    // A placeholder the components() pass fills in: either the parameter itself or a $ref to its component.
    const slot = { ...parameter } as Parameter & { $ref?: string };
    this.placed.push({ parameter: slot, key });
    return slot;
  }

  components(): Record<string, Parameter> {
    const components: Record<string, Parameter> = {};
    const names = new Set<string>();
    for (const [key, entry] of [...this.seen.entries()].sort((a, b) => b[1].count - a[1].count)) {
      if (entry.count < 2) continue;
      // A parameter whose schema is an entity's enum takes its name (`status` of services → `ServiceStatus`).
      const schemaRef = (entry.parameter.schema as { $ref?: unknown } | undefined)?.$ref;
      const schemaName = typeof schemaRef === 'string' ? schemaRef.slice(schemaRef.lastIndexOf('/') + 1) : undefined;
      const own = pascalCase(entry.parameter.name);
      const candidates = [
        ...(schemaName && !(schemaName in CONVENTION_SCHEMAS) && schemaName.endsWith(own) ? [schemaName] : []),
        own,
        `${own}In${pascalCase(entry.parameter.in)}`,
      ];
      let name = candidates.find((candidate) => !names.has(candidate));
      for (let n = 2; name === undefined; n += 1) if (!names.has(`${own}${n}`)) name = `${own}${n}`;
      names.add(name);
      components[name] = entry.parameter;
      entry.ref = { $ref: `#/components/parameters/${name}` };
      void key;
    }
    for (const { parameter, key } of this.placed) {
      const ref = this.seen.get(key)?.ref;
      if (!ref) continue;
      const slot = parameter as unknown as Record<string, unknown>;
      for (const field of Object.keys(slot)) delete slot[field];
      slot.$ref = ref.$ref;
    }
    return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  }
}

function propertiesOf(
  schema: z.ZodMiniType | undefined,
  where: 'path' | 'query',
  use: (json: JsonSchema, io: 'input', name: string) => number,
): { name: string; in: 'path' | 'query'; required?: true; schema: number }[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    ...(where === 'path' || (json.required ?? []).includes(name) ? { required: true as const } : {}),
    schema: use(property, 'input', pascalCase(name)),
  }));
}

/**
 * What a route is about, as a component name: the last path parameter (`{policyId}` → `Policy`) for reads and
 * actions on one object, else the last segment in the singular (`/policies` → `Policy`).
 */
function resourceOf(route: RouteSpec): string {
  const segments = route.path.replace('/api/v1', '').split('/').filter(Boolean);
  const last = segments.at(-1) ?? 'root';
  const lastParameter = [...segments].reverse().find((segment) => segment.startsWith('{'));
  const parameterName = lastParameter?.replace(/[{}]/g, '').replace(/Id$/, '');
  if (last.startsWith('{')) return pascalCase(parameterName ?? 'root');
  if (route.method !== 'GET' && parameterName && segments.indexOf(lastParameter!) === segments.length - 2) return pascalCase(parameterName);
  return pascalCase(singular(last));
}

const operationId = (route: RouteSpec): string =>
  route.method.toLowerCase() +
  route.path
    .replace('/api/v1', '')
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/[{}]/g, '').replace(/(^|[-.])(\w)/g, (_m, _s, c: string) => c.toUpperCase()))
    .join('');

