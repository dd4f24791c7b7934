import fc, { type Arbitrary } from 'fast-check';
import { EDGE_NUMBERS, RawJson, setOwn } from './json-text.js';

/** A JSON Schema node of the OpenAPI document (3.1: plain JSON Schema 2020-12). */
export type JsonSchema = { readonly [keyword: string]: unknown };

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** Keys that have polluted prototypes in other JSON APIs; sent as own keys of the body. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const prototypePayload = (): Record<string, unknown> => {
  const payload: Record<string, unknown> = {};
  setOwn(payload, 'polluted', true);
  setOwn(payload, 'prototype', { polluted: true });
  setOwn(payload, 'isAdmin', true);
  return payload;
};

/** Characters that broke keys, logs and HTML before: separators of our keys, escapes, NUL, bidi, CJK, emoji. */
const HOSTILE_UNITS = ['#', '%', '%ZZ', '<', '>', "'", '"', '\\', '/', '..', ' ', '\u0000', '\u202e', '\ufeff', '\ud83d\ude00', '忻州', '𠀀', '\n', '$', '{', '}', 'T#', 'P#LOGIN#'];

/** Strings of any code points mixed with the hostile ones above, of bounded length (huge only where asked). */
const hostileString = (minLength = 0, maxLength = 40): Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_UNITS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })), {
      minLength: minLength === 0 ? 0 : 1,
      maxLength: Math.max(1, Math.min(maxLength, 40)),
    })
    .map((parts) => parts.join(''))
    .map((text) => [...text].slice(0, maxLength).join('').padEnd(minLength, 'x'));

const DATES_ILL_FORMED = ['2024-13-01', '2024-00-10', '2024-01-32', '24-01-01', '2024/01/01', '20240101', '2024-1-1', 'yesterday', '', ' 2024-01-01', '2024-01-01\u0000', '+002024-01-01', '2024-01-01T00:00:00Z'];
const INSTANTS_ILL_FORMED = ['not-a-time', '2024-01-01', '2024-01-01T25:00:00Z', '2024-01-01T00:61:00Z', '2024-02-30T00:00:00ZZ', '1e308', '', 'T', '2024-01-01 00:00'];
/** Well-formed in shape but odd or outside any sane range: sent in valid positions, never counted as violations. */
const DATES_ODD = ['2024-02-29', '2023-02-29', '2024-02-30', '0000-01-01', '9999-12-31', '1970-01-01', '2038-01-19'];
const INSTANTS_ODD = ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2024-02-30T00:00:00Z', '2016-12-31T23:59:60Z', '0000-01-01T00:00:00Z'];

/**
 * fast-check arbitraries derived from the JSON Schemas of the OpenAPI document:
 * - {@link SchemaArbitraries.valid}: values the schema's own keywords accept, with hostile strings, edge numbers,
 *   odd dates and prototype-pollution keys wherever the schema leaves room — the server may still refuse them
 *   (a USCC's check character, a missing policy), but must never fail on them;
 * - {@link SchemaArbitraries.invalid}: values with at least one violation the schema's keywords alone refuse
 *   (wrong type, missing or extra field, out of enum, too long or short, pattern broken, out of range, ill-formed
 *   date), decorated with the same hostile noise elsewhere — so the answer must be 4xx and nothing can be written.
 */
export class SchemaArbitraries {
  private readonly cache = new Map<JsonSchema, { valid?: Arbitrary<unknown>; invalid?: Arbitrary<unknown> | null }>();

  constructor(private readonly document: JsonSchema) {}

  /** The node with its `$ref` followed and the referring node's own keywords (e.g. `minimum`) kept on top. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], this.document) as JsonSchema | undefined;
    if (!target) throw new Error(`unresolved ${ref}`);
    const { $ref: _ref, ...own } = schema;
    return this.resolve({ ...target, ...own });
  }

  valid(schema: JsonSchema, depth = 0): Arbitrary<unknown> {
    const node = this.resolve(schema);
    const entry = this.cache.get(node) ?? {};
    entry.valid ??= this.buildValid(node, depth);
    this.cache.set(node, entry);
    return entry.valid;
  }

  /** Values the node refuses by its keywords alone, or undefined where it accepts anything (`{}`). */
  invalid(schema: JsonSchema, depth = 0): Arbitrary<unknown> | undefined {
    const node = this.resolve(schema);
    const entry = this.cache.get(node) ?? {};
    if (entry.invalid === undefined) entry.invalid = this.buildInvalid(node, depth) ?? null;
    this.cache.set(node, entry);
    return entry.invalid ?? undefined;
  }

  /** The JSON types the node admits, or undefined when it admits any. */
  typesOf(schema: JsonSchema): Set<JsonType> | undefined {
    const node = this.resolve(schema);
    if ('const' in node) return new Set([jsonTypeOf(node.const)]);
    if (Array.isArray(node.enum)) return new Set(node.enum.map(jsonTypeOf));
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    if (branches) {
      const all = new Set<JsonType>();
      for (const branch of branches) {
        const types = this.typesOf(branch);
        if (!types) return undefined;
        for (const type of types) all.add(type);
      }
      return all;
    }
    const type = node.type;
    if (typeof type === 'string') return widen(new Set([type as JsonType]));
    if (Array.isArray(type)) return widen(new Set(type as JsonType[]));
    if (node.properties) return new Set(['object']);
    return undefined;
  }

  private buildValid(node: JsonSchema, depth: number): Arbitrary<unknown> {
    if ('const' in node) return fc.constant(node.const);
    if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    if (branches) return fc.oneof(...branches.map((branch) => this.valid(branch, depth + 1)));
    const type = Array.isArray(node.type) ? (node.type as JsonType[]) : typeof node.type === 'string' ? [node.type as JsonType] : node.properties ? ['object' as const] : [];
    if (type.length === 0) return this.anything(depth);
    return fc.oneof(...type.map((one) => this.validOfType(node, one, depth)));
  }

  private validOfType(node: JsonSchema, type: JsonType, depth: number): Arbitrary<unknown> {
    switch (type) {
      case 'string':
        return validString(node);
      case 'integer': {
        const { min, max } = bounds(node, true);
        const edges = [min, max, 0, 1, -1].filter((n) => n >= min && n <= max);
        return fc.oneof(fc.integer({ min, max }), fc.constantFrom(...(edges.length ? edges : [min])), ...(min <= 0 && max >= 0 ? [fc.constant(new RawJson('-0'))] : []));
      }
      case 'number': {
        const { min, max } = bounds(node, false);
        return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = (node.items as JsonSchema | undefined) ?? {};
        const minLength = Number(node.minItems ?? 0);
        const maxLength = Math.max(minLength, Math.min(Number(node.maxItems ?? 3), minLength + 3));
        return depth > 6 ? fc.constant([]) : fc.array(this.valid(items, depth + 1), { minLength, maxLength });
      }
      case 'object':
        return this.validObject(node, depth);
    }
  }

  private validObject(node: JsonSchema, depth: number): Arbitrary<Record<string, unknown>> {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((node.required ?? []) as string[]);
    const keys = Object.keys(properties);
    const open = node.additionalProperties !== false && node.propertyNames === undefined;
    const valueArbs = keys.map((key) => (depth > 6 && !required.has(key) ? fc.constant(undefined) : this.valid(properties[key] as JsonSchema, depth + 1)));
    return fc
      .tuple(
        fc.tuple(...valueArbs.map((arb, index) => (required.has(keys[index] as string) ? arb : fc.option(arb, { nil: undefined, freq: 3 })))),
        open ? fc.option(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', '$where', 'T#x'), { nil: undefined }) : fc.constant(undefined),
      )
      .map(([values, extra]) => {
        const object: Record<string, unknown> = {};
        keys.forEach((key, index) => {
          if (values[index] !== undefined) setOwn(object, key, values[index]);
        });
        if (extra) setOwn(object, extra, prototypePayload());
        return object;
      });
  }

  private anything(depth: number): Arbitrary<unknown> {
    return depth > 4
      ? fc.oneof(fc.string(), fc.integer(), fc.constant(null))
      : fc.oneof(
          hostileString(),
          fc.constantFrom(...EDGE_NUMBERS),
          fc.boolean(),
          fc.constant(null),
          fc.constant(prototypePayload()),
          fc.array(fc.string(), { maxLength: 3 }),
        );
  }

  private buildInvalid(node: JsonSchema, depth: number): Arbitrary<unknown> | undefined {
    const options: Arbitrary<unknown>[] = [];
    const types = this.typesOf(node);
    if (types) {
      const wrong = WRONG_TYPED.filter(([type]) => !types.has(type)).map(([, value]) => value);
      if (wrong.length) options.push(fc.constantFrom(...wrong).map((value) => (typeof value === 'function' ? value() : value)));
    }
    if ('const' in node) options.push(fc.constant(`${String(node.const)}-not`));
    if (Array.isArray(node.enum) && node.enum.every((value) => typeof value === 'string')) {
      const allowed = new Set(node.enum as string[]);
      options.push(
        fc.oneof(fc.constantFrom(...(node.enum as string[]).map((value) => value.toLowerCase() + 'X'), '', ' ', 'null'), hostileString(0, 12)).filter((value) => !allowed.has(value)),
      );
    }
    const single = typeof node.type === 'string' && !Array.isArray(node.enum) && !('const' in node) ? (node.type as JsonType) : undefined;
    if (single === 'string') options.push(...invalidStrings(node));
    if (single === 'integer' || single === 'number') options.push(...invalidNumbers(node, single === 'integer'));
    if (single === 'array' && depth < 6) {
      const items = (node.items as JsonSchema | undefined) ?? {};
      const itemValid = this.valid(items, depth + 1);
      if (typeof node.maxItems === 'number') {
        const over = node.maxItems + 1;
        options.push(fc.array(itemValid, { minLength: over, maxLength: over }));
      }
      if (typeof node.minItems === 'number' && node.minItems > 0) options.push(fc.constant([]));
      const itemInvalid = this.invalid(items, depth + 1);
      if (itemInvalid) options.push(fc.tuple(itemInvalid, fc.array(itemValid, { maxLength: 2 })).map(([bad, rest]) => [...rest, bad].slice(0, Math.max(1, Number(node.maxItems ?? 3)))).map((list) => (list.length ? list : [])));
    }
    if (single === 'object' || (node.properties && !single)) options.push(...this.invalidObjects(node, depth));
    return options.length ? fc.oneof(...options) : undefined;
  }

  private invalidObjects(node: JsonSchema, depth: number): Arbitrary<unknown>[] {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const required = (node.required ?? []) as string[];
    const base = this.validObject(node, depth);
    const options: Arbitrary<unknown>[] = [];
    if (required.length) {
      options.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([object, missing]) => {
          const copy: Record<string, unknown> = {};
          for (const key of Object.keys(object)) if (key !== missing) setOwn(copy, key, object[key]);
          return copy;
        }),
      );
    }
    if (node.additionalProperties === false) {
      const known = new Set(Object.keys(properties));
      options.push(
        fc
          .tuple(base, fc.oneof(fc.constantFrom('extra', 'isAdmin', 'tenantId', 'role', '$where', ''), hostileString(1, 20)), this.anything(depth + 1))
          .filter(([, key]) => !known.has(key) && !(PROTOTYPE_KEYS as readonly string[]).includes(key))
          .map(([object, key, value]) => {
            const copy = { ...object };
            for (const protoKey of Object.keys(object)) setOwn(copy, protoKey, object[protoKey]);
            setOwn(copy, key, value);
            return copy;
          }),
      );
    }
    if (depth < 6) {
      const breakable = Object.entries(properties)
        .map(([key, schema]) => [key, this.invalid(schema, depth + 1)] as const)
        .filter((pair): pair is readonly [string, Arbitrary<unknown>] => pair[1] !== undefined);
      if (breakable.length) {
        options.push(
          fc
            .tuple(base, fc.constantFrom(...breakable))
            .chain(([object, [key, bad]]) =>
              bad.map((value) => {
                const copy: Record<string, unknown> = {};
                for (const own of Object.keys(object)) setOwn(copy, own, object[own]);
                setOwn(copy, key, value);
                return copy;
              }),
            ),
        );
      }
    }
    return options;
  }
}

/** A value of each JSON type, for "wrong type" (a factory where a fresh object is needed). */
const WRONG_TYPED: readonly (readonly [JsonType, unknown])[] = [
  ['string', '1'],
  ['string', 'true'],
  ['integer', 42],
  ['number', 1.5],
  ['number', new RawJson('1e308')],
  ['boolean', true],
  ['null', null],
  ['array', () => ['a', 1]],
  ['array', () => []],
  ['object', () => prototypePayload()],
  ['object', () => ({})],
];

/** `integer` values are numbers too; a schema that admits numbers admits integers. */
function widen(types: Set<JsonType>): Set<JsonType> {
  if (types.has('number')) types.add('integer');
  return types;
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function bounds(node: JsonSchema, integer: boolean): { min: number; max: number } {
  const limit = integer ? Number.MAX_SAFE_INTEGER : 1e308;
  const min = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + (integer ? 1 : 1e-9) : typeof node.minimum === 'number' ? node.minimum : -limit;
  const max = typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum - (integer ? 1 : 1e-9) : typeof node.maximum === 'number' ? node.maximum : limit;
  return { min: Math.max(min, -limit), max: Math.min(max, limit) };
}

function regexOf(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

function validString(node: JsonSchema): Arbitrary<string> {
  const minLength = Number(node.minLength ?? 0);
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Number.POSITIVE_INFINITY;
  const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
  if (node.format === 'date') return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom(...DATES_ODD));
  if (node.format === 'date-time') return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...INSTANTS_ODD));
  if (typeof node.pattern === 'string') {
    const regex = regexOf(node.pattern);
    let matching: Arbitrary<string>;
    try {
      matching = fc.stringMatching(regex);
    } catch {
      // fast-check cannot generate from lookaheads (the password rule): hostile text inside what such rules ask for.
      matching = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_!@#%<>\'"/\\'), minLength: 8, maxLength: 40 }).map((text) => `Aa1!${text}z`);
    }
    return matching.map((text) => text.slice(0, maxLength)).filter((text) => regex.test(text) && fits(text));
  }
  const huge = node.maxLength === undefined ? [fc.integer({ min: 10_000, max: 100_000 }).map((n) => '字'.repeat(n))] : [fc.constant('字'.repeat(maxLength)), fc.constant('x'.repeat(maxLength))];
  return fc.oneof({ arbitrary: hostileString(minLength, Math.min(maxLength, 60)), weight: 8 }, { arbitrary: fc.oneof(...huge).filter(fits), weight: 1 });
}

function invalidStrings(node: JsonSchema): Arbitrary<unknown>[] {
  const options: Arbitrary<unknown>[] = [];
  if (typeof node.maxLength === 'number') {
    const over = node.maxLength + 1;
    options.push(fc.constantFrom('x'.repeat(over), '字'.repeat(over), 'a'.repeat(Math.max(over, 100_000)), '\ud83d\ude00'.repeat(over)));
  }
  if (typeof node.minLength === 'number' && node.minLength > 0) options.push(fc.constant('x'.repeat(node.minLength - 1)));
  if (typeof node.pattern === 'string') {
    const regex = regexOf(node.pattern);
    options.push(fc.oneof(hostileString(0, 30), fc.constantFrom('', ' ', '#', '../x', '%00', '\u0000')).filter((text) => !regex.test(text)));
  }
  if (node.format === 'date') options.push(fc.constantFrom(...DATES_ILL_FORMED));
  if (node.format === 'date-time') options.push(fc.constantFrom(...INSTANTS_ILL_FORMED));
  return options;
}

function invalidNumbers(node: JsonSchema, integer: boolean): Arbitrary<unknown>[] {
  const options: Arbitrary<unknown>[] = [fc.constant(new RawJson('1e400')), fc.constant(new RawJson('-1e400'))];
  if (integer) options.push(fc.constantFrom(1.5, -0.5, new RawJson('9007199254740993'), new RawJson('-9007199254740993'), new RawJson('1e308')));
  if (typeof node.minimum === 'number') options.push(fc.constantFrom(node.minimum - 1, -1e308, new RawJson('-1e308')));
  if (typeof node.maximum === 'number') options.push(fc.constantFrom(node.maximum + 1, 1e308, new RawJson('1e308')));
  return options;
}
