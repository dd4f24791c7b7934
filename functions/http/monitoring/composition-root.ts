import { todayOf, type Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { ApiKeys } from '../../../domain/monitoring/api-key.port.js';
import { monitoringRulesOf, type MonitoringRules } from '../../../domain/monitoring/kinds.js';
import type { EnterpriseAlarmViews, MonitoringRepository, SourceKeys } from '../../../domain/monitoring/monitoring.repository.js';
import type { PolicyRepository } from '../../../domain/underwriting/policy.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoMonitoringRepository } from '../../adapters/dynamodb/monitoring.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { sharedEnterpriseReadClients } from '../../adapters/dynamodb/enterprise-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';
import { Sha256ApiKeys } from '../../adapters/monitoring/sha256-api-keys.js';

/** What the monitoring Lambda's use cases work with (MON-1, MON-2): ports of domain/ only. */
export interface MonitoringRoot {
  /** A tenant's sources, readings and alarms (tenant-scoped credentials, ACL-1), and its policies. */
  forTenant(tenantId: string): Promise<{ readonly monitoring: MonitoringRepository; readonly policies: Pick<PolicyRepository, 'get'> }>;
  /** The key lookups (`P#`), read before any tenant is known. */
  readonly sourceKeys: SourceKeys;
  readonly apiKeys: ApiKeys;
  /** ACL-5: the enterprise's alarms across insurers, in its own read session (IAM: `ENT#<uscc>#*` only, issue 21). */
  forEnterprise(uscc: string): Promise<EnterpriseAlarmViews>;
  /** RULES-1: the monitoring figures of the rule set in force today. */
  rules(): Promise<MonitoringRules>;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: MonitoringRoot | undefined;

/** Built on first use, once per container. */
export function monitoringRoot(): MonitoringRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    const shared = new DynamoMonitoringRepository(store);
    const ruleSets = sharedRuleSets();
    root = {
      forTenant: async (tenantId) => {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { monitoring: new DynamoMonitoringRepository(tenantStore, store), policies: new DynamoPolicyRepository(tenantStore) };
      },
      sourceKeys: shared,
      apiKeys: new Sha256ApiKeys(),
      forEnterprise: async (uscc) => new DynamoMonitoringRepository(new Store(await sharedEnterpriseReadClients().client(uscc), table, systemClock)),
      rules: async () => monitoringRulesOf(selectRuleSet(await ruleSets.versions(), todayOf(systemClock))),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
