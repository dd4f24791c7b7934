import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { SupervisionReads } from '../../../domain/supervision/supervision-reads.port.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../adapters/dynamodb/fee-ledger.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { DynamoSupervisionReads } from '../../adapters/dynamodb/supervision-reads.repository.js';

/** Insurers' data as the regulators read it: through the read-only regulator role, and nothing that writes. */
export interface InsurerData {
  readonly reads: SupervisionReads;
  readonly fees: Pick<FeeLedgerRepository, 'year'>;
}

/**
 * What the supervision Lambda's use cases depend on (issue 14; ACL-2, ACL-4) — ports of domain/ only. Every
 * route is a GET: the context has no write path at all.
 */
export interface SupervisionCompositionRoot {
  /** ARCHITECTURE.md §3: insurers' items through the read-only regulator session of the caller's agency and county (ACL-4). */
  insurerData(regulator: RegulatorPrincipal): Promise<InsurerData>;
  /** The insurers themselves (platform profiles): names and status. */
  readonly tenants: Pick<PlatformRepository, 'getTenant' | 'listTenants'>;
  /** RULES-1: the floor and ceiling a fee year is judged by. */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
}

let root: SupervisionCompositionRoot | undefined;

export function supervisionRoot(): SupervisionCompositionRoot {
  if (!root) {
    const table = mainTableName();
    const platformStore = new Store(sharedDynamoDb().doc, table, systemClock);
    const regulatorClients = sharedRegulatorReadClients();
    root = {
      insurerData: async (regulator) => {
        const store = new Store(await regulatorClients.client(regulator), table, systemClock);
        return { reads: new DynamoSupervisionReads(store), fees: new DynamoFeeLedgerRepository(store) };
      },
      tenants: new DynamoPlatformRepository(platformStore),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
    };
  }
  return root;
}
