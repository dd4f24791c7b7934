import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import { calendarReminderSchedules, cronFiresOn, type CalendarReminderSchedule } from '../../domain/reminders/calendar-reminders.js';

/**
 * The local twin of the EventBridge schedules: runs a job every day at a fixed Asia/Shanghai time
 * (08:00 for the deadline sweep). Shanghai has no daylight saving, so the next run is plain arithmetic.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export function nextRunAt(now: Date, hourShanghai: number): Date {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const candidate = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), hourShanghai) - SHANGHAI_OFFSET_MS;
  return new Date(candidate > now.getTime() ? candidate : candidate + 24 * 3600 * 1000);
}

export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hourShanghai: number,
    private readonly job: (time: Date) => Promise<unknown>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Also runs once at start, as a missed 08:00 run would have, so a laptop that slept catches up. */
  start(runNow = true): void {
    if (runNow) void this.run(this.now());
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const at = nextRunAt(this.now(), this.hourShanghai);
    this.timer = setTimeout(() => {
      void this.run(at).finally(() => this.schedule());
    }, at.getTime() - this.now().getTime());
    this.timer.unref();
  }

  private async run(time: Date): Promise<void> {
    try {
      await this.job(time);
    } catch (error) {
      console.error('scheduled job failed:', (error as Error).message);
    }
  }
}

/**
 * Issue 16: the local twin of the calendar reminders' EventBridge crons (infra/constructs/calendar-reminder-
 * schedules.ts), from the same list: the inputs of the schedules whose day and month match `time`'s day in
 * Asia/Shanghai, each with that time as Scheduler would give it.
 */
export function calendarReminderJobsAt(time: Date, ruleSet: RuleSet): (CalendarReminderSchedule['input'] & { time: string })[] {
  const today = shanghaiDateOf(time);
  return calendarReminderSchedules(ruleSet)
    .filter((schedule) => cronFiresOn(schedule.cron, today))
    .map((schedule) => ({ ...schedule.input, time: time.toISOString() }));
}
