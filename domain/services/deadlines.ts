import { compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { PreventionService, ServiceDeadlines, ServiceRecord } from './service.js';
import type { Changed } from '../kernel/events.js';
import { serviceDeadlinesRecomputed, servicePayloadOf } from './events.js';

/**
 * SVC-8, SVC-9: the Asia/Shanghai day a service was completed (服务完成), from which its follow-up and archive
 * deadlines count — the day it ended, not the day it began: a three-day inspection is completed on its third day.
 *
 * @example
 * serviceCompletedOn({ endedAt: '2024-09-29T17:00:00+08:00' }); // '2024-09-29' for a service begun 2024-09-27
 */
export function serviceCompletedOn(record: Pick<ServiceRecord, 'endedAt'>): LocalDate {
  return shanghaiDateOf(record.endedAt);
}

/**
 * SVC-8, SVC-9: the follow-up and archive due dates of a service completed on `completedOn` (see
 * {@link serviceCompletedOn}), counted in working days (CAL-1) with the day of completion not counted — the
 * notice's "服务完成以后 10/20 个工作日内". Each date is `provisional` when it depends on a day of a year the
 * calendar does not know yet (CAL-2); recompute from the same day after the operator loads the year to get the
 * final date.
 *
 * @example
 * serviceDeadlines('2024-09-27', XINZHOU_2024, WorkingDayCalendar.builtin());
 * // { followUp: { dueOn: '2024-10-16', provisional: false }, archive: { dueOn: '2024-10-30', provisional: false } }
 */
export function serviceDeadlines(
  completedOn: LocalDate,
  ruleSet: Pick<RuleSet, 'followUpWorkingDays' | 'archiveWorkingDays'>,
  calendar: WorkingDayCalendar,
): ServiceDeadlines {
  const followUp = calendar.addWorkingDays(completedOn, ruleSet.followUpWorkingDays);
  const archive = calendar.addWorkingDays(completedOn, ruleSet.archiveWorkingDays);
  return {
    followUp: { dueOn: followUp.date, provisional: followUp.provisional },
    archive: { dueOn: archive.date, provisional: archive.provisional },
  };
}

function sameDeadlines(a: ServiceDeadlines, b: ServiceDeadlines): boolean {
  return (
    a.followUp.dueOn === b.followUp.dueOn &&
    a.followUp.provisional === b.followUp.provisional &&
    a.archive.dueOn === b.archive.dueOn &&
    a.archive.provisional === b.archive.provisional
  );
}

/**
 * CAL-2: the service with its SVC-8/SVC-9 deadlines recomputed on `calendar`, for when the operator loads a
 * year's schedule and provisional dates become final (or move). Recomputed from the day the stored record ended
 * with the service's own rule set, never patched — as complaints do (`recomputeDeadlines`).
 *
 * A follow-up already made was judged late against the provisional date; that judgement was as provisional as
 * the date, so it is judged again against the final one (a follow-up on the final due date is on time).
 *
 * When nothing changes (no record yet, ARCHIVED, or the same dates) the state is the same object and there are
 * no events, so a caller can skip the write; otherwise a new service with `version` + 1 and `updatedAt`
 * unchanged — the service did not change, only the calendar it is measured on — with
 * `services.service.deadlines_recomputed`. An ARCHIVED service is left alone: its record is sealed in the
 * write-once archive with the deadlines it had (SVC-10), and the database copy must keep saying the same.
 *
 * @throws RuleViolation (RULES-1, 409) when `ruleSet` is not the version recorded on the service.
 * @example
 * const loaded = WorkingDayCalendar.builtin().withYear(schedule2027);
 * const { state: next } = recomputeServiceDeadlines(service, XINZHOU_2024, loaded); // performed 2026-12-24
 * next.deadlines?.archive; // { dueOn: '2027-01-25', provisional: false } with 2027-01-20 a holiday
 */
export function recomputeServiceDeadlines(
  service: PreventionService,
  ruleSet: Pick<RuleSet, 'id' | 'version' | 'followUpWorkingDays' | 'archiveWorkingDays'>,
  calendar: WorkingDayCalendar,
): Changed<PreventionService> {
  if (ruleSet.id !== service.ruleSetId || ruleSet.version !== service.ruleSetVersion) {
    throw new RuleViolation(
      'RULES-1',
      undefined,
      `RULES-1: service ${service.id} was scheduled under rule set ${service.ruleSetId} v${service.ruleSetVersion}, not ${ruleSet.id} v${ruleSet.version}`,
      409,
    );
  }
  if (service.record === undefined || service.deadlines === undefined || service.status === 'ARCHIVED') return { state: service, events: [] };

  const deadlines = serviceDeadlines(serviceCompletedOn(service.record), ruleSet, calendar);
  const followUp =
    service.followUp === undefined
      ? undefined
      : { ...service.followUp, late: compareLocalDates(shanghaiDateOf(service.followUp.at), deadlines.followUp.dueOn) > 0 };
  if (sameDeadlines(deadlines, service.deadlines) && followUp?.late === service.followUp?.late) return { state: service, events: [] };
  const recomputed: PreventionService = { ...service, deadlines, ...(followUp === undefined ? {} : { followUp }), version: service.version + 1 };
  const event = serviceDeadlinesRecomputed.of(recomputed, { ...servicePayloadOf(recomputed), deadlines: recomputed.deadlines });
  return { state: recomputed, events: [event] };
}

/**
 * SVC-8, SVC-9: the next date the service must meet — the follow-up while COMPLETED, the archive while
 * FOLLOWED_UP or CONFIRMED, none otherwise. It drives the "services due" index.
 *
 * @example
 * nextDeadline(completed); // { dueOn: '2024-10-16', kind: 'FOLLOW_UP', provisional: false }
 */
export function nextDeadline(
  service: Pick<PreventionService, 'status' | 'deadlines'>,
): { dueOn: LocalDate; kind: 'FOLLOW_UP' | 'ARCHIVE'; provisional: boolean } | undefined {
  const deadlines = service.deadlines;
  if (deadlines === undefined) return undefined;
  if (service.status === 'COMPLETED') return { dueOn: deadlines.followUp.dueOn, kind: 'FOLLOW_UP', provisional: deadlines.followUp.provisional };
  if (service.status === 'FOLLOWED_UP' || service.status === 'CONFIRMED') {
    return { dueOn: deadlines.archive.dueOn, kind: 'ARCHIVE', provisional: deadlines.archive.provisional };
  }
  return undefined;
}
