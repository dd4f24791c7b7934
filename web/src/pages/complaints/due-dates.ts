import type { Complaint, ComplaintClock, ComplaintDeadlines, LocalDate } from '../../api';
import { formatInstant } from '../../i18n/format';

/** A due date at most this many days away (0 = today) is shown in orange. */
export const DUE_SOON_DAYS = 3;

/** Today's date in Asia/Shanghai (`YYYY-MM-DD`), whatever the browser's time zone (CAL-1). */
export function shanghaiToday(now: Date = new Date()): LocalDate {
  return formatInstant(now.toISOString()).slice(0, 10);
}

const dayNumber = (date: LocalDate): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
};

/** The current minute in Asia/Shanghai as a `datetime-local` value (`YYYY-MM-DDTHH:mm`), whatever the browser's zone. */
export function shanghaiLocalNow(now: Date = new Date()): string {
  return formatInstant(now.toISOString()).replace(' ', 'T');
}

/**
 * A Xinzhou wall-clock time from a `datetime-local` field as the ISO instant the API wants, with its offset
 * (China has no daylight saving time: always +08:00; CAL-1).
 * @example shanghaiInstant('2026-11-28T09:30') === '2026-11-28T09:30:00+08:00'
 */
export function shanghaiInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The insurer still owes a reply: OPEN, or ESCALATED before any reply (escalation does not release it). */
export function awaitsReply(complaint: Pick<Complaint, 'status' | 'reply'>): boolean {
  return complaint.reply === undefined && (complaint.status === 'OPEN' || complaint.status === 'ESCALATED');
}

/** As the server decides it: awaiting a reply and the binding due date is past (the due date itself is on time). */
export function isOverdue(complaint: Pick<Complaint, 'status' | 'reply' | 'deadlines'>, today: LocalDate): boolean {
  return awaitsReply(complaint) && daysBetween(complaint.deadlines.binding.dueOn, today) > 0;
}

export type DueUrgency = 'overdue' | 'soon' | 'open' | 'replied' | 'repliedLate';

export interface DueState {
  readonly urgency: DueUrgency;
  /** Days left until the binding due date (0 = due today); negative when overdue. */
  readonly daysLeft: number;
}

/**
 * How pressing the binding due date is: overdue (red), due within {@link DUE_SOON_DAYS} days (orange),
 * open, or — once replied — on time or late (the reply's Shanghai day after the due date).
 */
export function dueState(complaint: Pick<Complaint, 'status' | 'reply' | 'deadlines'>, today: LocalDate): DueState {
  const { dueOn } = complaint.deadlines.binding;
  const daysLeft = daysBetween(today, dueOn);
  if (complaint.reply) {
    const late = daysBetween(dueOn, shanghaiToday(new Date(complaint.reply.repliedAt))) > 0;
    return { urgency: late ? 'repliedLate' : 'replied', daysLeft };
  }
  if (!awaitsReply(complaint)) return { urgency: 'replied', daysLeft };
  if (daysLeft < 0) return { urgency: 'overdue', daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { urgency: 'soon', daysLeft };
  return { urgency: 'open', daysLeft };
}

export interface ClockDeadline {
  readonly clock: ComplaintClock;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
}

/** The clock that does not bind (shown smaller), when the rule set runs both. */
export function otherClock(deadlines: ComplaintDeadlines): ClockDeadline | undefined {
  if (deadlines.binding.clock === 'NFRA') {
    return deadlines.workingDay && { clock: 'WORKING_DAY', dueOn: deadlines.workingDay.dueOn, provisional: deadlines.workingDay.provisional };
  }
  return deadlines.nfra && { clock: 'NFRA', dueOn: deadlines.nfra.dueOn, provisional: deadlines.nfra.provisional };
}
