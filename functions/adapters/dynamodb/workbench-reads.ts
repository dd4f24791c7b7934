import type { YearLedger } from '../../../domain/fees/year-ledger.js';
import { addDays, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { policyFactsOf } from '../../../domain/services/policy-facts.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { ALL_COUNTIES, UNKNOWN_COUNTY, cellKeyOf, type Contribution } from '../../../domain/supervision/counters.js';
import type { SupervisionNotice } from '../../../domain/supervision/notice.js';
import type { Bounded, PolicyPlanFacts, WorkbenchReads } from '../../../domain/supervision/workbench.port.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PreventionService } from '../../../domain/services/service.js';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import { VIEW_COUNTIES } from './county-sharded-page.js';
import { DynamoFeeLedgerRepository } from './fee-ledger.repository.js';
import { keys, type ItemKey } from './keys.js';
import { DynamoNoticeRepository } from './notice.repository.js';
import { DynamoDueItems } from './reminder-markers.js';
import { strip } from './service-items.js';
import type { Store } from './store.js';

const IDENTITY = new Set(['PK', 'SK', 'kind', 'year', 'tenantId', 'county']);

/** UW-1: a policy covers at most a year, so one that started longer ago than this has ended. */
const YEAR_AND_A_DAY = 367;

/**
 * Issue 14: the insurer's workbench reads — every one a single request (one Query page, one BatchGetItem, one
 * GetItem), so the workbench costs the same with 10 or 100,000 records. The tenant's own items through its
 * tenant-scoped store; the supervision counters (a regulator-owned partition) through the function's own role,
 * narrowed by key to the caller's own cells (`<tenantId>#…`), never another insurer's.
 */
export class DynamoWorkbenchReads implements WorkbenchReads {
  private readonly due: DynamoDueItems;

  constructor(
    private readonly tenantStore: Store,
    private readonly countersStore: Store,
  ) {
    this.due = new DynamoDueItems(tenantStore);
  }

  private static bounded<T>(page: { items: readonly T[]; nextCursor?: string }): Bounded<T> {
    return { items: page.items, more: page.nextCursor !== undefined };
  }

  async servicesDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<PreventionService>> {
    return DynamoWorkbenchReads.bounded(await this.due.services(tenantId, before, { limit }));
  }

  async hazardsDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<Hazard>> {
    return DynamoWorkbenchReads.bounded(await this.due.hazards(tenantId, before, { limit }));
  }

  async complaintsDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<Complaint>> {
    return DynamoWorkbenchReads.bounded(await this.due.complaints(tenantId, before, { limit }));
  }

  /** One page of GSI4 (by period start, newest first) and one BatchGetItem of those policies' plans. */
  async recentPolicies(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<PolicyPlanFacts>> {
    const page = await this.tenantStore.page<Record<string, unknown>>({
      index: 'GSI4',
      partition: keys.policiesByStart(tenantId),
      sortKey: { lessThan: before },
      newestFirst: true,
      limit,
    });
    const oldest = addDays(before, -YEAR_AND_A_DAY);
    const policies = page.items.map((item) => policyFactsOf(strip<Policy>(item) as Policy));
    const current = policies.filter((policy) => policy.periodStart >= oldest);
    const plans = current.length === 0 ? [] : await this.tenantStore.getMany<ItemKey>(current.map((policy) => keys.servicePlan(tenantId, policy.id)));
    const planned = new Set(plans.map((plan) => plan.PK));
    return {
      items: current.map((policy) => ({ policy, hasPlan: planned.has(keys.servicePlan(tenantId, policy.id).PK) })),
      // Policies older than a year are past their period: what lies beyond them need not be read.
      more: page.nextCursor !== undefined && current.length === policies.length,
    };
  }

  async notices(tenantId: string, limit: number): Promise<Bounded<SupervisionNotice>> {
    const page = await new DynamoNoticeRepository(this.tenantStore).listOfTenant(tenantId, { limit });
    return { items: page.items, more: page.nextCursor !== undefined };
  }

  /** The insurer's cells of the year: one BatchGetItem of its cell in every county's partition (issue 21). */
  async counterCells(tenantId: string, year: number): Promise<Contribution> {
    const cells: Record<string, Record<string, number>> = {};
    const counties = [...VIEW_COUNTIES, ALL_COUNTIES, UNKNOWN_COUNTY];
    const items = await this.countersStore.getMany<Record<string, unknown> & { year: number; tenantId: string; county: string }>(
      counties.map((county) => keys.supervisionCounter(year, tenantId, county)),
    );
    for (const item of items) {
      if (item.tenantId !== tenantId) continue;
      const figures: Record<string, number> = {};
      for (const [name, value] of Object.entries(item)) if (!IDENTITY.has(name) && typeof value === 'number') figures[name] = value;
      cells[cellKeyOf(item)] = figures;
    }
    return cells;
  }

  async feeYear(tenantId: string, year: number): Promise<YearLedger | undefined> {
    return new DynamoFeeLedgerRepository(this.tenantStore).year(tenantId, year);
  }
}
