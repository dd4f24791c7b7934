import * as z from 'zod/mini';
import { OPERATOR } from '../../../domain/identity/access.js';
import { compareLocalDates, localDateSchema, shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { REMINDER_STEPS, type ReminderStep } from '../../../domain/reminders/events.js';
import { REMINDER_KINDS } from '../../../domain/reminders/reminder.rules.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';

const runDailyBody = z.strictObject({
  date: localDateSchema.check(z.describe('The day to run for (Asia/Shanghai); today or earlier')),
});

const runDailyResponse = z.object({
  date: localDateSchema,
  raised: z
    .array(z.object({ step: z.enum(REMINDER_STEPS), kind: z.enum(['due', 'overdue']), count: z.int() }))
    .check(z.describe('The reminders this run raised, per step and kind; none already raised by an earlier run')),
  overdueComplaints: z.int().check(z.describe('CMP-2..4, CMP-8: complaints reported overdue by this run')),
});

/**
 * Issue 16: "run now" — the platform operator runs the daily 08:00 run for a day: the same code (the schedules
 * function's), so it raises what that run would have and nothing it already raised; a second call raises
 * nothing. A day after today is refused: the run would report as late what is not late yet (CMP-2's overdue
 * report is recorded on the complaint).
 */
export const runDaily = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/daily-run',
  access: OPERATOR,
  summary: 'Run the daily reminders and deadline sweep now, for a given day (issue 16)',
  tags: ['platform'],
  body: runDailyBody,
  response: runDailyResponse,
  async handle(input) {
    const { clock, dailyRun } = platformRoot();
    const { date } = input.body;
    const today = shanghaiDateOf(clock.now());
    if (compareLocalDates(date, today) > 0) {
      throw new ValidationFailed([{ field: 'date', message: `CAL-1: date must be today (${today}) or earlier`, rule: 'CAL-1' }]);
    }
    const outcome = await dailyRun.run(date);
    const raised = REMINDER_STEPS.flatMap((step: ReminderStep) =>
      REMINDER_KINDS.flatMap((kind) => {
        const count = outcome.remindersRaised[step]?.[kind] ?? 0;
        return count > 0 ? [{ step, kind, count }] : [];
      }),
    );
    return { body: { date, raised, overdueComplaints: outcome.overdueComplaints } };
  },
});
