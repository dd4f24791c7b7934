import * as z from 'zod/mini';
import type { Complaint } from '../complaints/complaint.js';
import { feeSummarySchema } from '../fees/summary.schema.js';
import type { FeeSummary } from '../fees/compliance.js';
import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { nextDeadline } from '../services/deadlines.js';
import { hazardDueOn, type Hazard } from '../services/hazard.js';
import type { PreventionService } from '../services/service.js';
import { ALL_COUNTIES, cellOfKey, type Contribution } from './counters.js';
import type { SupervisionNotice } from './notice.js';
import type { Bounded, PolicyPlanFacts } from './workbench.port.js';

/**
 * Issue 14: the insurer's workbench — what is overdue or falls due within the reminder lead (the same horizon
 * the daily reminders use, SVC-7..9, CMP-2), what is missing (SVC-4 plans), the year's SVC-1/SVC-2 obligations
 * from the supervision counters, the FEE-4/FEE-5 fee year and the open 督办 notices. Pure: the route reads,
 * this module decides.
 */

/** How many items each list shows; the counts cover everything read (up to {@link WORKBENCH_READ_LIMIT}). */
export const WORKBENCH_SHOWN = 10;
/** One page of each index: the counts are exact below this, a lower bound (`more`) at it. */
export const WORKBENCH_READ_LIMIT = 100;

const item = z.object({
  id: z.string(),
  name: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  major: z.optional(z.boolean()),
});

const toDo = z.object({
  overdue: z.int(),
  dueSoon: z.int(),
  more: z.boolean().check(z.meta({ description: 'More were due than read: the counts are lower bounds' })),
  items: z.array(item),
});

export const workbenchSchema = z.object({
  asOf: z.string(),
  horizon: z.string().check(z.meta({ description: 'The last due day counted as due soon (reminder lead, working days)' })),
  followUps: toDo,
  archives: toDo,
  hazards: toDo,
  complaints: toDo,
  plansMissing: z.object({
    count: z.int(),
    more: z.boolean(),
    items: z.array(z.object({ id: z.string(), name: z.string(), policyNumber: z.string(), periodStart: z.string() })),
  }),
  obligations: z.object({ year: z.int(), required: z.int(), done: z.int(), overdue: z.int() }),
  notices: z.object({
    issued: z.int(),
    answered: z.int(),
    overdue: z.int(),
    more: z.boolean(),
    items: z.array(item),
  }),
  fees: feeSummarySchema,
});
export type Workbench = z.output<typeof workbenchSchema>;
type ToDo = z.output<typeof toDo>;
type Item = z.output<typeof item>;

const isOverdue = (dueOn: LocalDate, today: LocalDate) => compareLocalDates(dueOn, today) < 0;

function toDoOf(items: readonly Item[], more: boolean): ToDo {
  const overdue = items.filter((entry) => entry.overdue).length;
  return { overdue, dueSoon: items.length - overdue, more, items: items.slice(0, WORKBENCH_SHOWN) };
}

const REQUEST_SHOWN = 20;

/** The workbench from what was read on `today`, due soon meaning on or before `horizon`. */
export function workbenchOf(input: {
  readonly today: LocalDate;
  readonly horizon: LocalDate;
  readonly services: Bounded<PreventionService>;
  readonly hazards: Bounded<Hazard>;
  readonly complaints: Bounded<Complaint>;
  readonly policies: Bounded<PolicyPlanFacts>;
  readonly notices: Bounded<SupervisionNotice>;
  readonly cells: Contribution;
  readonly year: number;
  readonly fees: FeeSummary;
}): Workbench {
  const { today, horizon } = input;
  const inHorizon = (dueOn: LocalDate) => compareLocalDates(dueOn, horizon) <= 0;
  // SVC-8 while COMPLETED, SVC-9 while FOLLOWED_UP or CONFIRMED: the index holds each service under its next one.
  const followUps: Item[] = [];
  const archives: Item[] = [];
  for (const service of input.services.items) {
    const next = nextDeadline(service);
    if (next === undefined || !inHorizon(next.dueOn)) continue;
    const entry = { id: service.id, name: service.enterprise.name, dueOn: next.dueOn, overdue: isOverdue(next.dueOn, today) };
    (next.kind === 'FOLLOW_UP' ? followUps : archives).push(entry);
  }
  // SVC-7: the enterprise's plan date once reported, else the inspector's; verified hazards have left the index.
  const hazards: Item[] = input.hazards.items.flatMap((hazard) => {
    const dueOn = hazardDueOn(hazard);
    return dueOn === undefined || !inHorizon(dueOn)
      ? []
      : [{ id: hazard.id, name: hazard.enterprise.name, dueOn, overdue: isOverdue(dueOn, today), major: hazard.grade === 'MAJOR' }];
  });
  // CMP-2..4, CMP-8: the binding date is the earlier of the two clocks, extensions included.
  const complaints: Item[] = input.complaints.items.flatMap((complaint) => {
    const dueOn = complaint.deadlines.binding.dueOn;
    if (!inHorizon(dueOn)) return [];
    const name = complaint.request.length > REQUEST_SHOWN ? `${complaint.request.slice(0, REQUEST_SHOWN)}…` : complaint.request;
    return [{ id: complaint.id, name, dueOn, overdue: isOverdue(dueOn, today) }];
  });
  // SVC-4: a policy in force today (or starting within the horizon) with no plan agreed; a cancelled one owes none.
  const missing = input.policies.items.filter(({ policy, hasPlan }) => {
    if (hasPlan || compareLocalDates(policy.periodEnd, today) < 0) return false;
    return policy.cancelledOn === undefined || compareLocalDates(policy.cancelledOn, today) > 0;
  });
  let required = 0;
  let done = 0;
  let overdue = 0;
  for (const [key, figures] of Object.entries(input.cells)) {
    if (cellOfKey(key).county === ALL_COUNTIES) continue;
    required += figures['oblRequired'] ?? 0;
    done += figures['oblDone'] ?? 0;
    overdue += figures['oblOverdue'] ?? 0;
  }
  // SUP-3: ISSUED awaits the insurer's answer, ANSWERED the regulator's closing; CLOSED is done.
  const open = input.notices.items.filter((notice) => notice.status !== 'CLOSED');
  const noticeItems = open.map((notice) => ({
    id: notice.id,
    name: notice.subject.label,
    dueOn: notice.dueOn,
    overdue: notice.status === 'ISSUED' && isOverdue(notice.dueOn, today),
  }));
  return {
    asOf: today,
    horizon,
    followUps: toDoOf(followUps, input.services.more),
    archives: toDoOf(archives, input.services.more),
    hazards: toDoOf(hazards, input.hazards.more),
    complaints: toDoOf(complaints, input.complaints.more),
    plansMissing: {
      count: missing.length,
      more: input.policies.more,
      items: missing.slice(0, WORKBENCH_SHOWN).map(({ policy }) => ({
        id: policy.id,
        name: policy.enterprise.name,
        policyNumber: policy.policyNumber,
        periodStart: policy.periodStart,
      })),
    },
    obligations: { year: input.year, required, done, overdue },
    notices: {
      issued: open.filter((notice) => notice.status === 'ISSUED').length,
      answered: open.filter((notice) => notice.status === 'ANSWERED').length,
      overdue: noticeItems.filter((entry) => entry.overdue).length,
      more: input.notices.more,
      items: noticeItems.slice(0, WORKBENCH_SHOWN),
    },
    fees: input.fees,
  };
}
