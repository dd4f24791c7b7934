import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import type { SupervisionNotice } from '../../../domain/supervision/notice.js';
import { noticeOverdue } from '../../../domain/supervision/notice.rules.js';

/** A notice as answered to either side: with whether it is past due unanswered (today, Asia/Shanghai). */
export const noticeView = (notice: SupervisionNotice, today: LocalDate) => ({ ...notice, overdue: noticeOverdue(notice, today) });
