import { NotFound } from '../../../domain/kernel/errors.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { servicesRoot, type TenantServices } from './composition-root.js';
import { loadHazard, ownHazard } from './load-hazard.js';
import { loadService, ownService } from './load-service.js';

type OwnRecord = { readonly tenantId: string; readonly policyId: string; readonly enterprise: { readonly uscc: string } };

/**
 * ACL-5, issue 21: the insurer an enterprise's confirmation, signature or rectification is written to — the
 * tenant holding the enterprise's policy the record is kept on (that policy item's own partition, found by the
 * USCC of the token), never the `tenantId` the request or the record's view carries. The record is then read
 * again through that insurer's tenant session, and must still be this enterprise's on that policy. Anything
 * else answers 404, exactly like a missing record, and nothing is written.
 */
async function bound<R extends OwnRecord>(uscc: string, seen: R, entity: string, load: (insurer: string) => Promise<{ tenant: TenantServices; record: R }>) {
  const insurer = await (await servicesRoot().forEnterprise(uscc)).insurers.insurerOfPolicy(uscc, seen.policyId);
  if (insurer === undefined || insurer !== seen.tenantId) throw new NotFound(entity);
  const { tenant, record } = await load(insurer);
  if (record.enterprise.uscc !== uscc || record.policyId !== seen.policyId) throw new NotFound(entity);
  return { tenant, record };
}

/** The enterprise's own service, with its insurer's tenant-scoped repositories (ACL-5, issue 21). */
export async function ownServiceAtInsurer(uscc: string, serviceId: string): Promise<{ tenant: TenantServices; service: PreventionService }> {
  const { tenant, record } = await bound(uscc, await ownService(uscc, serviceId), 'service', async (insurer) => {
    const loaded = await loadService(insurer, serviceId);
    return { tenant: loaded.tenant, record: loaded.service };
  });
  return { tenant, service: record };
}

/** The enterprise's own hazard, with its insurer's tenant-scoped repositories (ACL-5, issue 21). */
export async function ownHazardAtInsurer(uscc: string, hazardId: string): Promise<{ tenant: TenantServices; hazard: Hazard }> {
  const { tenant, record } = await bound(uscc, await ownHazard(uscc, hazardId), 'hazard', async (insurer) => {
    const loaded = await loadHazard(insurer, hazardId);
    return { tenant: loaded.tenant, record: loaded.hazard };
  });
  return { tenant, hazard: record };
}
