import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { ServiceDeadlines } from './service.js';

/**
 * SVC-8, SVC-9: the follow-up and archive due dates of a service performed on `performedOn`, counted in working
 * days (CAL-1) with the day of the service not counted. Each date is `provisional` when it depends on a day of
 * a year the calendar does not know yet (CAL-2); recompute from the same `performedOn` after the operator loads
 * the year to get the final date.
 *
 * @example
 * serviceDeadlines('2024-09-27', XINZHOU_2024, WorkingDayCalendar.builtin());
 * // { followUp: { dueOn: '2024-10-16', provisional: false }, archive: { dueOn: '2024-10-30', provisional: false } }
 */
export function serviceDeadlines(
  performedOn: LocalDate,
  ruleSet: Pick<RuleSet, 'followUpWorkingDays' | 'archiveWorkingDays'>,
  calendar: WorkingDayCalendar,
): ServiceDeadlines {
  const followUp = calendar.addWorkingDays(performedOn, ruleSet.followUpWorkingDays);
  const archive = calendar.addWorkingDays(performedOn, ruleSet.archiveWorkingDays);
  return {
    followUp: { dueOn: followUp.date, provisional: followUp.provisional },
    archive: { dueOn: archive.date, provisional: archive.provisional },
  };
}
