import type { Complaint } from '../../../domain/complaints/complaint.js';
import { compareLocalDates, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { policyFactsOf, type PolicyFacts } from '../../../domain/services/policy-facts.js';
import type { ServicePlan } from '../../../domain/services/service-plan.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import type { ReminderMark } from '../../../domain/reminders/once-only.port.js';
import type { DueItems, DuePage, MarkedReminder, PolicyObligationFacts, ReminderMarkers } from '../../../domain/reminders/reminders.port.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { keys, type ItemKey } from './keys.js';
import { DynamoOnceOnlyReminders } from './once-only-reminders.js';
import { policiesStartedThrough } from './policies-by-start.js';
import { servicePageOf, strip } from './service-items.js';
import { DynamoServiceRepository } from './services.repository.js';
import type { Store } from './store.js';
import { entityOf } from './stored-item.js';

type PageRequest = { limit: number; cursor?: string };

/**
 * Issue 16: the due-date indexes (GSI2, sparse, sort key `<dueOn>#<id>`) read up to a bound: one Query per page of
 * items due by then, whatever else the tenant holds.
 */
export class DynamoDueItems implements DueItems {
  constructor(private readonly store: Store) {}

  private page(partition: string, before: string, { limit, cursor }: PageRequest) {
    return this.store.page<Record<string, unknown>>({ index: 'GSI2', partition, sortKey: { lessThan: before }, limit, cursor });
  }

  async services(tenantId: string, before: string, page: PageRequest): Promise<DuePage<PreventionService>> {
    return servicePageOf(await this.page(keys.servicesDue(tenantId), before, page));
  }

  async hazards(tenantId: string, before: string, page: PageRequest): Promise<DuePage<Hazard>> {
    const found = await this.page(keys.hazardsDue(tenantId), before, page);
    return { items: found.items.map((item) => strip<Hazard>(item) as Hazard), nextCursor: found.nextCursor };
  }

  async complaints(tenantId: string, before: string, page: PageRequest): Promise<DuePage<Complaint>> {
    const found = await this.page(keys.complaintsDue(tenantId), before, page);
    return { items: found.items.map((item) => entityOf<Complaint>(item, ['overdueNotifiedOn'])), nextCursor: found.nextCursor };
  }

  /**
   * Read from `through` backwards and stopped at the first policy starting before `from`: the key range costs the
   * policies in it (and at most one page more), as a BETWEEN would.
   */
  async policiesStarting(tenantId: string, from: LocalDate, through: LocalDate): Promise<readonly PolicyFacts[]> {
    const found: PolicyFacts[] = [];
    for await (const item of policiesStartedThrough(this.store, tenantId, through)) {
      const policy = strip<Policy>(item) as Policy;
      if (compareLocalDates(policy.periodStart, from) < 0) return found;
      found.push(policyFactsOf(policy));
    }
    return found;
  }

  /** One GetItem (the plan) and one Query (the policy's services, GSI4), as the obligations route reads them. */
  async obligationFactsOf(tenantId: string, policy: PolicyFacts): Promise<PolicyObligationFacts> {
    const [plan, services] = await Promise.all([
      this.store.get<Record<string, unknown>>(keys.servicePlan(tenantId, policy.id)).then((item) => strip<ServicePlan>(item)),
      new DynamoServiceRepository(this.store).servicesOfPolicy(tenantId, policy.id),
    ]);
    return {
      policy,
      ...(plan === undefined ? {} : { plan }),
      services: services.map((service) => ({
        type: service.type,
        deep: service.deep,
        status: service.status,
        ...(service.record ? { performedOn: service.record.performedOn } : {}),
      })),
    };
  }
}

const markKey = (mark: ReminderMark): ItemKey =>
  keys.reminderMarker(mark.tenantId === undefined ? { kind: 'platform' } : { kind: 'tenant', tenantId: mark.tenantId }, mark.kind, mark.step, ...mark.subject);

/**
 * Issue 16: many reminders raised once each. The marks of a batch are read first (one BatchGetItem per hundred),
 * so a rerun, which finds them all, costs those reads and no failed transactions; each new one is then created
 * with its outbox event ({@link DynamoOnceOnlyReminders}), where a mark created meanwhile (a retry running
 * alongside) still fails the condition and raises nothing.
 */
export class DynamoReminderMarkers implements ReminderMarkers {
  private readonly once: DynamoOnceOnlyReminders;

  constructor(private readonly store: Store) {
    this.once = new DynamoOnceOnlyReminders(store);
  }

  async raiseOnce(reminders: readonly MarkedReminder[]): Promise<readonly MarkedReminder[]> {
    if (reminders.length === 0) return [];
    const existing = await this.store.getMany<ItemKey>(reminders.map((reminder) => markKey(reminder.mark)));
    const taken = new Set(existing.map((item) => item.PK));
    const raised: MarkedReminder[] = [];
    for (const reminder of reminders) {
      if (taken.has(markKey(reminder.mark).PK)) continue;
      if (await this.once.raiseOnce(reminder.mark, reminder.event)) raised.push(reminder);
    }
    return raised;
  }
}
