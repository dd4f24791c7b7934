import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { CountyCounts } from '../../../domain/register/county-counts.port.js';
import type { SupervisionCountersRepository } from '../../../domain/supervision/counters.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoCountyCounts } from '../../adapters/dynamodb/county-counts.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { DynamoSupervisionCounters } from '../../adapters/dynamodb/supervision-counters.repository.js';

/**
 * What the overview (issue 14) reads — ports of domain/ only, and none of them an insurer's items: the counters
 * the projection keeps (`R#supervision`), the register's counts (REG-1), the insurers' names and the rule sets.
 */
export interface OverviewCompositionRoot {
  /** Issue 21, ACL-4: the counters in the read-only regulator session of the caller's scope (a county EMB: its county's partition). */
  counters(regulator: RegulatorPrincipal): Promise<Pick<SupervisionCountersRepository, 'cells'>>;
  /** REG-1: the register's counts of many counties in one batched read. */
  readonly countyCounts: Pick<CountyCounts, 'registered'>;
  readonly tenants: Pick<PlatformRepository, 'listTenants'>;
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
}

let root: OverviewCompositionRoot | undefined;

export function overviewRoot(): OverviewCompositionRoot {
  if (!root) {
    const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
    root = {
      counters: async (regulator) => new DynamoSupervisionCounters(new Store(await sharedRegulatorReadClients().client(regulator), mainTableName(), systemClock)),
      countyCounts: new DynamoCountyCounts(store),
      tenants: new DynamoPlatformRepository(store),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
    };
  }
  return root;
}
