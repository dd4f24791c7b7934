import type { ArchiveStore } from '../../../domain/archive/archive-store.js';
import type { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { NotFound, RuleViolation } from '../../../domain/kernel/errors.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { recordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { ProviderRegisters } from '../../../domain/register/provider-registers.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PreventionService } from '../../../domain/services/service.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { archiveStoreFromEnv } from '../../adapters/archive/archive-store-from-env.js';
import { currentCalendar } from '../../adapters/calendar-provider.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { DynamoProviderRegisters } from '../../adapters/dynamodb/provider-registers.repository.js';
import { DynamoServiceRepository } from '../../adapters/dynamodb/services.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

export interface TenantServices {
  readonly services: DynamoServiceRepository;
  readonly policies: DynamoPolicyRepository;
}

export interface ServiceDeps {
  /** A tenant's plans, services, hazards and policies through tenant-scoped credentials (IAM layer 2). */
  forTenant(tenantId: string): Promise<TenantServices>;
  /** ACL-5: the enterprise's view across insurers (GSI3). */
  readonly views: DynamoServiceRepository;
  /** SVC-6: the city EMB's registers of organisations (REG-2) and experts (REG-3). */
  readonly registers: ProviderRegisters;
  readonly platform: DynamoPlatformRepository;
  /** SVC-10, SVC-13: the write-once archive (S3 with object lock on AWS, the local store otherwise). */
  archive(): ArchiveStore;
  /** CAL-1/CAL-2: built-in plus loaded years. */
  calendar(): Promise<WorkingDayCalendar>;
  readonly ruleSets: readonly RuleSet[];
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let deps: ServiceDeps | undefined;

export function serviceDeps(): ServiceDeps {
  if (!deps) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    deps = {
      forTenant: async (tenantId) => {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { services: new DynamoServiceRepository(tenantStore), policies: new DynamoPolicyRepository(tenantStore) };
      },
      views: new DynamoServiceRepository(store),
      registers: new DynamoProviderRegisters(store),
      platform: new DynamoPlatformRepository(store),
      archive: () => archiveStoreFromEnv(),
      calendar: () => currentCalendar(),
      ruleSets: PUBLISHED_RULE_SETS,
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

/**
 * The caller's policy, its own or a co-insurance member's read-only copy; another tenant's answers 404 like
 * a missing one (ACL-1). With `lead`, only the lead insurer passes: the services of a co-insured policy are
 * the lead's to keep, so a member is refused (409 ACL-1) rather than shown an empty, misleading view.
 */
export async function loadPolicy(tenantId: string, policyId: string, options: { lead: boolean }): Promise<{ tenant: TenantServices; policy: Policy }> {
  const tenant = await serviceDeps().forTenant(tenantId);
  const policy = await tenant.policies.getVisible(tenantId, policyId);
  if (!policy) throw new NotFound('policy');
  if (options.lead && policy.tenantId !== tenantId) {
    throw new RuleViolation(
      'ACL-1',
      'policyId',
      `ACL-1: policy ${policy.policyNumber} is co-insured under another lead insurer, which alone keeps its services and plan`,
      409,
    );
  }
  return { tenant, policy };
}

/** A tenant's service, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadService(tenantId: string, serviceId: string): Promise<{ tenant: TenantServices; service: PreventionService }> {
  const tenant = await serviceDeps().forTenant(tenantId);
  const service = await tenant.services.getService(tenantId, serviceId);
  if (!service) throw new NotFound('service');
  return { tenant, service };
}

export async function loadHazard(tenantId: string, hazardId: string): Promise<{ tenant: TenantServices; hazard: Hazard }> {
  const tenant = await serviceDeps().forTenant(tenantId);
  const hazard = await tenant.services.getHazard(tenantId, hazardId);
  if (!hazard) throw new NotFound('hazard');
  return { tenant, hazard };
}

/** ACL-5: the enterprise's own service by id (GSI3, exact key); another enterprise's answers 404. */
export async function ownService(uscc: string, serviceId: string): Promise<PreventionService> {
  const service = await serviceDeps().views.serviceOf(uscc, serviceId);
  if (!service) throw new NotFound('service');
  return service;
}

export async function ownHazard(uscc: string, hazardId: string): Promise<Hazard> {
  const hazard = await serviceDeps().views.hazardOf(uscc, hazardId);
  if (!hazard) throw new NotFound('hazard');
  return hazard;
}

/** RULES-1: the rule set the service recorded when it was scheduled. */
export const ruleSetOf = (service: Pick<PreventionService, 'ruleSetId' | 'ruleSetVersion'>): RuleSet =>
  recordedRuleSet(serviceDeps().ruleSets, service, 'the service');

/** The insurer's legal name, as its notices and records state it. */
export async function insurerNameOf(tenantId: string): Promise<string> {
  const tenant = await serviceDeps().platform.getTenant(tenantId);
  return tenant?.name ?? tenantId;
}
