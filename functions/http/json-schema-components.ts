/**
 * Shared schemas for the contract documents (OpenAPI at /api/v1/openapi.json, AsyncAPI at /api/v1/asyncapi.json).
 *
 * Each route's or event's zod schema is converted on its own, then {@link hoistSharedSchemas} finds the parts
 * that occur more than once — by content, not by zod instance, so `pageOf(policySchema)` built in two route files
 * is one `PageOfPolicy` — and moves them to `components.schemas`, leaving a `$ref` wherever they were. Nothing is
 * listed by hand: a new route that reuses an entity schema gets a `$ref` without any edit here.
 *
 * Names come from where a schema is used: a registered id (functions/http/zod.ts `contractSchemas`, or a zod
 * `meta({ id })`) wins; otherwise the property it sits in (`policy` → `Policy`, `items: Policy[]` → `Policy`), or
 * the route's resource (`GET /policies/{policyId}` → `Policy`); a page of X is `PageOfX`; a schema used only
 * in request bodies is `<Name>Input` (requests and responses may differ through defaults and transforms).
 *
 * The codebase's naming conventions make four small shared schemas: `Id` (the id pattern), `Fen` (integer
 * `…Fen` fields), `LocalDate` (`…On` / `…Date` strings, YYYY-MM-DD) and `Instant` (`…At` strings, ISO 8601).
 */

export type JsonSchema = { [key: string]: unknown };

/** A schema as used by one route or event, before sharing. */
export interface SchemaUse {
  readonly schema: JsonSchema;
  /** The name it would take as a component, from where it is used (PascalCase, e.g. `Policy`). */
  readonly name: string;
  readonly io: 'input' | 'output';
}

export interface HoistOptions {
  /** Where components live, e.g. `#/components/schemas/`. */
  readonly refPrefix: string;
  /** Components named beforehand (registered ids); an identical schema anywhere becomes a `$ref` to them. */
  readonly named?: Readonly<Record<string, JsonSchema>>;
  /** Smallest schema (in JSON characters) worth a component of its own when it is not named. */
  readonly minSize?: number;
  /** Names already used by other components (e.g. the convention schemas). */
  readonly reserved?: readonly string[];
  /** Names for schemas that are components only if shared: an identical part, once shared, takes the name. */
  readonly names?: Readonly<Record<string, JsonSchema>>;
}

export interface Hoisted {
  /** `components.schemas`, sorted by name. */
  readonly components: Record<string, JsonSchema>;
  /** The uses, in order, with their shared parts replaced by `$ref`s. */
  readonly schemas: JsonSchema[];
}

/** Keys whose value is a map of schemas, a schema, or a list of schemas (JSON Schema 2020-12). */
const SCHEMA_MAP_KEYS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const SCHEMA_KEYS = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
const SCHEMA_LIST_KEYS = new Set(['prefixItems', 'anyOf', 'oneOf', 'allOf']);
/** Keywords that describe rather than constrain: kept beside a `$ref` to a convention schema. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);

export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The convention schemas (see the module comment), added to the components whenever one is used. */
export const CONVENTION_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Id: {
    type: 'string',
    pattern: ID_PATTERN,
    description: 'An id the platform issued (ULIDs, user ids…): letters, digits, "_" and "-", 1–64 characters',
  },
  Fen: {
    type: 'integer',
    description: 'An amount of money in integer fen (1 yuan = 100 fen)',
  },
  LocalDate: {
    type: 'string',
    format: 'date',
    description: 'A calendar day, YYYY-MM-DD, in Asia/Shanghai',
  },
  Instant: {
    type: 'string',
    format: 'date-time',
    description: 'An instant, ISO 8601 in UTC (e.g. 2024-05-09T08:30:00.000Z)',
  },
};

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `complaint_id`, `policy-holders`, `__schema0` → `ComplaintId`, `PolicyHolders`, `Schema0`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** `policies` → `policy`, `complaints` → `complaint`, `statuses` → `status`, `entries` → `entry`. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/[^s]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** Everything except annotations: what a schema says about its values. */
function constraintsOf(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !ANNOTATIONS.has(key)));
}
function annotationsOf(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => ANNOTATIONS.has(key)));
}
const isPlain = (schema: JsonSchema, type: string, allowed: readonly string[] = []): boolean =>
  schema.type === type && Object.keys(constraintsOf(schema)).every((key) => key === 'type' || allowed.includes(key));

/**
 * Rewrites the convention fields of a schema tree into `$ref`s to {@link CONVENTION_SCHEMAS}, keeping their
 * annotations and any extra constraint beside the `$ref`; `used` collects the names referred to.
 */
export function applyConventions(schema: JsonSchema, refPrefix: string, used: Set<string>): JsonSchema {
  const ref = (name: string, rest: JsonSchema): JsonSchema => {
    used.add(name);
    return { $ref: `${refPrefix}${name}`, ...rest };
  };
  const visit = (node: JsonSchema, key: string | undefined): JsonSchema => {
    // zod writes the safe-integer range on every `z.int()`, even beside a bound of its own (`minimum: 1`): the
    // default bound says nothing a JSON integer does not, so each one goes on its own.
    if (node.type === 'integer' && (node.minimum === -MAX_SAFE || node.maximum === MAX_SAFE)) {
      node = Object.fromEntries(
        Object.entries(node).filter(([key, value]) => !((key === 'minimum' && value === -MAX_SAFE) || (key === 'maximum' && value === MAX_SAFE))),
      );
    }
    if (node.type === 'string' && node.pattern === ID_PATTERN && isPlain(node, 'string', ['pattern'])) {
      return ref('Id', annotationsOf(node));
    }
    if (key !== undefined) {
      if (/At$/.test(key) && isPlain(node, 'string')) return ref('Instant', annotationsOf(node));
      if ((/[a-z]On$/.test(key) || /(^d|D)ate$/.test(key)) && isPlain(node, 'string')) return ref('LocalDate', annotationsOf(node));
      if (/Fen$/.test(key) && node.type === 'integer') {
        const { type: _type, ...rest } = node;
        if (rest.minimum === -MAX_SAFE) delete rest.minimum;
        if (rest.maximum === MAX_SAFE) delete rest.maximum;
        return ref('Fen', rest);
      }
    }
    return mapChildren(node, (child, childKey) => visit(child, childKey));
  };
  return visit(schema, undefined);
}

/**
 * Writes the fields every branch of a union of objects shares (same name, same schema, required in all or in
 * none) once, beside the union: `{ properties: common, oneOf: [own fields of each branch] }` — the JSON Schema
 * of `base.extend(…)` variants without their base repeated per variant (a ledger entry's eleven common fields
 * were written three times). Only for what the API answers: a request keeps each branch whole and closed.
 */
export function factorUnionBases(schema: JsonSchema): JsonSchema {
  const visit = (node: JsonSchema): JsonSchema => {
    const mapped = mapChildren(node, (child) => visit(child));
    const keyword = Array.isArray(mapped.oneOf) ? 'oneOf' : Array.isArray(mapped.anyOf) ? 'anyOf' : undefined;
    if (!keyword || 'properties' in mapped || '$ref' in mapped) return mapped;
    const plain = (branch: unknown): branch is JsonSchema & { properties: JsonSchema } =>
      isObject(branch) &&
      branch.type === 'object' &&
      isObject(branch.properties) &&
      Object.keys(branch).every((key) => key === 'type' || key === 'properties' || key === 'required');
    const candidates = mapped[keyword] as unknown[];
    if (!candidates.every(plain)) return mapped;
    const branches = candidates as (JsonSchema & { properties: JsonSchema })[];
    const [first, ...rest] = branches;
    if (!first || rest.length === 0) return mapped;
    const requiredOf = (branch: JsonSchema) => new Set((branch.required as string[] | undefined) ?? []);
    const common = Object.keys(first.properties).filter((name) => {
      const text = JSON.stringify(first.properties[name]);
      const required = requiredOf(first).has(name);
      return rest.every((branch) => name in branch.properties && JSON.stringify(branch.properties[name]) === text && requiredOf(branch).has(name) === required);
    });
    if (common.length < 2) return mapped;
    const shared = new Set(common);
    const commonRequired = ((first.required as string[] | undefined) ?? []).filter((name) => shared.has(name));
    const { [keyword]: _branches, ...annotations } = mapped;
    return {
      type: 'object',
      properties: Object.fromEntries(common.map((name) => [name, first.properties[name]])),
      ...(commonRequired.length > 0 ? { required: commonRequired } : {}),
      [keyword]: branches.map((branch) => {
        const required = ((branch.required as string[] | undefined) ?? []).filter((name) => !shared.has(name));
        return {
          type: 'object',
          properties: Object.fromEntries(Object.entries(branch.properties).filter(([name]) => !shared.has(name))),
          ...(required.length > 0 ? { required } : {}),
        };
      }),
      ...annotations,
    };
  };
  return visit(schema);
}

/** A copy of `node` with each sub-schema mapped; `key` is the property name for children of `properties`. */
function mapChildren(node: JsonSchema, map: (child: JsonSchema, key: string | undefined) => JsonSchema): JsonSchema {
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAP_KEYS.has(key) && isObject(value)) {
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, isObject(child) ? map(child, key === 'properties' ? name : undefined) : child]),
      );
    } else if (SCHEMA_KEYS.has(key) && isObject(value)) {
      copy[key] = map(value, undefined);
    } else if (SCHEMA_LIST_KEYS.has(key) && Array.isArray(value)) {
      copy[key] = value.map((child: unknown) => (isObject(child) ? map(child, undefined) : child));
    } else {
      copy[key] = value;
    }
  }
  return copy;
}

/**
 * Moves a zod schema's own `$defs` (schemas with a `meta({ id })`, or cycles) into `named`, rewriting its
 * `#/$defs/…` references to `refPrefix`; a different schema under a name already taken gets a numbered name.
 */
export function liftDefs(schema: JsonSchema, refPrefix: string, named: Record<string, JsonSchema>, hint: string): JsonSchema {
  const defs = schema.$defs ?? schema.definitions;
  if (!isObject(defs)) return schema;
  const { $defs: _defs, definitions: _definitions, ...root } = schema;
  const names = new Map<string, string>();
  for (const id of Object.keys(defs)) names.set(id, /^__schema\d*$/.test(id) ? `${hint}${pascalCase(id)}` : pascalCase(id) || hint);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!isObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => {
          if (key === '$ref' && typeof child === 'string') {
            const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(child);
            if (match) return [key, `${refPrefix}${names.get(decodeURIComponent(match[1]!)) ?? match[1]}`];
          }
          return [key, rewrite(child)];
        }),
      );
    };
    const lifted = Object.entries(defs).map(([id, def]) => [id, rewrite(def) as JsonSchema] as const);
    const clash = lifted.find(([id, def]) => {
      const existing = named[names.get(id)!];
      return existing !== undefined && JSON.stringify(existing) !== JSON.stringify(def);
    });
    if (!clash) {
      for (const [id, def] of lifted) named[names.get(id)!] = def;
      return rewrite(root) as JsonSchema;
    }
    const [id] = clash;
    const base = names.get(id)!.replace(/\d+$/, '');
    const n = Number(/(\d+)$/.exec(names.get(id)!)?.[1] ?? 1);
    names.set(id, `${base}${n + 1}`);
  }
  throw new Error(`cannot name the $defs of ${hint}`);
}

interface Vote {
  count: number;
  readonly qualified: Set<string>;
}

interface Hint {
  readonly name: string;
  /** The same name prefixed with the parent's (`status` in a `Service` → `ServiceStatus`). */
  readonly qualified?: string;
}

/** Names that say nothing alone: they lose to any other name. */
const GENERIC = /^(Item|Items|Value|Values|Data|Result|Results|Entry|Entries|Schema|Key)(Input)?$/;

interface Node {
  readonly id: number;
  readonly sample: JsonSchema;
  readonly size: number;
  /** Children (by node) with how often each occurs in this node. */
  readonly children: Map<Node, number>;
  readonly parents: Map<Node, number>;
  /** Names from where the node is used, with how often, per direction; `qualified` prefixes the parent's name. */
  readonly votes: { readonly output: Map<string, Vote>; readonly input: Map<string, Vote> };
  roots: number;
  forcedName?: string;
  finalCount: number;
  hoisted: boolean;
  name?: string;
  /** For a described use of a schema (`{ description, ...schema }`): the schema without its annotations. */
  readonly core?: Node;
  /** The name it takes if it is shared (HoistOptions.names). */
  preferredName?: string;
}

/**
 * Hoists every schema that occurs at least twice (and is big enough to be worth it, or is named) into
 * components, across all `uses` together. Occurrences are counted in the document as it will be written: a
 * part that only ever occurs inside one shared schema stays inline in that component.
 */
export function hoistSharedSchemas(uses: readonly SchemaUse[], options: HoistOptions): Hoisted {
  const minSize = options.minSize ?? 60;
  const byKey = new Map<string, Node>();
  const byObject = new WeakMap<object, Node>();
  /** The annotation-free copy interned for a described use (see `intern`). */
  const coreOf = new WeakMap<object, JsonSchema>();
  const nodes: Node[] = [];

  const vote = (node: Node, hint: Hint | undefined, io: 'input' | 'output' | undefined) => {
    if (!hint || !io) return;
    const entry = node.votes[io].get(hint.name) ?? { count: 0, qualified: new Set<string>() };
    entry.count += 1;
    if (hint.qualified) entry.qualified.add(hint.qualified);
    node.votes[io].set(hint.name, entry);
  };
  const intern = (schema: JsonSchema, hint: Hint | undefined, io: 'input' | 'output' | undefined): Node => {
    // A shared schema used with a description of its own (`systemDocument: { description, ...document }`) is
    // still the shared schema: its annotations stay beside the `$ref`, as for the convention schemas.
    const annotations = annotationsOf(schema);
    const core = constraintsOf(schema);
    if (Object.keys(annotations).length > 0 && isWorthAComponent(core) && !('$ref' in core)) {
      const coreNode = intern(core, hint, io);
      const key = `${JSON.stringify(Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b)))}#${coreNode.id}`;
      let node = byKey.get(key);
      if (!node) {
        node = { id: nodes.length, sample: schema, size: JSON.stringify(schema).length, children: new Map([[coreNode, 1]]), parents: new Map(), votes: { output: new Map(), input: new Map() }, roots: 0, finalCount: 0, hoisted: false, core: coreNode };
        coreNode.parents.set(node, 1);
        byKey.set(key, node);
        nodes.push(node);
      }
      vote(node, hint, io);
      byObject.set(schema, node);
      coreOf.set(schema, core);
      return node;
    }
    const children = new Map<Node, number>();
    const child = (value: JsonSchema, childHint: Hint | undefined): string => {
      const node = intern(value, childHint, io);
      children.set(node, (children.get(node) ?? 0) + 1);
      return `#${node.id}`;
    };
    const parts: string[] = [];
    for (const key of Object.keys(schema).sort()) {
      const value = schema[key];
      let part: string;
      if (SCHEMA_MAP_KEYS.has(key) && isObject(value)) {
        part = `{${Object.keys(value)
          .sort()
          .map((name) => {
            const item = value[name];
            const childHint = key !== 'properties' ? undefined : name === 'items' ? hint : propertyHint(name, hint);
            return `${JSON.stringify(name)}:${isObject(item) ? child(item, childHint) : JSON.stringify(item)}`;
          })
          .join(',')}}`;
      } else if (SCHEMA_KEYS.has(key) && isObject(value)) {
        part = child(value, subschemaHint(key, hint));
      } else if (SCHEMA_LIST_KEYS.has(key) && Array.isArray(value)) {
        part = `[${value.map((item: unknown) => (isObject(item) ? child(item, key === 'allOf' ? undefined : hint) : JSON.stringify(item))).join(',')}]`;
      } else {
        part = JSON.stringify(value);
      }
      parts.push(`${JSON.stringify(key)}:${part}`);
    }
    const key = `{${parts.join(',')}}`;
    let node = byKey.get(key);
    if (!node) {
      node = {
        id: nodes.length,
        sample: schema,
        size: JSON.stringify(schema).length,
        children,
        parents: new Map(),
        votes: { output: new Map(), input: new Map() },
        roots: 0,
        finalCount: 0,
        hoisted: false,
      };
      for (const [childNode, count] of children) childNode.parents.set(node, count);
      byKey.set(key, node);
      nodes.push(node);
    }
    vote(node, hint, io);
    byObject.set(schema, node);
    return node;
  };

  // Named components first, each written inline so that an identical part anywhere matches it.
  const named = options.named ?? {};
  const inlineNamed = (schema: JsonSchema, seen: readonly string[]): JsonSchema => {
    const resolve = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(resolve);
      if (!isObject(value)) return value;
      const target = typeof value.$ref === 'string' && value.$ref.startsWith(options.refPrefix) ? value.$ref.slice(options.refPrefix.length) : undefined;
      if (target !== undefined && named[target] && !seen.includes(target) && Object.keys(value).length === 1) {
        return inlineNamed(named[target], [...seen, target]);
      }
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolve(child)]));
    };
    return resolve(schema) as JsonSchema;
  };
  for (const [name, schema] of Object.entries(named)) {
    const node = intern(inlineNamed(schema, [name]), undefined, undefined);
    node.forcedName ??= name;
  }
  for (const [name, schema] of Object.entries(options.names ?? {})) {
    // Interned without a use: the name is only a hint and counts no occurrence.
    const node = intern(schema, undefined, undefined);
    node.preferredName ??= name;
  }
  for (const use of uses) intern(use.schema, { name: use.name }, use.io).roots += 1;

  // Parents are always bigger than their children: decide from the largest down, counting each part as often
  // as it will be written (once inside a hoisted parent, as often as the parent otherwise).
  for (const node of [...nodes].sort((a, b) => b.size - a.size)) {
    let count = node.roots + (node.forcedName ? 1 : 0);
    for (const [parent, times] of node.parents) count += times * (parent.hoisted ? 1 : parent.finalCount);
    node.finalCount = count;
    node.hoisted = node.forcedName !== undefined || (node.core === undefined && count >= 2 && node.size >= minSize && isWorthAComponent(node.sample));
  }
  // A described use is shared whole (description included) only where its schema alone is not: an enum too
  // small to share bare, written twice with the same description, is still one component.
  for (const node of nodes) {
    if (node.core && !node.core.hoisted && node.finalCount >= 2 && node.size >= minSize) node.hoisted = true;
  }

  // Names: registered names first, then the most used parts, so the best name goes to the most visible schema.
  const taken = new Set<string>(options.reserved ?? []);
  const hoisted = nodes.filter((node) => node.hoisted);
  hoisted.sort((a, b) => Number(b.forcedName !== undefined) - Number(a.forcedName !== undefined) || b.finalCount * b.size - a.finalCount * a.size);
  const baseName = (node: Node, depth = 0): string[] => {
    if (node.forcedName) return [node.forcedName];
    if (node.preferredName) return [node.preferredName];
    const items = pageItemOf(node.sample);
    if (items && depth < 4) {
      const itemNode = byObject.get(items);
      if (itemNode) return baseName(itemNode, depth + 1).map((name) => `PageOf${name}`);
    }
    // Enums and unions read best under their owner's name (`ServiceStatus`); objects under their own (`Provider`).
    const qualifiedFirst = !('properties' in node.sample) || 'oneOf' in node.sample || 'anyOf' in node.sample;
    const ranked = (votes: Map<string, Vote>, suffix: string) => {
      const byUse = [...votes.entries()].sort(
        (a, b) => Number(GENERIC.test(a[0])) - Number(GENERIC.test(b[0])) || b[1].count - a[1].count,
      );
      const bare = byUse.map(([name]) => name);
      const qualified = byUse.flatMap(([, vote]) => [...vote.qualified]);
      return (qualifiedFirst ? [...qualified, ...bare] : [...bare, ...qualified]).map((name) => `${name}${suffix}`);
    };
    const names = node.votes.output.size > 0 ? ranked(node.votes.output, '') : ranked(node.votes.input, 'Input');
    return names.length > 0 ? names : ['Schema'];
  };
  for (const node of hoisted) {
    const candidates = baseName(node);
    let name = candidates.find((candidate) => !taken.has(candidate));
    for (let n = 2; name === undefined; n += 1) if (!taken.has(`${candidates[0]}${n}`)) name = `${candidates[0]}${n}`;
    taken.add(name);
    node.name = name;
  }

  const render = (schema: JsonSchema, body: Node | undefined): JsonSchema => {
    const node = byObject.get(schema);
    if (node?.hoisted && node !== body) return { $ref: `${options.refPrefix}${node.name}` };
    const core = coreOf.get(schema);
    if (node?.core && core) {
      if (node.core.hoisted) return { $ref: `${options.refPrefix}${node.core.name}`, ...annotationsOf(schema) };
      const inner = render(core, undefined);
      return Object.fromEntries(Object.keys(schema).map((key) => [key, key in inner ? inner[key] : schema[key]]));
    }
    return mapChildren(schema, (child) => render(child, undefined));
  };
  const components: Record<string, JsonSchema> = {};
  for (const node of [...hoisted].sort((a, b) => a.name!.localeCompare(b.name!))) {
    components[node.name!] = render(node.sample, node);
  }
  return { components, schemas: uses.map((use) => render(use.schema, undefined)) };
}

/** The hint of a property: its name, and its name under the owner's (data keys such as `GRADE_1` name nothing). */
function propertyHint(property: string, owner: Hint | undefined): Hint | undefined {
  if (/^[A-Z0-9_]+$/.test(property)) return undefined;
  const name = pascalCase(property);
  return { name, ...(owner && !name.startsWith(owner.name) ? { qualified: `${owner.name}${name}` } : {}) };
}

/** The hint of a sub-schema: array items in the singular, record keys and values after their record. */
function subschemaHint(keyword: string, owner: Hint | undefined): Hint | undefined {
  if (!owner) return undefined;
  if (keyword === 'items') return { name: pascalCase(singular(owner.name)) };
  if (keyword === 'propertyNames') return { name: `${owner.name}Key` };
  if (keyword === 'additionalProperties') return { name: `${owner.name}Value` };
  return undefined;
}

function pageItemOf(schema: JsonSchema): JsonSchema | undefined {
  const properties = schema.properties;
  if (!isObject(properties) || !isObject(properties.items)) return undefined;
  if (!Object.keys(properties).every((key) => key === 'items' || key === 'nextCursor' || key === 'total')) return undefined;
  const items = properties.items;
  return items.type === 'array' && isObject(items.items) ? items.items : undefined;
}

/** Objects, enums and unions are worth a name; an array is not (its items are), nor a lone string or number. */
function isWorthAComponent(schema: JsonSchema): boolean {
  if (schema.type === 'array') return false;
  return schema.type === 'object' || 'properties' in schema || 'enum' in schema || 'anyOf' in schema || 'oneOf' in schema || 'allOf' in schema;
}

/**
 * An answered object that has every field of a shared one (same schemas) and more is written as that one plus
 * its own fields: `{ allOf: [{ $ref: Complaint }], properties: { …the rest } }` — a regulator's complaint row is
 * a complaint and two fields, not a second copy of the complaint. Only where nothing is sent: a request keeps
 * each object whole and closed, and a component a request uses is never the base (it must stay whole there).
 * Rewrites `hoisted` in place.
 */
export function extendSharedObjects(hoisted: Hoisted, uses: readonly SchemaUse[], refPrefix: string): void {
  const { components, schemas } = hoisted;
  const refsOf = (value: unknown, found = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) value.forEach((child) => refsOf(child, found));
    else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(refPrefix)) {
          const name = child.slice(refPrefix.length);
          if (!found.has(name)) {
            found.add(name);
            refsOf(components[name], found);
          }
        } else refsOf(child, found);
      }
    }
    return found;
  };
  const sent = new Set<string>();
  uses.forEach((use, index) => {
    if (use.io === 'input') for (const name of refsOf(schemas[index])) sent.add(name);
  });
  const isBase = (schema: JsonSchema): schema is JsonSchema & { properties: JsonSchema } =>
    isObject(schema.properties) &&
    Object.keys(schema.properties).length >= 3 &&
    Object.keys(schema).every((key) => key === 'type' || key === 'properties' || key === 'required');
  const bases = Object.entries(components).filter(
    (entry): entry is [string, JsonSchema & { properties: JsonSchema }] => !sent.has(entry[0]) && isBase(entry[1]),
  );
  const requiredOf = (schema: JsonSchema) => (schema.required as string[] | undefined) ?? [];

  const extend = (node: JsonSchema, self: string | undefined): JsonSchema => {
    const mapped = mapChildren(node, (child) => extend(child, undefined));
    const properties = mapped.properties;
    if (!isObject(properties) || mapped.type !== 'object' || 'allOf' in mapped || mapped.additionalProperties === false) return mapped;
    let best: { name: string; base: JsonSchema & { properties: JsonSchema }; size: number } | undefined;
    for (const [name, base] of bases) {
      if (name === self || (self !== undefined && refsOf(base).has(self))) continue;
      const fields = Object.keys(base.properties);
      if (fields.length >= Object.keys(properties).length) continue;
      if (!fields.every((field) => field in properties && JSON.stringify(properties[field]) === JSON.stringify(base.properties[field]))) continue;
      const required = new Set(requiredOf(mapped));
      if (JSON.stringify(requiredOf(base)) !== JSON.stringify(requiredOf(mapped).filter((field) => fields.includes(field)))) continue;
      if (fields.some((field) => required.has(field) !== requiredOf(base).includes(field))) continue;
      const size = JSON.stringify(base.properties).length;
      if (!best || size > best.size) best = { name, base, size };
    }
    if (!best) return mapped;
    const inherited = new Set(Object.keys(best.base.properties));
    const required = requiredOf(mapped).filter((field) => !inherited.has(field));
    const { type: _type, properties: _properties, required: _required, ...rest } = mapped;
    return {
      allOf: [{ $ref: `${refPrefix}${best.name}` }],
      type: 'object',
      properties: Object.fromEntries(Object.entries(properties).filter(([field]) => !inherited.has(field))),
      ...(required.length > 0 ? { required } : {}),
      ...rest,
    };
  };
  for (const [name, component] of Object.entries(components)) if (!sent.has(name)) components[name] = extend(component, name);
  uses.forEach((use, index) => {
    if (use.io === 'output') schemas[index] = extend(schemas[index]!, undefined);
  });
}
