import { addDays, addMonths, compareLocalDates, type LocalDate } from '../../domain/kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { recordedRuleSet, selectRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import {
  complaintReminder,
  hazardReminder,
  policyReminders,
  reminderHorizon,
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
import type { PolicyFacts } from '../../domain/services/policy-facts.js';
import { forEachTenant } from './each-tenant.js';

/** The ports the reminder sweep works with. */
export interface ReminderSweepPorts {
  readonly platform: PlatformRepository;
  readonly dueItems: DueItems;
  readonly markers: ReminderMarkers;
}

const PAGE = 100;
/**
 * SVC-2, SVC-4: a policy's dates have no due index of their own, so the run reads the policies whose dates fall
 * in a window of period starts: up to the lead ahead, and this many days back, so an `overdue` missed by a run that
 * did not happen is still raised by the next (each once, the marks see to it).
 */
export const POLICY_OVERDUE_WINDOW_DAYS = 31;
/** SVC-2, SVC-11: a version's `firstServiceMonths` may differ from the one in force; addMonths clamps month ends. */
const DATE_SLACK_DAYS = 3;

/**
 * SVC-2, SVC-4, SVC-11: the reminders of the policies the tenant leads whose plan (due at the period start), first
 * service (start + `firstServiceMonths`) or year's obligations (its last day) fall due within the lead or fell due
 * in the last month.
 */
async function policyRemindersOf(
  dueItems: DueItems,
  tenantId: string,
  clock: ReminderClock,
  ruleSets: readonly RuleSet[],
  firstServiceMonths: number,
): Promise<DueReminder[]> {
  const horizon = reminderHorizon(clock);
  const overdueFrom = addDays(clock.runOn, -POLICY_OVERDUE_WINDOW_DAYS);
  const planWindow = await dueItems.policiesStarting(tenantId, overdueFrom, horizon);
  const firstServiceWindow = await dueItems.policiesStarting(
    tenantId,
    addDays(addMonths(overdueFrom, -firstServiceMonths), -DATE_SLACK_DAYS),
    addDays(addMonths(horizon, -firstServiceMonths), DATE_SLACK_DAYS),
  );
  // SVC-11: the year ends on the start's anniversary eve for a one-year policy (UW-1: at most a year); shorter
  // periods are not found by this window.
  const yearEndWindow = await dueItems.policiesStarting(
    tenantId,
    addDays(addMonths(addDays(overdueFrom, 1), -12), -DATE_SLACK_DAYS),
    addDays(addMonths(addDays(horizon, 1), -12), DATE_SLACK_DAYS),
  );
  const policies = new Map<string, PolicyFacts>([...planWindow, ...firstServiceWindow, ...yearEndWindow].map((policy) => [policy.id, policy]));
  const found: DueReminder[] = [];
  for (const policy of policies.values()) {
    const facts = await dueItems.obligationFactsOf(tenantId, policy);
    const ruleSet = recordedRuleSet(ruleSets, policy, `policy ${policy.id}`);
    for (const reminder of policyReminders(facts, ruleSet, clock)) {
      if (compareLocalDates(reminder.payload.dueOn, overdueFrom) >= 0) found.push(reminder);
    }
  }
  return found;
}

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
 * Issue 16 (SVC-2, SVC-4, SVC-7, SVC-8, SVC-9, SVC-11, CMP-2..4, CMP-8): the daily run's reminders for `runOn`. Each tenant's due
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
  const inForce = selectRuleSet(rules.ruleSets, rules.runOn);
  const clock: ReminderClock = { runOn: rules.runOn, calendar: rules.calendar, leadWorkingDays: reminderLeadOf(inForce) };
  const before = reminderIndexBound(clock);
  const raised: RemindersRaised = {};
  await forEachTenant(ports.platform, async (tenantId) => {
    const due = [
      ...(await remindersOf((page) => ports.dueItems.services(tenantId, before, page), (service) => serviceReminder(service, clock))),
      ...(await remindersOf((page) => ports.dueItems.hazards(tenantId, before, page), (hazard) => hazardReminder(hazard, clock))),
      ...(await remindersOf((page) => ports.dueItems.complaints(tenantId, before, page), (complaint) => complaintReminder(complaint, clock))),
      ...(await policyRemindersOf(ports.dueItems, tenantId, clock, rules.ruleSets, inForce.firstServiceMonths)),
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
