import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { ProvincialPlatform } from '../../../domain/sync/provincial-platform.port.js';
import type { RegulatorSyncViews, SyncRecordRepository } from '../../../domain/sync/sync-record.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName } from '../../adapters/dynamodb/client.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { DynamoSyncRecordRepository } from '../../adapters/dynamodb/sync-record.repository.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { provincialPlatformFromEnv } from '../../adapters/provincial/http-provincial-platform.js';

/**
 * What the sync routes work with (SYNC-1) — ports of domain/ only. An insurer's records are read and retried
 * through its tenant-scoped credentials (they are in its partition); the regulators' view (GSI4 `REG#SYNC#<county>`)
 * in the read-only regulator session of the caller's scope (ACL-4, issue 21): the function's own role reads none of it.
 */
export interface SyncRoot {
  forTenant(tenantId: string): Promise<SyncRecordRepository>;
  regulatorViews(regulator: RegulatorPrincipal): Promise<RegulatorSyncViews>;
  readonly province: ProvincialPlatform | undefined;
  readonly clock: Clock;
}

let root: SyncRoot | undefined;

export function syncRoot(): SyncRoot {
  if (!root) {
    const table = mainTableName();
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => new DynamoSyncRecordRepository(new Store(await scoped.forTenant({ tenantId }), table, systemClock)),
      regulatorViews: async (regulator) => new DynamoSyncRecordRepository(new Store(await sharedRegulatorReadClients().client(regulator), table, systemClock)),
      province: provincialPlatformFromEnv(),
      clock: systemClock,
    };
  }
  return root;
}
