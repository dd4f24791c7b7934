import type { CoverageRepository } from '../../domain/underwriting/coverage.repository.js';
import type { PolicyRepository } from '../../domain/underwriting/policy.repository.js';
import type { Clock } from '../../domain/kernel/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoCoverageRepository } from '../adapters/dynamodb/coverage.repository.js';
import { DynamoPolicyRepository } from '../adapters/dynamodb/policy.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { systemClock } from '../adapters/clock.js';
import { logger } from '../middleware/observability.js';
import { projectArchiveFolder } from './archive-folder-projection.js';
import { folderProjectionPorts } from './archive-folder-root.js';
import { projectPolicy } from './policy-projection.js';
import { countedSources, supervisionCounters } from './supervision-counters-root.js';
import { projectCounters } from './supervision-counters.js';

/** An EventBridge event from the `anze` bus, whose detail is the bus event (functions/relay/bus-event.ts). */
export interface ProjectionEvent {
  readonly 'detail-type': string;
  readonly detail: { readonly tenantId?: string; readonly aggregate: { readonly id: string }; readonly data?: Readonly<Record<string, unknown>> };
}

/** The projection function's composition root: what it reads and writes, typed by the domain's ports. */
interface ProjectionPorts {
  readonly policies: Pick<PolicyRepository, 'get'>;
  readonly coverage: CoverageRepository;
  readonly clock: Clock;
}

function projectionPorts(): ProjectionPorts {
  const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
  return { policies: new DynamoPolicyRepository(store), coverage: new DynamoCoverageRepository(store), clock: systemClock };
}

/**
 * Projections of domain events into views other owners read (on AWS: an EventBridge rule on the policy events
 * of functions/events/subscriptions.ts; locally: a bus subscription). It reads the policy as it is now, so
 * events that arrive late or twice project the same state.
 */
export async function handler(event: ProjectionEvent): Promise<void> {
  await projectPolicyEvent(event);
  // Issue 14: the supervision overview's counters follow policy, service, plan, hazard, complaint, fee and claim (CLM-1) events.
  const { tenantId, aggregate, data } = event.detail;
  await projectCounters(
    { type: event['detail-type'], aggregateId: aggregate.id, ...(tenantId ? { tenantId } : {}), ...(data ? { data } : {}) },
    countedSources(),
    supervisionCounters(),
    systemClock.now(),
  );
  // SVC-10 (issue 18): an issued policy's contract and an answered or closed complaint go into the enterprise's folder.
  await projectArchiveFolder({ type: event['detail-type'], aggregateId: aggregate.id, ...(tenantId ? { tenantId } : {}) }, folderProjectionPorts());
}

async function projectPolicyEvent(event: ProjectionEvent): Promise<void> {
  const tenantId = event.detail.tenantId;
  if (!event['detail-type'].startsWith('underwriting.policy.') || !tenantId) return;
  const { policies, coverage, clock } = projectionPorts();
  const policy = await policies.get(tenantId, event.detail.aggregate.id);
  if (!policy) {
    logger.warn('policy event for a policy that is not there', { tenantId, policyId: event.detail.aggregate.id });
    return;
  }
  await projectPolicy(policy, coverage, clock.now());
}
