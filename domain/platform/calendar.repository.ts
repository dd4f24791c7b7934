import type { Changed } from '../kernel/events.js';
import type { LoadedYear } from './calendar-year.js';

/** Port of the calendar years the operator loaded (CAL-2): platform data, one record per year. */
export interface CalendarRepository {
  /** The year as loaded before, if it ever was. */
  get(year: number): Promise<LoadedYear | undefined>;
  /**
   * Stores a (re)loaded year with its events in one write, if the stored one is still at `expectedVersion`
   * (undefined: none stored yet); a concurrent load makes it a `StaleVersion` or a `Conflict`.
   */
  save(loaded: Changed<LoadedYear>, expectedVersion: number | undefined): Promise<void>;
  /** Every loaded year. */
  list(): Promise<LoadedYear[]>;
}
