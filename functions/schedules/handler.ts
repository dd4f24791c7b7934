import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { Store } from '../adapters/dynamodb/store.js';
import { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { DynamoServiceRepository } from '../adapters/dynamodb/services.repository.js';
import { currentCalendar, forgetCalendar } from '../adapters/calendar-provider.js';
import { systemClock } from '../adapters/clock.js';
import { logger } from '../middleware/observability.js';
import { RULE_SETS } from '../http/complaints/deps.js';
import { remindOfMissingCalendarYear } from './calendar-reminder.js';
import { sweepOverdueComplaints } from './complaint-overdue-sweep.js';
import { recomputeProvisionalComplaints, recomputeProvisionalServices } from './recompute-provisional.js';
import { DynamoCoverageRepository } from '../adapters/dynamodb/coverage.repository.js';
import { sweepCoverageEdges } from '../projections/policy-projection.js';

/** What starts a run: EventBridge Scheduler's daily event, or the bus event of a loaded calendar year. */
export interface ScheduleEvent {
  readonly 'detail-type'?: string;
  readonly time?: string;
}

export interface ScheduleOutcome {
  readonly reminders: number;
  readonly overdueComplaints: number;
  readonly recomputedComplaints: number;
  /** CAL-2: prevention services whose SVC-8/SVC-9 deadlines were recomputed. */
  readonly recomputedServices: number;
  readonly coverageChanges?: number;
}

const YEAR_LOADED = 'platform.calendar.year_loaded';

/**
 * The daily 08:00 (Asia/Shanghai) run: the calendar reminder (CAL-2), provisional deadlines of complaints and
 * of prevention services (SVC-8, SVC-9) recomputed with the years loaded since, the overdue sweep over the due-date index, and UW-11's coverage counters for
 * policies that started or ended today. A `platform.calendar.year_loaded`
 * event runs the recomputation alone, at once.
 */
export async function handler(event: ScheduleEvent = {}): Promise<ScheduleOutcome> {
  const now = event.time ? new Date(event.time) : systemClock.now();
  const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
  const platform = new DynamoPlatformRepository(store);
  const complaints = new DynamoComplaintRepository(store);
  const services = new DynamoServiceRepository(store);
  if (event['detail-type'] === YEAR_LOADED) forgetCalendar();
  const calendar = await currentCalendar();
  const recomputedComplaints = await recomputeProvisionalComplaints(platform, async () => complaints, { ruleSets: RULE_SETS, calendar });
  const recomputedServices = await recomputeProvisionalServices(platform, async () => services, { ruleSets: RULE_SETS, calendar });
  if (event['detail-type'] === YEAR_LOADED) {
    logger.info('provisional deadlines recomputed', { recomputedComplaints, recomputedServices });
    return { reminders: 0, overdueComplaints: 0, recomputedComplaints, recomputedServices };
  }
  const reminded = await remindOfMissingCalendarYear(store, calendar, now);
  const overdueComplaints = await sweepOverdueComplaints(platform, async () => complaints, now);
  const coverageChanges = await sweepCoverageEdges(new DynamoCoverageRepository(store), now);
  logger.info('daily schedule ran', { reminded, overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges });
  return { reminders: reminded ? 1 : 0, overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges };
}
