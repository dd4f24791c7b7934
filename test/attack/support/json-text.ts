/**
 * JSON text the attack suite sends. `JSON.stringify` cannot write some of the numbers worth sending (`-0`,
 * `1e400`, `9007199254740993` exactly as written), so a generated body may hold {@link RawJson} pieces that are
 * written verbatim; everything else is written as `JSON.stringify` would, own keys such as `__proto__` included.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Numbers at the edges, as literal JSON text (NaN and Infinity are not JSON; `1e400` parses to Infinity). */
export const EDGE_NUMBERS: readonly RawJson[] = ['-0', '1e308', '-1e308', '1e400', '9007199254740993', '-9007199254740993', '5e-324', '0.1e1', '1E2', '123456789012345678901234567890'].map(
  (text) => new RawJson(text),
);

export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return `{${Object.keys(value)
    .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

/** Sets an own, enumerable property even for `__proto__`, so it is written as a key rather than changing the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
