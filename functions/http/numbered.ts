import { Conflict, StaleVersion } from '../../domain/kernel/errors.js';

/**
 * How often a numbered write that lost the race for its insurer-year's next number reads and tries again. Each
 * round one contender wins, so N staff of one insurer issuing or scheduling at once need up to N rounds for the
 * last of them (issue 20's load: 50 at once); as for the ledger's numbers (fees/until-booked.ts).
 */
export const MAX_NUMBERING_ATTEMPTS = 100;
/** Backoff cap between rounds: small, because a round is one read and one transaction. */
const MAX_BACKOFF_MS = 100;

/**
 * Issue 15 (UW-1, SVC-5): writes a record numbered from its insurer's per-year counter — reads the last sequence,
 * writes with the next, and when another write took that sequence first (the counter's version moved:
 * `StaleVersion`, or `Conflict` on the year's first) reads again after a jittered pause, so contenders spread out
 * instead of colliding again in step; numbers stay gap-free.
 */
export async function withNextSequence<T>(lastSequence: () => Promise<number>, write: (sequence: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write((await lastSequence()) + 1);
    } catch (error) {
      const raced = error instanceof StaleVersion || (error instanceof Conflict && error.message.includes('sequence moved'));
      if (!raced || attempt >= MAX_NUMBERING_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 5 * 2 ** attempt)));
    }
  }
}
