import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import type { ServicePlanRepository } from '../../../domain/services/service-plan.repository.js';
import type { ServicePlan } from '../../../domain/services/service-plan.js';
import { keys } from './keys.js';
import { archiveItem, strip } from './service-items.js';
import { outboxOf, type Store, type Write } from './store.js';

/** SVC-4: one service plan per policy, in the tenant's partition. */
export class DynamoServicePlanRepository implements ServicePlanRepository {
  constructor(private readonly store: Store) {}

  async getPlan(tenantId: string, policyId: string): Promise<ServicePlan | undefined> {
    return strip<ServicePlan>(await this.store.get(keys.servicePlan(tenantId, policyId)));
  }

  async savePlan(plan: ServicePlan, expectedVersion: number | undefined, events: readonly DomainEvent[], archive?: ArchiveRecord): Promise<void> {
    const key = keys.servicePlan(plan.tenantId, plan.policyId);
    const item = { ...plan, ...key, kind: 'SERVICE_PLAN' };
    const write: Write =
      expectedVersion === undefined
        ? { kind: 'create', item, onExists: () => new Conflict(`a service plan of policy ${plan.policyId} was saved meanwhile; reload it`) }
        : { kind: 'update', item: item as never, expectedVersion, entity: 'service plan' };
    // SVC-4, SVC-10: the archived plan's record goes with the plan that cites it.
    const archived: Write[] =
      archive === undefined ? [] : [{ kind: 'create', item: archiveItem(archive) as never, onExists: () => new Conflict(`archive ${archive.archiveId} exists`) }];
    await this.store.commit([write, ...archived], events.map((event) => outboxOf(event, key)));
  }
}
