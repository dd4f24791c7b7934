import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf, type Clock } from '../../../domain/kernel/clock.js';

/** The ledger year a read asks for (`?year=`), or, left out, the current Asia/Shanghai year. */
export const ledgerYearOf = (requested: number | undefined, clock: Clock): number => requested ?? yearOf(todayOf(clock));
