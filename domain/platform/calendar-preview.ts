import * as z from 'zod/mini';
import { compareLocalDates, localDateSchema } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';

/**
 * CAL-2: what loading a year would do to the deadlines computed provisionally — before the operator loads it.
 * ACL-3: the operator reads no insurer data, so the preview is counts by deadline and date, across insurers:
 * no complaint, service, enterprise or insurer is named.
 */
export const PREVIEW_DEADLINES = ['COMPLAINT_REPLY', 'COMPLAINT_NFRA', 'COMPLAINT_BINDING', 'SERVICE_FOLLOW_UP', 'SERVICE_ARCHIVE'] as const;
export type PreviewDeadline = (typeof PREVIEW_DEADLINES)[number];

/** One provisional deadline before and after the year is loaded. */
export interface DeadlineChange {
  readonly deadline: PreviewDeadline;
  readonly before: { readonly dueOn: LocalDate; readonly provisional: boolean };
  readonly after: { readonly dueOn: LocalDate; readonly provisional: boolean };
}

export const calendarPreviewSchema = z.object({
  year: z.number(),
  moves: z.array(
    z.object({
      deadline: z.enum(PREVIEW_DEADLINES),
      from: localDateSchema,
      to: localDateSchema,
      count: z.number().check(z.meta({ description: 'How many deadlines move from `from` to `to`' })),
    }),
  ),
  confirmed: z.number().check(z.meta({ description: 'Provisional deadlines that become final on the same day' })),
  stillProvisional: z.number().check(z.meta({ description: 'Provisional deadlines in another year still unknown' })),
});
export type CalendarPreview = z.output<typeof calendarPreviewSchema>;

/**
 * CAL-2: the changes of provisional deadlines, counted: those that move (by deadline, from and to), those
 * that become final where they are, and those that stay provisional (due in another year nobody loaded).
 */
export function previewOf(year: number, changes: readonly DeadlineChange[]): CalendarPreview {
  const moves = new Map<string, { deadline: PreviewDeadline; from: LocalDate; to: LocalDate; count: number }>();
  let confirmed = 0;
  let stillProvisional = 0;
  for (const { deadline, before, after } of changes) {
    if (!before.provisional) continue;
    if (before.dueOn !== after.dueOn) {
      const key = `${deadline}|${before.dueOn}|${after.dueOn}`;
      const move = moves.get(key) ?? { deadline, from: before.dueOn, to: after.dueOn, count: 0 };
      moves.set(key, { ...move, count: move.count + 1 });
    } else if (after.provisional) stillProvisional += 1;
    else confirmed += 1;
  }
  const order = (a: { from: LocalDate; deadline: PreviewDeadline }, b: { from: LocalDate; deadline: PreviewDeadline }) =>
    compareLocalDates(a.from, b.from) || PREVIEW_DEADLINES.indexOf(a.deadline) - PREVIEW_DEADLINES.indexOf(b.deadline);
  return { year, moves: [...moves.values()].sort(order), confirmed, stillProvisional };
}
