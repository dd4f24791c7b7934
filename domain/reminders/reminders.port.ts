import type { Complaint } from '../complaints/complaint.js';
import type { DomainEvent } from '../kernel/events.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { ServiceForObligations } from '../services/obligations-engine.js';
import type { PolicyFacts } from '../services/policy-facts.js';
import type { PlanItem } from '../services/service-plan.js';
import type { Hazard } from '../services/hazard.js';
import type { OnceOnlyReminders, ReminderMark } from './once-only.port.js';
import type { PreventionService } from '../services/service.js';

/** One page of a due index and the cursor of the next (absent on the last). */
export interface DuePage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * Issue 16: what the daily run reads, each a tenant's due-date index (GSI2, sparse) up to a bound, so a run reads
 * the items due by then and none due later: services with an open SVC-8/SVC-9 deadline, hazards not yet
 * verified (SVC-7), complaints awaiting a reply by their binding date (CMP-2..4, CMP-8); and the policies whose
 * period starts in a window (GSI4, by period start), for the plan (SVC-4) and the first service (SVC-2).
 */
export interface DueItems {
  /** `before` is exclusive: the day after the last due date wanted. */
  services(tenantId: string, before: string, page: { limit: number; cursor?: string }): Promise<DuePage<PreventionService>>;
  hazards(tenantId: string, before: string, page: { limit: number; cursor?: string }): Promise<DuePage<Hazard>>;
  complaints(tenantId: string, before: string, page: { limit: number; cursor?: string }): Promise<DuePage<Complaint>>;
  /** SVC-2, SVC-4: the policies the tenant leads whose period starts between `from` and `through` (both included). */
  policiesStarting(tenantId: string, from: LocalDate, through: LocalDate): Promise<readonly PolicyFacts[]>;
  /** SVC-2, SVC-4: a policy's agreed plan, if any, and its services — what the obligations engine reads. */
  obligationFactsOf(tenantId: string, policy: PolicyFacts): Promise<PolicyObligationFacts>;
}

/** What the SVC-2/SVC-4 reminders read of one policy. */
export interface PolicyObligationFacts {
  readonly policy: PolicyFacts;
  readonly plan?: { readonly items: readonly PlanItem[] };
  readonly services: readonly ServiceForObligations[];
}

/** A reminder ready to raise: its mark (once per item, step and kind) and its event. */
export interface MarkedReminder {
  readonly mark: ReminderMark;
  readonly event: DomainEvent;
}

/**
 * Issue 16: raises each reminder at most once ({@link OnceOnlyReminders}, many at a time). The mark and the
 * outbox event are one transaction; a mark already there means "already reminded" and raises nothing.
 */
export interface ReminderMarkers {
  /** The reminders that were raised now (their marks were new); the others had been raised before. */
  raiseOnce(reminders: readonly MarkedReminder[]): Promise<readonly MarkedReminder[]>;
}
