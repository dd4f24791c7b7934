import type { Complaint } from '../complaints/complaint.js';
import { compareLocalDates, shanghaiDateOf, type LocalDate } from '../kernel/calendar/local-date.js';

/** How a complaint stands against its binding due day (CMP-2..4, CMP-8), as the regulators read it (issue 14). */
export const TIMELINESS = ['REPLIED_ON_TIME', 'REPLIED_LATE', 'AWAITING', 'OVERDUE'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/**
 * A reply on or before the binding due day (Asia/Shanghai) is on time; no reply yet is awaiting until the due
 * day has passed, then overdue. An escalated complaint keeps the timeliness of the insurer's reply (or its lack).
 */
export function timelinessOf(complaint: Pick<Complaint, 'reply' | 'deadlines'>, today: LocalDate): Timeliness {
  const dueOn = complaint.deadlines.binding.dueOn;
  if (complaint.reply) return compareLocalDates(shanghaiDateOf(complaint.reply.repliedAt), dueOn) <= 0 ? 'REPLIED_ON_TIME' : 'REPLIED_LATE';
  return compareLocalDates(today, dueOn) > 0 ? 'OVERDUE' : 'AWAITING';
}
