import { Conflict, StaleVersion } from '../../../domain/kernel/errors.js';

/**
 * How often a booking that lost the race for its year's next number reads and decides again. Each round one
 * contender wins, so N simultaneous bookings of one insurer-year need up to N rounds for the last of them;
 * 100 leaves room for far more than the 50 at once the HTTP test sends.
 */
export const MAX_BOOKING_ATTEMPTS = 100;
/** Backoff cap between rounds: small, because a round is one GetItem and one transaction. */
const MAX_BACKOFF_MS = 100;

/** A lost optimistic race: the counters changed since they were read, or DynamoDB cancelled for a conflict. */
const lostRace = (error: unknown): boolean =>
  error instanceof StaleVersion || (error instanceof Conflict && error.ruleId === undefined);

/**
 * FEE-2: runs read → decide → commit until the commit wins. Sequence numbers come from the year's counters
 * under optimistic locking, so a booking that lost the race to another reads the counters again and takes the
 * next number: numbers stay gap-free and ordered, counters exact, and every rule is decided on the state it is
 * committed against (the balance rule included). Refusals (a rule, a missing object) end the loop at once.
 *
 * @throws Conflict when the ledger stayed too busy for {@link MAX_BOOKING_ATTEMPTS} rounds.
 */
export async function untilBooked<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error)) throw error;
      if (round >= MAX_BOOKING_ATTEMPTS) throw new Conflict('FEE-2: the ledger is too busy right now; try again', 'FEE-2');
      // Full jitter: contenders spread out instead of colliding again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 5 * 2 ** round)));
    }
  }
}
