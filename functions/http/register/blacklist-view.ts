import { isActiveOn, type BlacklistEntry } from '../../../domain/register/blacklist.js';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';

/** BLK-1: an entry as the API shows it, with whether it bars its insurer today (Asia/Shanghai). */
export const blacklistView = (entry: BlacklistEntry, today: LocalDate) => ({ ...entry, activeToday: isActiveOn(entry, today) });
