import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../domain/archive/canonical-json.js';

describe('SVC-10 canonical JSON', () => {
  it('SVC-10 sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('SVC-10 drops undefined members, writes undefined array elements as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: () => 1 })).toBe('{"b":[null,1]}');
  });

  it('SVC-10 sorts by UTF-16 code units (RFC 8785), so upper case before lower case and CJK after ASCII', () => {
    expect(canonicalJson({ b: 1, 隐患: 2, B: 3, a: 4 })).toBe('{"B":3,"a":4,"b":1,"隐患":2}');
  });

  it('SVC-10 writes strings and numbers as JSON does, and dates as ISO strings', () => {
    expect(canonicalJson(['引号"与\\反斜杠\n', 1.5, -0, 1e21, true, false, null])).toBe('["引号\\"与\\\\反斜杠\\n",1.5,0,1e+21,true,false,null]');
    expect(canonicalJson({ at: new Date('2024-09-27T01:00:00Z') })).toBe('{"at":"2024-09-27T01:00:00.000Z"}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
  ])('SVC-10 refuses %s rather than change it quietly', (_what, value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });

  it('SVC-10 refuses a cycle, but the same object twice (not a cycle) is fine', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('refuses a top-level value with no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('SVC-10 is independent of key insertion order and reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const shuffled = JSON.parse(JSON.stringify(value), (_key, nested: unknown) =>
          typeof nested === 'object' && nested !== null && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).reverse()) : nested,
        );
        expect(canonicalJson(shuffled)).toBe(text);
        expect(text).not.toMatch(/[\n\r\t]/);
      }),
      { numRuns: 300 },
    );
  });
});
