import type { ComplaintDeadlineSweeps } from '../../domain/complaints/complaint.repository.js';
import type { Clock } from '../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../domain/kernel/rule-set/rule-set-source.port.js';
import type { CalendarSource } from '../../domain/platform/calendar-source.port.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import type { DueItems, ReminderMarkers } from '../../domain/reminders/reminders.port.js';
import type { ServiceRepository } from '../../domain/services/service.repository.js';
import type { CoverageRepository } from '../../domain/underwriting/coverage.repository.js';
import { sharedCalendarSource } from '../adapters/calendar-provider.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName } from '../adapters/dynamodb/client.js';
import { schedulesDynamoDb } from '../adapters/iam-twin/dynamodb-twin.js';
import { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import { DynamoCoverageRepository } from '../adapters/dynamodb/coverage.repository.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { sharedRuleSets } from '../adapters/dynamodb/rule-set.repository.js';
import { DynamoServiceRepository } from '../adapters/dynamodb/services.repository.js';
import { DynamoDueItems, DynamoReminderMarkers } from '../adapters/dynamodb/reminder-markers.js';
import { Store } from '../adapters/dynamodb/store.js';

/**
 * What the daily run works with: ports of domain/ only. It runs with the schedules function's own role over
 * every tenant (it is no tenant's request), so each tenant gets the same repository.
 */
export interface SchedulesRoot {
  /** The onboarded tenants the sweeps walk. */
  readonly platform: PlatformRepository;
  /** A tenant's complaints awaiting a reply: overdue and provisional ones (CMP-2..4, CMP-8, CAL-2). */
  complaintsOf(tenantId: string): Promise<ComplaintDeadlineSweeps>;
  /** A tenant's prevention services with provisional SVC-8/SVC-9 deadlines (CAL-2). */
  servicesOf(tenantId: string): Promise<ServiceRepository>;
  /** UW-11's coverage items, those whose period starts or ends today re-evaluated. */
  readonly coverage: CoverageRepository;
  /** The working-day calendar of this container, forgotten when a year was loaded (CAL-2). */
  readonly calendar: CalendarSource;
  /** Issue 16: every tenant's due-date indexes, read up to the reminders' horizon. */
  readonly dueItems: DueItems;
  /** Issue 16: the marks that keep each item's reminder to once. */
  readonly markers: ReminderMarkers;
  /** Every published rule set version (RULES-1). */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
}

let root: SchedulesRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function schedulesRoot(): SchedulesRoot {
  if (!root) {
    // Issue 21: the schedules role's own grants (schedules-policy-documents.ts), checked by the local twin.
    const store = new Store(schedulesDynamoDb(), mainTableName(), systemClock);
    const complaints = new DynamoComplaintRepository(store);
    const services = new DynamoServiceRepository(store);
    root = {
      platform: new DynamoPlatformRepository(store),
      complaintsOf: async () => complaints,
      servicesOf: async () => services,
      coverage: new DynamoCoverageRepository(store),
      calendar: sharedCalendarSource,
      dueItems: new DynamoDueItems(store),
      markers: new DynamoReminderMarkers(store),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
    };
  }
  return root;
}
