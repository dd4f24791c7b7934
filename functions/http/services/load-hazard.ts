import { NotFound } from '../../../domain/kernel/errors.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { servicesRoot, type TenantServices } from './composition-root.js';

/** A tenant's hazard, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadHazard(tenantId: string, hazardId: string): Promise<{ tenant: TenantServices; hazard: Hazard }> {
  const tenant = await servicesRoot().forTenant(tenantId);
  const hazard = await tenant.hazards.getHazard(tenantId, hazardId);
  if (!hazard) throw new NotFound('hazard');
  return { tenant, hazard };
}

/** ACL-5: the enterprise's own hazard by id (GSI3, exact key); another enterprise's answers 404. */
export async function ownHazard(uscc: string, hazardId: string): Promise<Hazard> {
  const hazard = await (await servicesRoot().forEnterprise(uscc)).hazards.hazardOf(uscc, hazardId);
  if (!hazard) throw new NotFound('hazard');
  return hazard;
}
