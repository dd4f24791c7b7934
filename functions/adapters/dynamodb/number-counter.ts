import { Conflict } from '../../../domain/kernel/errors.js';
import type { Numbering } from '../../../domain/kernel/generated-number.js';
import type { ItemKey } from './keys.js';
import type { Store, Write } from './store.js';

/**
 * Issue 15 (UW-1, SVC-5): the write that takes `numbering.sequence` from a per-insurer per-year counter, to go in
 * the numbered record's own transaction. The counter's version is the last sequence taken, so two writers racing
 * for one sequence cannot both commit: the loser gets `StaleVersion` (or `Conflict` for the year's first number)
 * and reads again (`isSequenceRace`).
 */
export function numberCounterWrite(
  counter: { readonly key: ItemKey; readonly kind: string; readonly what: string; readonly rule: string },
  numbering: Numbering,
): Write {
  const { key, kind, what, rule } = counter;
  const item = { ...key, kind, version: numbering.sequence };
  return numbering.sequence === 1
    ? { kind: 'create', item, onExists: () => new Conflict(`${rule}: the ${what} sequence moved; retry`, rule) }
    : { kind: 'update', item, expectedVersion: numbering.sequence - 1, entity: `${what} counter` };
}

/** The last sequence taken from the counter at `key` (0 before the year's first). */
export async function lastSequence(store: Store, key: ItemKey): Promise<number> {
  return (await store.get<{ version?: number }>(key))?.version ?? 0;
}
