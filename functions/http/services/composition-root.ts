import type { ObligationReads } from '../../../domain/services/obligations-list.js';
import { DynamoObligationReads } from '../../adapters/dynamodb/obligation-reads.js';
import type { ArchiveStoreFor, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { EnterpriseInsurers } from '../../../domain/identity/enterprise-insurers.port.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { ProviderRegisters } from '../../../domain/register/provider-registers.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { EnterpriseAccounts } from '../../../domain/services/enterprise-accounts.port.js';
import type { EnterpriseHazardViews, HazardRepository, RegulatorHazardViews } from '../../../domain/services/hazard.repository.js';
import type { MonitoringAlarmSource } from '../../../domain/services/monitoring.port.js';
import type { ServicePlanRepository } from '../../../domain/services/service-plan.repository.js';
import type { EnterpriseServiceViews, ServiceRepository } from '../../../domain/services/service.repository.js';
import type { PolicyRepository } from '../../../domain/underwriting/policy.repository.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../adapters/archive/sha256.js';
import { currentCalendar } from '../../adapters/calendar-provider.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoArchiveRecordRepository } from '../../adapters/dynamodb/archive-records.repository.js';
import { PlatformEnterpriseAccounts } from '../../adapters/dynamodb/enterprise-accounts.js';
import { DynamoEnterpriseInsurers } from '../../adapters/dynamodb/enterprise-insurers.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoHazardRepository } from '../../adapters/dynamodb/hazards.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { DynamoProviderRegisters } from '../../adapters/dynamodb/provider-registers.repository.js';
import { sharedEnterpriseReadClients } from '../../adapters/dynamodb/enterprise-read-client.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { DynamoServicePlanRepository } from '../../adapters/dynamodb/service-plans.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { DynamoServiceRepository } from '../../adapters/dynamodb/services.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';
import { DynamoMonitoringRepository } from '../../adapters/dynamodb/monitoring.repository.js';
import { MonitoringAlarmFeed } from '../../adapters/monitoring/alarm-feed.js';

/** One insurer's data, reached through credentials scoped to that tenant (IAM layer 2). */
export interface TenantServices {
  readonly services: ServiceRepository;
  readonly hazards: HazardRepository;
  readonly plans: ServicePlanRepository;
  readonly archives: ArchiveRecordRepository;
  /** The policies the services are kept on (the lead's own, or a co-insurance member's read-only copy). */
  readonly policies: Pick<PolicyRepository, 'get' | 'getVisible'>;
  /** SVC-11 (issue 15): the current policies and their plans, for the cross-policy obligations list. */
  readonly obligations: ObligationReads;
}

/** What an enterprise user reads of its services across insurers (ACL-5). */
export interface EnterpriseServicesViews {
  readonly services: EnterpriseServiceViews;
  readonly hazards: EnterpriseHazardViews;
  readonly insurers: EnterpriseInsurers;
}

/**
 * What the prevention-services Lambda's use cases depend on — ports of domain/ only. The concrete adapters
 * (DynamoDB, S3 or the local archive, the system clock) are chosen here and built on first use.
 */
export interface ServicesCompositionRoot {
  /** A tenant's plans, services, hazards, archive records and policies (ACL-1). */
  forTenant(tenantId: string): Promise<TenantServices>;
  /**
   * ACL-5: the enterprise's services and hazards across insurers (GSI3, the USCC from its token), and the insurer
   * of its policy — where its confirmations and rectifications are written (issue 21) — in the enterprise's own
   * read session, which IAM holds to `ENT#<uscc>#*`.
   */
  forEnterprise(uscc: string): Promise<EnterpriseServicesViews>;
  /** SVC-7, ACL-2/ACL-4: the regulators' read-only hazard view, in the regulator session of the caller's scope (issue 21). */
  regulatorHazards(regulator: RegulatorPrincipal): Promise<RegulatorHazardViews>;
  /** SVC-6: the city EMB's registers of organisations (REG-2) and experts (REG-3). */
  readonly registers: ProviderRegisters;
  /** The insurers' names, as notices and records state them. */
  readonly tenants: Pick<PlatformRepository, 'getTenant'>;
  /** SVC-7, SVC-9: whether an enterprise has an account of its own (then only it signs and reports). */
  readonly enterpriseAccounts: EnterpriseAccounts;
  /** SVC-10, SVC-13: the write-once archive (S3 with object lock on AWS, the local store otherwise). */
  readonly archive: ArchiveStoreFor;
  /** SVC-10: the digest verification recomputes from the bytes read back. */
  readonly sha256Hex: Sha256Hex;
  /** CAL-1/CAL-2: built-in plus loaded years. */
  calendar(): Promise<WorkingDayCalendar>;
  /** SVC-12: monitoring alarms for the risk grade — MON-2's alarms of a connected mine, no data otherwise. */
  readonly monitoring: MonitoringAlarmSource;
  /** RULES-1: the rule-set versions, built in and published by the city EMB. */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  newId(now: Date): string;
}

let root: ServicesCompositionRoot | undefined;

/** The composition root of the services Lambda, built once per container on first use. */
export function servicesRoot(): ServicesCompositionRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return {
          services: new DynamoServiceRepository(tenantStore),
          hazards: new DynamoHazardRepository(tenantStore),
          plans: new DynamoServicePlanRepository(tenantStore),
          archives: new DynamoArchiveRecordRepository(tenantStore),
          policies: new DynamoPolicyRepository(tenantStore),
          obligations: new DynamoObligationReads(tenantStore),
        };
      },
      forEnterprise: async (uscc) => {
        const enterpriseStore = new Store(await sharedEnterpriseReadClients().client(uscc), table, systemClock);
        return { services: new DynamoServiceRepository(enterpriseStore), hazards: new DynamoHazardRepository(enterpriseStore), insurers: new DynamoEnterpriseInsurers(enterpriseStore) };
      },
      regulatorHazards: async (regulator) => new DynamoHazardRepository(new Store(await sharedRegulatorReadClients().client(regulator), table, systemClock)),
      registers: new DynamoProviderRegisters(store),
      tenants: new DynamoPlatformRepository(store),
      enterpriseAccounts: new PlatformEnterpriseAccounts(new DynamoPlatformRepository(store)),
      archive: (session) => archiveStoreFor(session),
      sha256Hex,
      calendar: () => currentCalendar(),
      // SVC-12 (issue 19): a mine with a data source reports its alarms; one without has no monitoring data.
      monitoring: new MonitoringAlarmFeed(new DynamoMonitoringRepository(store)),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
