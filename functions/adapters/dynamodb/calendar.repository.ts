import type { YearSchedule } from '../../../domain/kernel/calendar/year-schedule.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { Store } from './store.js';

/** A year's holiday schedule as the operator loaded it (CAL-2), with who and when. */
export interface LoadedYear extends YearSchedule {
  readonly loadedAt: string;
  readonly loadedBy: string;
  readonly version: number;
}

const LISTING = 'P#CALENDAR';
const keyOf = (year: number) => ({ PK: `P#CALENDAR#${year}`, SK: 'SCHEDULE' });

/** Loaded calendar years: platform data, one item per year, replaced (with a new version) on reload. */
export class DynamoCalendarRepository {
  constructor(private readonly store: Store) {}

  async save(schedule: YearSchedule, by: string, now: Date): Promise<LoadedYear> {
    const key = keyOf(schedule.year);
    const current = await this.store.get<LoadedYear>(key);
    const loaded: LoadedYear = {
      year: schedule.year,
      holidays: [...schedule.holidays].sort(),
      adjustedWorkdays: [...schedule.adjustedWorkdays].sort(),
      source: 'loaded',
      loadedAt: now.toISOString(),
      loadedBy: by,
      version: (current?.version ?? 0) + 1,
    };
    const item = { ...key, kind: 'CALENDAR_YEAR', GSI1PK: LISTING, GSI1SK: String(schedule.year), ...loaded };
    await this.store.commit(
      [
        current
          ? { kind: 'update', item, expectedVersion: current.version, entity: 'calendar year' }
          : { kind: 'create', item, onExists: () => new Conflict(`calendar year ${schedule.year} was loaded concurrently`) },
      ],
      [
        {
          type: 'platform.calendar.year_loaded',
          aggregate: { type: 'calendar', id: String(schedule.year), key },
          sequence: loaded.version,
          data: { year: schedule.year, holidays: loaded.holidays.length, adjustedWorkdays: loaded.adjustedWorkdays.length },
        },
      ],
    );
    return loaded;
  }

  async list(): Promise<LoadedYear[]> {
    const years: LoadedYear[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<LoadedYear & Record<string, unknown>>({ index: 'GSI1', partition: LISTING, limit: 100, cursor });
      years.push(
        ...page.items.map(({ year, holidays, adjustedWorkdays, loadedAt, loadedBy, version }) => ({
          year,
          holidays,
          adjustedWorkdays,
          source: 'loaded' as const,
          loadedAt,
          loadedBy,
          version,
        })),
      );
      cursor = page.nextCursor;
    } while (cursor);
    return years;
  }
}
