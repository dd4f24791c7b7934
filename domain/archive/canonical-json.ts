/**
 * SVC-10: one byte sequence per value, so an archived document's SHA-256 can be recomputed from the data at any
 * time and compared. Object keys are sorted (by UTF-16 code units, as `Array.prototype.sort` does) at every
 * depth, there is no whitespace, and strings and numbers are written as `JSON.stringify` writes them — which
 * makes it the JSON Canonicalization Scheme (RFC 8785) for the values the platform stores.
 *
 * As in JSON, an object member whose value is `undefined` (or a function or symbol) is dropped, and in an array
 * such a value becomes `null`; a value with `toJSON` (a `Date`) is written as what that returns. Unlike
 * `JSON.stringify`, what JSON cannot represent faithfully throws instead of being quietly changed: a number that
 * is not finite (it would become `null`), a bigint, and a cycle.
 *
 * @throws TypeError for a non-finite number, a bigint or a cyclic structure.
 * @example
 * canonicalJson({ b: 1, a: { d: undefined, c: [true, 'x'] } }); // '{"a":{"c":[true,"x"]},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const written = write(value, new Set());
  if (written === undefined) throw new TypeError('canonicalJson: nothing to write (undefined, a function or a symbol)');
  return written;
}

function write(value: unknown, open: Set<object>): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} has no JSON form`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  const object = value as object;
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return write((object as { toJSON: () => unknown }).toJSON(), open);
  }
  if (open.has(object)) throw new TypeError('canonicalJson: the value contains a cycle');
  open.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((element: unknown) => write(element, open) ?? 'null').join(',')}]`;
  } else {
    const members: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const member = write((object as Record<string, unknown>)[key], open);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    text = `{${members.join(',')}}`;
  }
  open.delete(object);
  return text;
}
