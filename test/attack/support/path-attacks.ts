/**
 * Path segments as they go on the wire (nothing re-encodes them): broken percent-escapes (a lone `%`, `%ZZ`,
 * truncated and overlong UTF-8, lone surrogates, raw bytes that are not UTF-8), traversal, separators of our
 * keys, NUL, injection strings, prototype names, and lengths far past any id. Each must be answered 400 or 404
 * (another 4xx at most), never 5xx, on every route; `encodeURIComponent` of each decoded value is sent as well.
 */
export const RAW_SEGMENTS: readonly string[] = [
  '%',
  '%%',
  '%ZZ',
  '%G0',
  '%2',
  'a%',
  '%C3',
  '%C3%28',
  '%E2%82',
  '%E2%82%2',
  '%F0%9F%98',
  '%C0%AF',
  '%C0%80',
  '%E0%80%AF',
  '%F0%80%80%AF',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%FF',
  '%FE%FF',
  '%00',
  'a%00b',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%252F',
  '%25',
  '%u0041',
  '%%32%65',
  '%0A%0DSet-Cookie:x',
  '%20',
  '+',
  '%23',
  'T%23other%23',
  'P%23LOGIN%23operator',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%20'1'%3D'1",
  '%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fa%7D',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'null',
  'undefined',
  '-1',
  '0',
  '1e308',
  '9007199254740993',
  '%E5%BF%BB%E5%B7%9E',
  '%F0%A0%80%80',
  // Latin-1 bytes sent raw: not UTF-8 at all.
  '\u00e9',
  '\u00ff\u00fe',
  'x'.repeat(65),
  'x'.repeat(4096),
  '%41'.repeat(2000),
];

/**
 * Segments the URL grammar turns into something else (`.`/`..` are path navigation, and so are their
 * percent-encoded forms by the WHATWG URL parser: `/regulator/insurers/%2e%2e/hazards` is
 * `/regulator/hazards`, another route the caller may well call) — sent raw too.
 */
export const NAVIGATION_SEGMENTS: readonly string[] = ['.', '..', '...', '.%2e', '%2e', '%2e%2e'];

/** Paths of the console's static files with the same faults (the issue saw 500s there too). */
export const STATIC_PATHS: readonly string[] = [
  '/%',
  '/%ZZ',
  '/%C0%AF',
  '/assets/%E2%82',
  '/assets/..%2F..%2Fpackage.json',
  '/..%2F..%2F..%2Fetc%2Fpasswd',
  '/%2e%2e/%2e%2e/package.json',
  '/index.html%00.png',
  '/assets/%00',
  '/\u00e9',
  `/${'x'.repeat(4096)}`,
  '/local-archive/%ZZ',
  '/local-archive/..%2F..%2Fjwt-key.json',
  '/api',
  '/api/',
  '/api/v1',
  '/api/v1/%ZZ',
  '/api/v2/health',
  '//api/v1/health',
];

/** The decoded form of a raw segment where it has one, to be sent encoded properly as well. */
export function decodedOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
