import type { DomainEvent } from '../kernel/events.js';
import type { ArchiveRecord } from './archive-record.schema.js';
import type { ServicePlan } from './service-plan.js';

/** SVC-4: a policy's service plan, one per policy, tenant-scoped (ACL-1). */
export interface ServicePlanRepository {
  getPlan(tenantId: string, policyId: string): Promise<ServicePlan | undefined>;
  /**
   * A new plan (`expectedVersion` undefined; Conflict when one was saved meanwhile) or a revision of the stored
   * one (StaleVersion when it changed meanwhile), in one transaction with its events and, when given, the
   * record of its archived document (SVC-4, SVC-10).
   */
  savePlan(plan: ServicePlan, expectedVersion: number | undefined, events: readonly DomainEvent[], archive?: ArchiveRecord): Promise<void>;
}
