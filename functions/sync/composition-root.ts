import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoClaimRepository } from '../adapters/dynamodb/claim.repository.js';
import { DynamoPolicyRepository } from '../adapters/dynamodb/policy.repository.js';
import { DynamoServiceRepository } from '../adapters/dynamodb/services.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { DynamoSyncRecordRepository } from '../adapters/dynamodb/sync-record.repository.js';
import { provincialPlatformFromEnv } from '../adapters/provincial/http-provincial-platform.js';
import type { SyncPorts } from './worker.js';

let ports: SyncPorts | undefined;

/**
 * The sync worker's composition root. A platform component like the projections: its own role reads insurers'
 * policies and services and writes only their `SYNC` items (infra/stacks/api-stack.ts); the province's endpoint
 * is configuration (`ANZE_PROVINCE_URL`), the first retry's wait `ANZE_SYNC_RETRY_BASE_MS` (30 s by default).
 */
export function syncPorts(): SyncPorts {
  if (!ports) {
    const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
    ports = {
      records: new DynamoSyncRecordRepository(store),
      policies: new DynamoPolicyRepository(store),
      services: new DynamoServiceRepository(store),
      claims: new DynamoClaimRepository(store),
      province: provincialPlatformFromEnv(),
      clock: systemClock,
      retryBaseMs: Number(process.env.ANZE_SYNC_RETRY_BASE_MS ?? 30_000),
      random: Math.random,
    };
  }
  return ports;
}
