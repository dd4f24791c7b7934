import type { LocalDate } from '../../domain/kernel/calendar/local-date.js';

/** The instant of `date`'s 08:00 run in Asia/Shanghai, as EventBridge Scheduler gives it to the schedules function. */
export const dailyRunTime = (date: LocalDate): string => `${date}T08:00:00+08:00`;
