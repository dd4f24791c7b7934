import type { Complaint, LocalDate } from '../../api';
import type { Translate } from '../../i18n';
import { isOverdue } from './due-dates';

/** Why each action on a complaint is unavailable now (a sentence), or `undefined` when the status allows it. */
export interface ComplaintActionReasons {
  /** CMP-3, the insurer: once, while OPEN and not overdue. */
  readonly verify: string | undefined;
  /** CMP-4, the insurer: once, while OPEN and not overdue. */
  readonly extend: string | undefined;
  /** CMP-6, either side: after the reply, or once overdue without one; never once closed. */
  readonly escalate: string | undefined;
  /** The enterprise accepts a reply it has (REPLIED). */
  readonly accept: string | undefined;
}

/**
 * What the status allows, for the action buttons of a complaint's page. The server stays the judge: a
 * refusal it gives anyway (another user was faster, the day turned) is shown with its rule.
 *
 * @example complaintActions(complaint, shanghaiToday(), t).escalate // '…', or undefined once it may be escalated
 */
export function complaintActions(complaint: Pick<Complaint, 'status' | 'reply' | 'deadlines' | 'needsVerification' | 'extension'>, today: LocalDate, t: Translate): ComplaintActionReasons {
  const open = complaint.status === 'OPEN';
  const closed = complaint.status === 'ACCEPTED' || complaint.status === 'ESCALATED';
  const overdue = isOverdue(complaint, today);
  const notOpen = t('complaint.action.why.notOpen');
  const tooLate = t('complaint.action.why.overdue', { date: complaint.deadlines.binding.dueOn });
  return {
    verify: !open ? notOpen : complaint.needsVerification ? t('complaint.action.why.verified') : overdue ? tooLate : undefined,
    extend: !open ? notOpen : complaint.extension ? t('complaint.action.why.extended') : overdue ? tooLate : undefined,
    escalate: closed ? t('complaint.action.why.closed') : open && !overdue ? t('complaint.action.why.notYet') : undefined,
    accept: complaint.status === 'REPLIED' ? undefined : closed ? t('complaint.action.why.closed') : t('complaint.reply.none'),
  };
}
