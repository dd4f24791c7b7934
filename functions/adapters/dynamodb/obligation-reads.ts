import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import type { ObligationReads } from '../../../domain/services/obligations-list.js';
import type { ServicePlan } from '../../../domain/services/service-plan.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { keys } from './keys.js';
import { policiesStartedThrough } from './policies-by-start.js';
import { strip } from './service-items.js';
import type { Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * SVC-11 (issue 15): the cross-policy obligations list's reads over the tenant's own (tenant-scoped) store. The
 * policies come from GSI4 (the lead's policies by `<periodStart>#<id>`), newest first from `through`, stopping at
 * the first that starts before `from`: the key range costs the policies in it and at most one page more.
 */
export class DynamoObligationReads implements ObligationReads {
  constructor(private readonly store: Store) {}

  async policiesStarting(tenantId: string, from: LocalDate, through: LocalDate, max: number): Promise<{ policies: Policy[]; more: boolean }> {
    const policies: Policy[] = [];
    for await (const item of policiesStartedThrough(this.store, tenantId, through)) {
      const policy = entityOf<Policy>(item, ['projections']);
      if (policy.periodStart < from) return { policies, more: false };
      if (policies.length >= max) return { policies, more: true };
      policies.push(policy);
    }
    return { policies, more: false };
  }

  async plansOf(tenantId: string, policyIds: readonly string[]): Promise<ReadonlyMap<string, ServicePlan>> {
    if (policyIds.length === 0) return new Map();
    const items = await this.store.getMany<Record<string, unknown>>(policyIds.map((policyId) => keys.servicePlan(tenantId, policyId)));
    const plans = items.map((item) => strip<ServicePlan>(item) as ServicePlan);
    return new Map(plans.map((plan) => [plan.policyId, plan]));
  }
}
