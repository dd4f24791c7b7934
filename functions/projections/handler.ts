import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoCoverageRepository } from '../adapters/dynamodb/coverage.repository.js';
import { DynamoPolicyRepository } from '../adapters/dynamodb/policy.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { systemClock } from '../adapters/clock.js';
import { logger } from '../middleware/observability.js';
import { projectPolicy } from './policy-projection.js';

/** An EventBridge event from the `anze` bus, whose detail is the bus event (functions/relay/bus-event.ts). */
export interface ProjectionEvent {
  readonly 'detail-type': string;
  readonly detail: { readonly tenantId?: string; readonly aggregate: { readonly id: string } };
}

/**
 * Projections of domain events into views other owners read (on AWS: an EventBridge rule on
 * `underwriting.policy.*`; locally: a bus subscription). It reads the policy as it is now, so events that
 * arrive late or twice project the same state.
 */
export async function handler(event: ProjectionEvent): Promise<void> {
  const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
  const tenantId = event.detail.tenantId;
  if (!event['detail-type'].startsWith('underwriting.policy.') || !tenantId) return;
  const policy = await new DynamoPolicyRepository(store).get(tenantId, event.detail.aggregate.id);
  if (!policy) {
    logger.warn('policy event for a policy that is not there', { tenantId, policyId: event.detail.aggregate.id });
    return;
  }
  await projectPolicy(policy, new DynamoCoverageRepository(store), systemClock.now());
}
