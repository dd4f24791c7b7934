import { NotFound } from '../../../domain/kernel/errors.js';
import { monitoringRoot } from './composition-root.js';

/** The tenant's source; another tenant's answers 404 like a missing one (ACL-1). */
export async function loadSource(tenantId: string, sourceId: string) {
  const { monitoring } = await monitoringRoot().forTenant(tenantId);
  const source = await monitoring.getSource(tenantId, sourceId);
  if (!source || source.tenantId !== tenantId) throw new NotFound('monitoring source');
  return { monitoring, source };
}
