import { shanghaiDateOf, type LocalDate } from './calendar/local-date.js';

/**
 * The port time comes through: the domain reads no clock (ARCHITECTURE.md §1), use cases ask this one and pass
 * the instant on. functions/adapters/clock.ts is the system's; tests pass a fixed one.
 */
export interface Clock {
  now(): Date;
}

/** Today in Asia/Shanghai (CAL-1), whatever the server's time zone. */
export const todayOf = (clock: Clock): LocalDate => shanghaiDateOf(clock.now());
