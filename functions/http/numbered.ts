import { Conflict, StaleVersion } from '../../domain/kernel/errors.js';

/**
 * Issue 15 (UW-1, SVC-5): writes a record numbered from its insurer's per-year counter — reads the last sequence,
 * writes with the next, and when another write took that sequence first (the counter's version moved:
 * `StaleVersion`, or `Conflict` on the year's first) reads again, a few times at most.
 */
export async function withNextSequence<T>(lastSequence: () => Promise<number>, write: (sequence: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write((await lastSequence()) + 1);
    } catch (error) {
      const raced = error instanceof StaleVersion || (error instanceof Conflict && error.message.includes('sequence moved'));
      if (!raced || attempt >= 5) throw error;
    }
  }
}
