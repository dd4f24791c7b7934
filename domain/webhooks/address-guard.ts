/**
 * Issue 17 (SSRF): which addresses a webhook may never reach — private, loopback, link-local (and with it the
 * cloud metadata service, 169.254.169.254), CGNAT, unspecified, multicast and reserved IPv4; and in IPv6
 * loopback, unspecified, unique-local, link-local, multicast, and IPv4-mapped/translated/6to4 forms of refused
 * IPv4 addresses. Checked at subscription and again on every connection, on the resolved address (DNS rebinding).
 * Pure parsing, no resolver here: the connection side (functions/webhooks/guarded-transport.ts) resolves.
 */
export type AddressVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const IPV4_REFUSED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = value * 256 + byte;
  }
  return value;
}

/** Eight 16-bit groups, or undefined when not an IPv6 literal (a zone id `%eth0` is dropped). */
export function parseIpv6(text: string): number[] | undefined {
  let address = text.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  if (!address.includes(':')) return undefined;
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  if (last.includes('.')) {
    // A trailing dotted quad (::ffff:10.0.0.1) is the last two groups written as IPv4.
    const v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    address = `${address.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    if (groups.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
    return groups.map((group) => parseInt(group, 16));
  };
  const head = groupsOf(halves[0] ?? '');
  const rest = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return undefined;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest];
}

function ipv4Verdict(value: number): AddressVerdict {
  for (const [base, bits, reason] of IPV4_REFUSED) {
    const size = 2 ** (32 - bits);
    const start = parseIpv4(base) as number;
    if (value >= start && value < start + size) return { allowed: false, reason };
  }
  return { allowed: true };
}

/** The verdict on one literal address (IPv4 or IPv6); something that is no address at all is refused. */
export function addressVerdict(address: string): AddressVerdict {
  const v4 = parseIpv4(address);
  if (v4 !== undefined) return ipv4Verdict(v4);
  const g = parseIpv6(address);
  if (!g) return { allowed: false, reason: 'not an IP address' };
  const [a = 0, b = 0] = g;
  const embedded = (g[6] ?? 0) * 65536 + (g[7] ?? 0);
  if (g.every((group) => group === 0)) return { allowed: false, reason: 'unspecified' };
  if (g.slice(0, 7).every((group) => group === 0) && g[7] === 1) return { allowed: false, reason: 'loopback' };
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judged as the IPv4 address inside.
  if (g.slice(0, 5).every((group) => group === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const inner = ipv4Verdict(embedded);
    return inner.allowed ? inner : { allowed: false, reason: `IPv4-mapped ${inner.reason}` };
  }
  if (a === 0x64 && b === 0xff9b) {
    const inner = ipv4Verdict(embedded);
    return inner.allowed ? inner : { allowed: false, reason: `NAT64 ${inner.reason}` };
  }
  if (a === 0x2002) {
    const inner = ipv4Verdict(b * 65536 + (g[2] ?? 0));
    if (!inner.allowed) return { allowed: false, reason: `6to4 ${inner.reason}` };
  }
  if ((a & 0xfe00) === 0xfc00) return { allowed: false, reason: 'unique-local' };
  if ((a & 0xffc0) === 0xfe80) return { allowed: false, reason: 'link-local' };
  if ((a & 0xffc0) === 0xfec0) return { allowed: false, reason: 'site-local' };
  if ((a & 0xff00) === 0xff00) return { allowed: false, reason: 'multicast' };
  if (a === 0x2001 && b === 0x0db8) return { allowed: false, reason: 'documentation' };
  return { allowed: true };
}

/** Loopback only (127.0.0.0/8, ::1): what `ANZE_WEBHOOKS_ALLOW_PRIVATE=true` lets a local developer reach. */
export function isLoopback(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== undefined) return Math.floor(v4 / 2 ** 24) === 127;
  const g = parseIpv6(address);
  if (!g) return false;
  if (g.slice(0, 7).every((group) => group === 0) && g[7] === 1) return true;
  return g.slice(0, 5).every((group) => group === 0) && g[5] === 0xffff && Math.floor((g[6] ?? 0) / 256) === 127;
}

export interface UrlPolicy {
  /** On AWS: only https. */
  readonly httpsOnly: boolean;
  /** Locally, with ANZE_WEBHOOKS_ALLOW_PRIVATE=true: loopback addresses pass. */
  readonly allowLoopback: boolean;
}

/** The verdict on an address under a policy: refused ranges stay refused, except loopback when allowed. */
export function addressAllowed(address: string, policy: UrlPolicy): AddressVerdict {
  if (policy.allowLoopback && isLoopback(address)) return { allowed: true };
  return addressVerdict(address);
}

/**
 * What can be said of an endpoint URL before resolving it: its scheme, no credentials in it, and, when its host
 * is a literal address, that address's verdict. A host name is judged again on its resolved addresses.
 */
export function urlProblem(raw: string, policy: UrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (raw.length > 2048) return 'at most 2048 characters';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.httpsOnly)) {
    return policy.httpsOnly ? 'https only' : 'http or https only';
  }
  if (url.username || url.password) return 'no user name or password in the URL';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (parseIpv4(host) !== undefined || host.includes(':')) {
    const verdict = addressAllowed(host, policy);
    if (!verdict.allowed) return `refused address (${verdict.reason})`;
    return undefined;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return policy.allowLoopback ? undefined : 'refused address (loopback)';
  }
  if (!host.includes('.') || host.endsWith('.internal') || host.endsWith('.local')) return 'refused host (internal name)';
  return undefined;
}
