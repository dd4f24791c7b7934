import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { logger } from '../middleware/observability.js';
import { sweepCoverageEdges } from '../projections/policy-projection.js';
import { remindOfMissingCalendarYear } from './calendar-reminder.js';
import { sweepOverdueComplaints } from './complaint-overdue-sweep.js';
import { schedulesRoot } from './composition-root.js';
import { sweepReminders, type RemindersRaised } from './reminder-sweep.js';
import { recomputeProvisionalComplaints, recomputeProvisionalServices } from './recompute-provisional.js';

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
  /** Issue 16: the item reminders raised, per step and kind (none raised twice). */
  readonly remindersRaised?: RemindersRaised;
}

const YEAR_LOADED = 'platform.calendar.year_loaded';

/**
 * The daily 08:00 (Asia/Shanghai) run: the calendar reminder (CAL-2), provisional deadlines of complaints and
 * of prevention services (SVC-8, SVC-9) recomputed with the years loaded since, the overdue sweep over the due-date index, and UW-11's coverage counters for
 * policies that started or ended today, and the items' reminders (issue 16: SVC-7..9, CMP-2). A `platform.calendar.year_loaded`
 * event runs the recomputation alone, at once.
 */
export async function handler(event: ScheduleEvent = {}): Promise<ScheduleOutcome> {
  const { platform, complaintsOf, servicesOf, coverage, calendar: calendarSource, reminders, ruleSets, clock, dueItems, markers } = schedulesRoot();
  const now = event.time ? new Date(event.time) : clock.now();
  if (event['detail-type'] === YEAR_LOADED) calendarSource.forget();
  const calendar = await calendarSource.current();
  const versions = await ruleSets.versions();
  const recomputedComplaints = await recomputeProvisionalComplaints(platform, complaintsOf, { ruleSets: versions, calendar });
  const recomputedServices = await recomputeProvisionalServices(platform, servicesOf, { ruleSets: versions, calendar });
  if (event['detail-type'] === YEAR_LOADED) {
    logger.info('provisional deadlines recomputed', { recomputedComplaints, recomputedServices });
    return { reminders: 0, overdueComplaints: 0, recomputedComplaints, recomputedServices };
  }
  const reminded = await remindOfMissingCalendarYear(reminders, calendar, now);
  const overdueComplaints = await sweepOverdueComplaints(platform, complaintsOf, now);
  const coverageChanges = await sweepCoverageEdges(coverage, now);
  const remindersRaised = await sweepReminders({ platform, dueItems, markers }, { runOn: shanghaiDateOf(now), calendar, ruleSets: versions });
  logger.info('daily schedule ran', { reminded, overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges, remindersRaised });
  return { reminders: reminded ? 1 : 0, overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges, remindersRaised };
}
