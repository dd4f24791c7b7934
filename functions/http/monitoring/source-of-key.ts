import { Unauthorized } from '../../../domain/kernel/errors.js';
import type { MonitoringRepository } from '../../../domain/monitoring/monitoring.repository.js';
import type { MonitoringSource } from '../../../domain/monitoring/source.js';
import { monitoringRoot } from './composition-root.js';

const REFUSED = 'MON-2: the API key is not valid (unknown, rotated or revoked)';

/**
 * MON-2: the data source an `x-api-key` belongs to — found by the key's lookup id, then held to the source's
 * current key (a rotated key's prefix no longer matches), its hash (constant time) and its status. Any failure is
 * the same 401, so a caller learns nothing about which keys exist.
 */
export async function sourceOfKey(headers: Readonly<Record<string, string | undefined>>): Promise<{ source: MonitoringSource; monitoring: MonitoringRepository }> {
  const presented = headers['x-api-key'];
  const { apiKeys, sourceKeys, forTenant } = monitoringRoot();
  const parsed = presented === undefined ? undefined : apiKeys.parse(presented);
  if (!presented || !parsed) throw new Unauthorized(REFUSED);
  const found = await sourceKeys.lookup(parsed.lookupId);
  if (!found) throw new Unauthorized(REFUSED);
  const { monitoring } = await forTenant(found.tenantId);
  const source = await monitoring.getSource(found.tenantId, found.sourceId);
  if (!source || source.status !== 'ACTIVE' || source.keyPrefix !== parsed.keyPrefix || !apiKeys.matches(presented, source.keyHash)) {
    throw new Unauthorized(REFUSED);
  }
  return { source, monitoring };
}
