import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { RemindersRaised } from '../reminders/reminder.rules.js';

/** What a daily run did: the item reminders raised now (issue 16) and the complaints reported overdue (CMP-2..4). */
export interface DailyRunOutcome {
  readonly remindersRaised: RemindersRaised;
  readonly overdueComplaints: number;
}

/**
 * Issue 16: the daily 08:00 run, for a given day, on the operator's request ("run now"). It is the schedules
 * function's own code with its own permissions (every tenant's due indexes), so the platform function asks it
 * to run — a Lambda invoke on AWS, in-process locally — rather than carrying that code and those rights itself.
 *
 * @example
 * const outcome = await dailyRun.run('2026-12-07'); // { remindersRaised: { 'SVC-9': { overdue: 1 } }, … }
 */
export interface DailyRun {
  run(date: LocalDate): Promise<DailyRunOutcome>;
}
