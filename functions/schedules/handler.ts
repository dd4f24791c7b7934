import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { logger } from '../middleware/observability.js';
import { sweepCoverageEdges } from '../projections/policy-projection.js';
import { countedSources, supervisionCounters } from '../projections/supervision-counters-root.js';
import { sweepSupervisionEdges } from '../projections/supervision-counters.js';
import { calendarReminderJob } from './calendar-reminder.js';
import { sweepOverdueComplaints } from './complaint-overdue-sweep.js';
import { schedulesRoot } from './composition-root.js';
import { sweepReminders, type RemindersRaised } from './reminder-sweep.js';
import { recomputeProvisionalComplaints, recomputeProvisionalServices } from './recompute-provisional.js';

/** What starts a run: EventBridge Scheduler's daily event, or the bus event of a loaded calendar year. */
export interface ScheduleEvent {
  readonly 'detail-type'?: string;
  readonly time?: string;
  /** `calendar-reminder`: one of QUAL-6, RPT-1, RPT-3, CAL-2's schedules (`step`, `reminder`); else the daily run. */
  readonly job?: string;
  readonly step?: string;
  readonly reminder?: string;
}

export interface ScheduleOutcome {
  readonly reminders: number;
  readonly overdueComplaints: number;
  readonly recomputedComplaints: number;
  /** CAL-2: prevention services whose SVC-8/SVC-9 deadlines were recomputed. */
  readonly recomputedServices: number;
  readonly coverageChanges?: number;
  /** Issue 14: supervision counter subjects re-evaluated because a due date passed or a policy's period turned. */
  readonly supervisionEdges?: number;
  /** Issue 16: the item reminders raised, per step and kind (none raised twice). */
  readonly remindersRaised?: RemindersRaised;
}

const YEAR_LOADED = 'platform.calendar.year_loaded';

/**
 * The daily 08:00 (Asia/Shanghai) run: provisional deadlines of complaints and
 * of prevention services (SVC-8, SVC-9) recomputed with the years loaded since, the overdue sweep over the due-date index, and UW-11's coverage counters for
 * policies that started or ended today, the supervision overview's counters whose edge has come (issue 14), and the
 * items' reminders (issue 16: SVC-7..9, CMP-2). A `platform.calendar.year_loaded`
 * event runs the recomputation alone, at once.
 */
export async function handler(event: ScheduleEvent = {}): Promise<ScheduleOutcome> {
  // QUAL-6, RPT-1, RPT-3, CAL-2: the dates of the year have schedules of their own (calendar-reminder.ts).
  if (event.job === 'calendar-reminder') return calendarReminderJob(event);
  const { platform, complaintsOf, servicesOf, coverage, calendar: calendarSource, ruleSets, clock, dueItems, markers } = schedulesRoot();
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
  const overdueComplaints = await sweepOverdueComplaints(platform, complaintsOf, now);
  const coverageChanges = await sweepCoverageEdges(coverage, now);
  const supervisionEdges = await sweepSupervisionEdges(countedSources(), supervisionCounters(), now);
  const remindersRaised = await sweepReminders({ platform, dueItems, markers }, { runOn: shanghaiDateOf(now), calendar, ruleSets: versions });
  logger.info('daily schedule ran', { overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges, supervisionEdges, remindersRaised });
  return { reminders: 0, overdueComplaints, recomputedComplaints, recomputedServices, coverageChanges, supervisionEdges, remindersRaised };
}
