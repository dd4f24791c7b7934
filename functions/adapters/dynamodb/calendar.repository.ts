import type { Changed } from '../../../domain/kernel/events.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { CalendarRepository } from '../../../domain/platform/calendar.repository.js';
import type { LoadedYear } from '../../../domain/platform/calendar-year.js';
import { outboxOf, type Store } from './store.js';

const LISTING = 'P#CALENDAR';
const keyOf = (year: number) => ({ PK: `P#CALENDAR#${year}`, SK: 'SCHEDULE' });

const loadedYearOf = ({ year, holidays, adjustedWorkdays, loadedAt, loadedBy, version }: LoadedYear): LoadedYear => ({
  year,
  holidays,
  adjustedWorkdays,
  source: 'loaded',
  loadedAt,
  loadedBy,
  version,
});

/** Loaded calendar years: platform data, one item per year, replaced (with a new version) on reload. */
export class DynamoCalendarRepository implements CalendarRepository {
  constructor(private readonly store: Store) {}

  async get(year: number): Promise<LoadedYear | undefined> {
    const item = await this.store.get<LoadedYear>(keyOf(year));
    return item && loadedYearOf(item);
  }

  async save({ state: loaded, events }: Changed<LoadedYear>, expectedVersion: number | undefined): Promise<void> {
    const key = keyOf(loaded.year);
    const item = { ...key, kind: 'CALENDAR_YEAR', GSI1PK: LISTING, GSI1SK: String(loaded.year), ...loaded };
    await this.store.commit(
      [
        expectedVersion !== undefined
          ? { kind: 'update', item, expectedVersion, entity: 'calendar year' }
          : { kind: 'create', item, onExists: () => new Conflict(`calendar year ${loaded.year} was loaded concurrently`) },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async list(): Promise<LoadedYear[]> {
    const years: LoadedYear[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<LoadedYear & Record<string, unknown>>({ index: 'GSI1', partition: LISTING, limit: 100, cursor });
      years.push(...page.items.map(loadedYearOf));
      cursor = page.nextCursor;
    } while (cursor);
    return years;
  }
}
