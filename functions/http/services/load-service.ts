import { NotFound } from '../../../domain/kernel/errors.js';
import { recordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { servicesRoot, type TenantServices } from './composition-root.js';

/** A tenant's service, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadService(tenantId: string, serviceId: string): Promise<{ tenant: TenantServices; service: PreventionService }> {
  const tenant = await servicesRoot().forTenant(tenantId);
  const service = await tenant.services.getService(tenantId, serviceId);
  if (!service) throw new NotFound('service');
  return { tenant, service };
}

/** ACL-5: the enterprise's own service by id (GSI3, exact key); another enterprise's answers 404. */
export async function ownService(uscc: string, serviceId: string): Promise<PreventionService> {
  const service = await (await servicesRoot().forEnterprise(uscc)).services.serviceOf(uscc, serviceId);
  if (!service) throw new NotFound('service');
  return service;
}

/** RULES-1: the rule set the service recorded when it was scheduled. */
export const ruleSetOf = async (service: Pick<PreventionService, 'ruleSetId' | 'ruleSetVersion'>): Promise<RuleSet> =>
  recordedRuleSet(await servicesRoot().ruleSets.versions(service), service, 'the service');
