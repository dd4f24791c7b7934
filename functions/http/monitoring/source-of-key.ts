import { Unauthorized } from '../../../domain/kernel/errors.js';
import type { MonitoringRepository } from '../../../domain/monitoring/monitoring.repository.js';
import type { MonitoringSource } from '../../../domain/monitoring/source.js';
import { monitoringRoot } from './composition-root.js';

const REFUSED = 'MON-2: the API key is not valid (unknown, rotated or revoked)';

/**
 * How long a container trusts a source it read for a key: at most 30 s, the bound issue 12 #1 set for a disabled
 * user. The write that revokes or rotates a key, or changes thresholds, forgets it at once in its own container
 * ({@link forgetSource}); locally every context is one process, so a revocation applies to the next request.
 */
export const SOURCE_CACHE_MS = 30_000;
const MAX_CACHED = 10_000;

type KeyedSource = { source: MonitoringSource; monitoring: MonitoringRepository };

/** Sources by key lookup id; the presented key is still checked against the hash on every request. */
const cache = new Map<string, { readonly found: KeyedSource; readonly until: number }>();
/** One lookup per request: the middleware's `authenticate` and the use case ask with the same headers. */
const checked = new WeakMap<object, Promise<KeyedSource>>();

/**
 * MON-2: the data source an `x-api-key` belongs to — found by the key's lookup id, then held to the source's
 * current key (a rotated key's prefix no longer matches), its hash (constant time) and its status. Any failure is
 * the same 401, so a caller learns nothing about which keys exist.
 */
export function sourceOfKey(headers: Readonly<Record<string, string | undefined>>): Promise<KeyedSource> {
  let found = checked.get(headers);
  if (!found) {
    found = lookUp(headers);
    checked.set(headers, found);
  }
  return found;
}

/** Drops what this container cached of a source's key (revocation, rotation, thresholds). */
export function forgetSource(source: Pick<MonitoringSource, 'keyPrefix'>): void {
  cache.delete(source.keyPrefix.replace(/^anzm_/, ''));
}

async function lookUp(headers: Readonly<Record<string, string | undefined>>): Promise<KeyedSource> {
  const presented = headers['x-api-key'];
  const { apiKeys, sourceKeys, forTenant, clock } = monitoringRoot();
  const parsed = presented === undefined ? undefined : apiKeys.parse(presented);
  if (!presented || !parsed) throw new Unauthorized(REFUSED);
  const now = clock.now().getTime();
  let entry = cache.get(parsed.lookupId);
  if (!entry || entry.until <= now) {
    const found = await sourceKeys.lookup(parsed.lookupId);
    if (!found) throw new Unauthorized(REFUSED);
    const { monitoring } = await forTenant(found.tenantId);
    const source = await monitoring.getSource(found.tenantId, found.sourceId);
    if (!source) throw new Unauthorized(REFUSED);
    entry = { found: { source, monitoring }, until: now + SOURCE_CACHE_MS };
    cache.delete(parsed.lookupId);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(parsed.lookupId, entry);
  }
  const { source } = entry.found;
  if (source.status !== 'ACTIVE' || source.keyPrefix !== parsed.keyPrefix || !apiKeys.matches(presented, source.keyHash)) {
    throw new Unauthorized(REFUSED);
  }
  return entry.found;
}
