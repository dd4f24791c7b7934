import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType } from '../kernel/events.js';

const described = (description: string) => z.meta({ description });

/**
 * The steps a reminder can be about, each a rule of DOMAIN.md: an item's own deadline (a service's first
 * service in the quarter, its follow-up and archive, a hazard's rectification date, a complaint's reply, a
 * policy's missing plan or year-end obligations) or a date of the year every insurer or the operator must meet
 * (QUAL-6 filing by June 15, RPT-1 reports by July 31 / January 31, RPT-3 evaluations by March 31, CAL-2's
 * next-year schedule from December 1).
 */
export const REMINDER_STEPS = [
  'SVC-2',
  'SVC-4',
  'SVC-7',
  'SVC-8',
  'SVC-9',
  'SVC-11',
  'CMP-2',
  'QUAL-6',
  'RPT-1',
  'RPT-3',
  'CAL-2',
] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/** What a reminder is about. `year` is a whole year's obligation (QUAL-6, RPT-1, RPT-3, CAL-2), not one item. */
export const REMINDER_SUBJECTS = ['service', 'hazard', 'complaint', 'policy', 'year'] as const;
export type ReminderSubject = (typeof REMINDER_SUBJECTS)[number];

/**
 * Who must act: the insurer's staff, the insured enterprise, the regulators (RPT-3: the city EMB with the NFRA
 * evaluates each insurer) or the platform operator (CAL-2).
 */
export const REMINDER_AUDIENCES = ['INSURER', 'ENTERPRISE', 'REGULATOR', 'OPERATOR'] as const;
export type ReminderAudience = (typeof REMINDER_AUDIENCES)[number];

/**
 * What every reminder carries, so a subscriber (the notification inbox, a webhook) can tell the person what is
 * due, by when, and where to open it, without reading the item back.
 */
export const reminderPayload = z.object({
  step: z.enum(REMINDER_STEPS).check(described('The rule whose deadline this is')),
  subject: z.enum(REMINDER_SUBJECTS).check(described('What kind of item is due')),
  subjectId: z.string().check(described('The item (service, hazard, complaint or policy id; for `year`, the year and step, e.g. `2027:RPT-1`)')),
  title: z.string().check(described("The item's name for people, in Chinese (e.g. the enterprise's name and the kind of service)")),
  dueOn: localDateSchema.check(described('The day the step is due (Asia/Shanghai)')),
  audience: z.array(z.enum(REMINDER_AUDIENCES)).check(described('Who must act')),
  enterpriseUscc: z.optional(z.string().check(described('The enterprise concerned, when there is one'))),
  county: z.optional(z.string().check(described("ACL-4: the enterprise's area code, when known"))),
  link: z.string().check(described('Where the item opens in the console, a path such as `/insurer/services/<id>`')),
  enterpriseLink: z.optional(
    z.string().check(described("Where the enterprise's users open it (e.g. `/my/services`), when ENTERPRISE is in the audience; `link` is the insurer's")),
  ),
  runOn: localDateSchema.check(described('The day of the daily run that raised it')),
});
export type ReminderPayload = z.output<typeof reminderPayload>;

/**
 * The events of the daily run (issue 16). Each is raised once per item, step and kind: the run records that it
 * reminded (in the same transaction as the outbox event), so reruns and retries raise nothing new.
 */
export const reminderEvents = {
  due: defineEvent({
    name: 'reminders.reminder.due',
    version: 1,
    aggregate: 'reminder',
    summary: 'A deadline is near: N working days before it (N from the rule set), once per item and step',
    payload: reminderPayload,
  }),
  overdue: defineEvent({
    name: 'reminders.reminder.overdue',
    version: 1,
    aggregate: 'reminder',
    summary: 'A deadline passed with the step not done: once per item and step, never twice',
    payload: reminderPayload,
  }),
} as const satisfies Readonly<Record<string, AnyEventType>>;
