import type { TenantStatus } from '../../../domain/platform/tenant.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import { changeTenantStatus } from '../../../domain/platform/tenant.rules.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { forgetTenant } from '../../middleware/current-principal.js';
import { platformRoot } from './composition-root.js';

/**
 * ACL-3 (issue 15): suspends or resumes a tenant — one transaction with its event — and drops the cached
 * status in this container, so the tenant's users are refused (or admitted again) from their next request.
 */
export async function setTenantStatus(tenantId: string, to: TenantStatus, reason: string): Promise<Tenant> {
  const { repository, clock } = platformRoot();
  const current = await repository.getTenant(tenantId);
  if (!current) throw new NotFound('tenant');
  const changed = changeTenantStatus(current, to, reason, clock.now());
  await repository.saveTenant(changed, current.version);
  forgetTenant(tenantId);
  return changed.state;
}
