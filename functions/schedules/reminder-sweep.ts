import type { LocalDate } from '../../domain/kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { selectRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import {
  complaintReminder,
  hazardReminder,
  reminderEvent,
  reminderIndexBound,
  reminderLeadOf,
  reminderMark,
  serviceReminder,
  type DueReminder,
  type ReminderClock,
  type RemindersRaised,
} from '../../domain/reminders/reminder.rules.js';
import type { DueItems, DuePage, MarkedReminder, ReminderMarkers } from '../../domain/reminders/reminders.port.js';
import { forEachTenant } from './each-tenant.js';

/** The ports the reminder sweep works with. */
export interface ReminderSweepPorts {
  readonly platform: PlatformRepository;
  readonly dueItems: DueItems;
  readonly markers: ReminderMarkers;
}

const PAGE = 100;

/** Every item of one due index up to `before`, page by page, turned into the reminders it calls for. */
async function remindersOf<T>(
  pageOf: (page: { limit: number; cursor?: string }) => Promise<DuePage<T>>,
  reminderOf: (item: T) => DueReminder | undefined,
): Promise<DueReminder[]> {
  const found: DueReminder[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOf({ limit: PAGE, cursor });
    for (const item of page.items) {
      const reminder = reminderOf(item);
      if (reminder !== undefined) found.push(reminder);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/**
 * Issue 16 (SVC-7, SVC-8, SVC-9, CMP-2..4, CMP-8): the daily run's reminders for `runOn`. Each tenant's due
 * indexes are read up to the last due date within the lead (`reminderLeadWorkingDays` of the rule set in force on
 * `runOn`, in working days), so the reads grow with the items due and the tenants, not with the table; each
 * item due raises `reminders.reminder.due`, each past its day `reminders.reminder.overdue` — once, whatever the
 * number of runs (the markers).
 */
export type { RemindersRaised };

export async function sweepReminders(
  ports: ReminderSweepPorts,
  rules: { readonly runOn: LocalDate; readonly calendar: WorkingDayCalendar; readonly ruleSets: readonly RuleSet[] },
): Promise<RemindersRaised> {
  const clock: ReminderClock = {
    runOn: rules.runOn,
    calendar: rules.calendar,
    leadWorkingDays: reminderLeadOf(selectRuleSet(rules.ruleSets, rules.runOn)),
  };
  const before = reminderIndexBound(clock);
  const raised: RemindersRaised = {};
  await forEachTenant(ports.platform, async (tenantId) => {
    const due = [
      ...(await remindersOf((page) => ports.dueItems.services(tenantId, before, page), (service) => serviceReminder(service, clock))),
      ...(await remindersOf((page) => ports.dueItems.hazards(tenantId, before, page), (hazard) => hazardReminder(hazard, clock))),
      ...(await remindersOf((page) => ports.dueItems.complaints(tenantId, before, page), (complaint) => complaintReminder(complaint, clock))),
    ];
    const marked: MarkedReminder[] = due.map((reminder) => ({
      mark: reminderMark(tenantId, reminder),
      event: reminderEvent(tenantId, reminder),
    }));
    for (let start = 0; start < marked.length; start += PAGE) {
      for (const { mark } of await ports.markers.raiseOnce(marked.slice(start, start + PAGE))) {
        const counts = (raised[mark.step] ??= {});
        counts[mark.kind] = (counts[mark.kind] ?? 0) + 1;
      }
    }
  });
  return raised;
}
