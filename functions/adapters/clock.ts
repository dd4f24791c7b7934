import type { Clock } from '../../domain/kernel/clock.js';

export type { Clock } from '../../domain/kernel/clock.js';

/** The system's clock: where time enters the platform. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso`, for tests and the local demo. */
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
