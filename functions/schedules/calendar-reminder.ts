import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { Conflict } from '../../domain/kernel/errors.js';
import type { Store } from '../adapters/dynamodb/store.js';

/**
 * CAL-2: from December 1, while next year's holiday schedule is not loaded (and on into January while it is
 * still missing), remind the platform operator
 * once a day (event `platform.calendar.year_missing`). A marker item per day makes a repeated run of
 * the same day a no-op.
 */
export async function remindOfMissingCalendarYear(store: Store, calendar: WorkingDayCalendar, now: Date): Promise<boolean> {
  const today = shanghaiDateOf(now);
  // In January the missing year is the current one; from December 1 it is the next.
  const missingYear = calendar.yearToLoad(today);
  if (missingYear === undefined) return false;
  const key = { PK: `P#CALENDAR-REMINDER#${today}`, SK: 'SENT' };
  try {
    await store.commit(
      [{ kind: 'create', item: { ...key, kind: 'REMINDER', sentOn: today }, onExists: () => new Conflict('already reminded today') }],
      [
        {
          type: 'platform.calendar.year_missing',
          aggregate: { type: 'calendar', id: String(missingYear), key },
          sequence: 1,
          data: { year: missingYear, today },
        },
      ],
    );
    return true;
  } catch (error) {
    if (error instanceof Conflict) return false;
    throw error;
  }
}
