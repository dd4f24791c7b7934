import type { DomainEvent } from '../kernel/events.js';
import type { ReminderStep } from './events.js';

/** Which reminder a mark stands for: its owner (an insurer's tenant, or the platform), kind, step and subject. */
export interface ReminderMark {
  /** The insurer reminded (its own partition); absent for the regulators' and the operator's reminders. */
  readonly tenantId?: string;
  readonly kind: 'due' | 'overdue';
  readonly step: ReminderStep;
  /** Key-safe parts naming the subject: a period (`2027`, `2027-H1`), and for a daily reminder (CAL-2) the day. */
  readonly subject: readonly string[];
}

/**
 * Issue 16: reminders raised once and never twice. The mark is written with the reminder's outbox event in one
 * transaction, on condition that it does not exist yet, so a rerun or a retry of the same run raises nothing.
 *
 * @example
 * const raised = await reminders.raiseOnce({ tenantId, kind: 'due', step: 'QUAL-6', subject: ['2027'] }, event);
 */
export interface OnceOnlyReminders {
  /** `true` when `event` went to the outbox now; `false` (nothing written) when the mark already existed. */
  raiseOnce(mark: ReminderMark, event: DomainEvent): Promise<boolean>;
}
