import type { LocalDate } from '../../domain/kernel/calendar/local-date.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { selectRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSetSource } from '../../domain/kernel/rule-set/rule-set-source.port.js';
import type { CalendarSource } from '../../domain/platform/calendar-source.port.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import {
  calendarReminders,
  occurrenceOn,
  yearScheduleOccurrenceOn,
  type CalendarOccurrence,
  type CalendarReminder,
  type CalendarReminderId,
  type CalendarStep,
} from '../../domain/reminders/calendar-reminders.js';
import { reminderEvents, type ReminderPayload } from '../../domain/reminders/events.js';
import type { OnceOnlyReminders } from '../../domain/reminders/once-only.port.js';
import type { PaperFilingRepository } from '../../domain/underwriting/paper-filing.repository.js';
import type { QualificationRepository } from '../../domain/underwriting/qualification.repository.js';
import { forEachTenant } from './each-tenant.js';

/** What the calendar reminders work with: ports of domain/ only (functions/schedules/calendar-reminder-root.ts). */
export interface CalendarRemindersRoot {
  /** The onboarded insurers (QUAL-6, RPT-1 remind each). */
  readonly platform: PlatformRepository;
  /** QUAL-6: an insurer's filing for the year, filed once it has a `filedOn`. */
  readonly filings: Pick<QualificationRepository, 'get'>;
  /** QUAL-6: a paper filing the city EMB recorded counts as filed. */
  readonly paperFilings: Pick<PaperFilingRepository, 'get'>;
  /** CAL-2: which years the calendar knows. */
  readonly calendar: CalendarSource;
  /** RULES-1: the due days in force on the day of the run. */
  readonly ruleSets: RuleSetSource;
  readonly reminders: OnceOnlyReminders;
}

/** The schedule's input (infra/constructs/calendar-reminder-schedules.ts); `reminder` narrows RPT-1 to one of its two. */
export interface CalendarReminderJob {
  readonly step?: CalendarStep;
  readonly reminder?: CalendarReminderId;
}

/** How many reminders a run raised, by reminder and kind (`QUAL-6:due` → 3). */
export type CalendarReminderCounts = Readonly<Record<string, number>>;

/**
 * QUAL-6, RPT-1, RPT-3, CAL-2: the calendar reminders of `today` (Asia/Shanghai) — those of `job` only when
 * it names a step or a reminder (a schedule's run), every one otherwise (a run-now). Each reminder is raised
 * once per recipient, period and kind; CAL-2 once per day while the year is missing.
 */
export async function runCalendarReminders(root: CalendarRemindersRoot, now: Date, job: CalendarReminderJob = {}): Promise<CalendarReminderCounts> {
  const today = shanghaiDateOf(now);
  const ruleSet = selectRuleSet(await root.ruleSets.versions(), today);
  const counts: Record<string, number> = {};
  for (const reminder of calendarReminders(ruleSet)) {
    if (job.step !== undefined && reminder.step !== job.step) continue;
    if (job.reminder !== undefined && reminder.id !== job.reminder) continue;
    const occurrence = reminder.repeat === 'DAILY' ? yearScheduleOccurrenceOn(reminder, today, knowsOf(await root.calendar.current())) : occurrenceOn(reminder, today);
    if (occurrence === undefined) continue;
    const raised = await raise(root, reminder, occurrence, today);
    if (raised > 0) counts[`${reminder.id}:${occurrence.kind}`] = raised;
  }
  return counts;
}

const knowsOf = (calendar: WorkingDayCalendar) => (year: number) => calendar.scheduleOf(year) !== undefined;

async function raise(root: CalendarRemindersRoot, reminder: CalendarReminder, occurrence: CalendarOccurrence, today: LocalDate): Promise<number> {
  const payload: ReminderPayload = {
    step: reminder.step,
    subject: 'year',
    subjectId: `${occurrence.period}:${reminder.step}`,
    title: reminder.title(occurrence.period),
    dueOn: occurrence.dueOn,
    audience: [reminder.audience],
    link: reminder.link,
    runOn: today,
  };
  const type = reminderEvents[occurrence.kind];
  // A daily reminder (CAL-2) is one per day; the others one per period.
  const subject = reminder.repeat === 'DAILY' ? [occurrence.period, today] : [occurrence.period];
  const sequence = occurrence.kind === 'due' ? 1 : 2;
  if (reminder.audience !== 'INSURER') {
    const event = type.of({ id: payload.subjectId, version: sequence }, payload);
    return (await root.reminders.raiseOnce({ kind: occurrence.kind, step: reminder.step, subject }, event)) ? 1 : 0;
  }
  let raised = 0;
  await forEachTenant(root.platform, async (tenantId) => {
    if (reminder.step === 'QUAL-6' && (await hasFiled(root, tenantId, Number(occurrence.period)))) return;
    // RPT-1: the reports do not exist yet (issue 18), so every insurer is reminded; once they do, one that has
    // submitted is skipped here as QUAL-6's filers are.
    const event = type.of({ id: payload.subjectId, version: sequence, tenantId }, payload);
    if (await root.reminders.raiseOnce({ tenantId, kind: occurrence.kind, step: reminder.step, subject }, event)) raised += 1;
  });
  return raised;
}

/** QUAL-6: a filing submitted on the platform (`filedOn`), or a paper filing the city EMB recorded. */
async function hasFiled(root: CalendarRemindersRoot, tenantId: string, year: number): Promise<boolean> {
  if ((await root.filings.get(tenantId, year))?.filedOn !== undefined) return true;
  return (await root.paperFilings.get(tenantId, year)) !== undefined;
}
