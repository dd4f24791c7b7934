import type { SupervisionCountersRepository } from '../../domain/supervision/counters.repository.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoClaimRepository } from '../adapters/dynamodb/claim.repository.js';
import { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import { DynamoFeeLedgerRepository } from '../adapters/dynamodb/fee-ledger.repository.js';
import { DynamoHazardRepository } from '../adapters/dynamodb/hazards.repository.js';
import { DynamoPolicyRepository } from '../adapters/dynamodb/policy.repository.js';
import { sharedRuleSets } from '../adapters/dynamodb/rule-set.repository.js';
import { DynamoServicePlanRepository } from '../adapters/dynamodb/service-plans.repository.js';
import { DynamoServiceRepository } from '../adapters/dynamodb/services.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { DynamoSupervisionCounters } from '../adapters/dynamodb/supervision-counters.repository.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { keys } from '../adapters/dynamodb/keys.js';
import { rebuildSupervisionCounters } from './supervision-counters-rebuild.js';
import type { CountedListings } from './supervision-counters-rebuild.js';
import type { CountedSources } from './supervision-counters.js';

/**
 * The supervision counters' composition root (issue 14), typed by the domain's ports: the records read as they
 * are now (read-only: GetItem and Query on the insurers' items) and the counters written.
 */
let sources: CountedSources | undefined;
let counters: SupervisionCountersRepository | undefined;

const store = (): Store => new Store(sharedDynamoDb().doc, mainTableName(), systemClock);

export function countedSources(): CountedSources {
  if (!sources) {
    const shared = store();
    sources = {
      policies: new DynamoPolicyRepository(shared),
      plans: new DynamoServicePlanRepository(shared),
      services: new DynamoServiceRepository(shared),
      hazards: new DynamoHazardRepository(shared),
      complaints: new DynamoComplaintRepository(shared),
      claims: new DynamoClaimRepository(shared),
      fees: new DynamoFeeLedgerRepository(shared),
      ruleSets: sharedRuleSets(),
    };
  }
  return sources;
}

export function supervisionCounters(): SupervisionCountersRepository {
  counters ??= new DynamoSupervisionCounters(store());
  return counters;
}

/** Where every insurer's records are listed, for a rebuild. */
export function countedListings(): CountedListings {
  const shared = store();
  return {
    tenants: new DynamoPlatformRepository(shared),
    policies: new DynamoPolicyRepository(shared),
    services: new DynamoServiceRepository(shared),
    hazards: new DynamoHazardRepository(shared),
    complaints: new DynamoComplaintRepository(shared),
    claims: new DynamoClaimRepository(shared),
  };
}

/**
 * Issue 14: the local runtime's start rebuilds the counters from the records once per data folder (a mark
 * records it), so a folder made before the projection existed shows its figures; later changes arrive as events.
 * Returns how many records were projected, or undefined when the folder was rebuilt already.
 */
export async function rebuildSupervisionCountersOnce(now: Date): Promise<number | undefined> {
  const shared = store();
  if (await shared.get(keys.supervisionRebuilt)) return undefined;
  const projected = await rebuildSupervisionCounters(countedListings(), countedSources(), supervisionCounters(), now);
  await shared.putMany([{ ...keys.supervisionRebuilt, kind: 'SUPERVISION_REBUILT', at: now.toISOString(), projected }]);
  return projected;
}
