import { classifyEnterpriseSize, type EnterpriseSize } from '../kernel/enterprise-size.js';
import type { Changed, DomainEvent } from '../kernel/events.js';
import type { Industry } from '../kernel/industry.js';
import { enterpriseRegistered } from './events.js';
import type {
  RegisterActor,
  RegisterChange,
  RegisteredCountDelta,
  RegisterEntry,
  RegisterEntryInput,
} from './register-entry.js';

/**
 * SCOPE-4: the size an entry is stored with. Without `size`, or with the size staff and revenue give, it is
 * the derived one (a reason is then dropped: there is nothing to justify). A different size is an override
 * and is kept only with its reason; without one the answer is the problem to report.
 *
 * @example
 * resolveSize({ staff: 825, revenueWan: 1111 }, 'MEDIUM', '集团统一核定'); // { size: 'MEDIUM', sizeOverrideReason: '集团统一核定' }
 * resolveSize({ staff: 825, revenueWan: 1111 }, 'MEDIUM');                 // { problem: 'SCOPE-4: …' }
 */
export function resolveSize(
  figures: { staff: number; revenueWan: number },
  size: EnterpriseSize | undefined,
  reason: string | undefined,
): { size: EnterpriseSize; sizeOverrideReason?: string } | { problem: string } {
  const derived = classifyEnterpriseSize(figures);
  if (size === undefined || size === derived) return { size: derived };
  if (reason === undefined || reason.trim() === '') {
    return {
      problem: `SCOPE-4: size ${size} differs from ${derived}, which staff ${figures.staff} and revenue ${figures.revenueWan}万元 give; an override needs sizeOverrideReason`,
    };
  }
  return { size, sizeOverrideReason: reason.trim() };
}

/** Whether the entry already says exactly what `input` says (who wrote it and when do not count). */
export function sameRegistration(entry: RegisterEntry, input: RegisterEntryInput): boolean {
  return (
    entry.name === input.name &&
    entry.industry === input.industry &&
    entry.county === input.county &&
    entry.staff === input.staff &&
    entry.revenueWan === input.revenueWan &&
    entry.size === input.size &&
    entry.sizeOverrideReason === input.sizeOverrideReason
  );
}

/**
 * REG-1: the register after a regulator states `input` about an enterprise whose current entry is `current`
 * (absent when unregistered): a new entry (version 1), the entry changed (version + 1), or — when nothing
 * differs — `unchanged`, so that re-sending the same data writes nothing. Who may do it (ACL-4) is
 * {@link countyScopeProblem}'s question, asked before.
 *
 * A new or changed entry raises `register.enterprise.registered`, with the counties whose counters moved; an
 * unchanged one raises nothing. (A bulk import tells once for the whole file instead: `completeRegisterImport`.)
 *
 * @example
 * const { state: change, events } = registerEnterprise(input, undefined, { regulatorId: 'emb-city' }, now);
 * change.kind; // 'created'
 * await repository.save(change, events);
 */
export function registerEnterprise(
  input: RegisterEntryInput,
  current: RegisterEntry | undefined,
  actor: RegisterActor,
  now: Date,
): Changed<RegisterChange> {
  if (current !== undefined && current.uscc !== input.uscc) {
    throw new RangeError(`REG-1: entry ${current.uscc} cannot take the registration of ${input.uscc}`);
  }
  if (current !== undefined && sameRegistration(current, input)) return { state: { kind: 'unchanged', entry: current }, events: [] };
  const updatedAt = now.toISOString();
  const entry: RegisterEntry = {
    uscc: input.uscc,
    name: input.name,
    industry: input.industry,
    county: input.county,
    staff: input.staff,
    revenueWan: input.revenueWan,
    size: input.size,
    ...(input.sizeOverrideReason === undefined ? {} : { sizeOverrideReason: input.sizeOverrideReason }),
    registeredBy: actor.regulatorId,
    updatedAt,
    version: (current?.version ?? 0) + 1,
  };
  const change: RegisterChange = current === undefined ? { kind: 'created', entry } : { kind: 'updated', entry, previous: current };
  return { state: change, events: [enterpriseRegisteredEvent(change)] };
}

/** REG-1: `register.enterprise.registered` of one new or changed entry, with the counties whose counters moved. */
function enterpriseRegisteredEvent(change: Exclude<RegisterChange, { kind: 'unchanged' }>): DomainEvent {
  const { entry } = change;
  const counties = change.kind === 'updated' && change.previous.county !== entry.county ? [change.previous.county, entry.county] : [entry.county];
  return enterpriseRegistered.of(
    { id: entry.uscc, version: entry.version },
    {
      uscc: entry.uscc,
      county: entry.county,
      industry: entry.industry,
      size: entry.size,
      registered: 1,
      created: change.kind === 'created' ? 1 : 0,
      updated: change.kind === 'updated' ? 1 : 0,
      counties,
      by: entry.registeredBy,
    },
  );
}

/**
 * ACL-4: why `actor` may not state `input` over `current`, or `undefined` when it may. A county EMB writes
 * only entries of its own county: the entry it states must be of that county, and an enterprise already
 * registered in another county is not its to take over (the city EMB moves enterprises between counties).
 *
 * @example
 * countyScopeProblem({ regulatorId: 'emb-county-140902', county: '140902' }, { ...input, county: '140981' }, undefined);
 * // 'ACL-4: a county EMB registers enterprises of its own county (140902) only, not of 140981'
 */
export function countyScopeProblem(
  actor: Pick<RegisterActor, 'county'>,
  input: Pick<RegisterEntryInput, 'county'>,
  current: Pick<RegisterEntry, 'county'> | undefined,
): string | undefined {
  if (actor.county === undefined) return undefined;
  if (input.county !== actor.county) {
    return `ACL-4: a county EMB registers enterprises of its own county (${actor.county}) only, not of ${input.county}`;
  }
  if (current !== undefined && current.county !== actor.county) {
    return `ACL-4: the enterprise is registered in ${current.county}; only that county's EMB or the city EMB may change it`;
  }
  return undefined;
}

/** ACL-4: whether a regulator sees `entry` — a county EMB only its own county's, everyone else every entry. */
export function isInScope(actor: Pick<RegisterActor, 'county'>, entry: Pick<RegisterEntry, 'county'>): boolean {
  return actor.county === undefined || actor.county === entry.county;
}

/**
 * REG-1: how the registered counters (per county × industry) move with `changes`: +1 where an entry now is,
 * −1 where an updated entry was, nothing for an update that keeps both. Cells that cancel out are left out.
 *
 * @example
 * registeredCountDeltas([{ kind: 'updated', entry: { …, county: '140981' }, previous: { …, county: '140902' } }]);
 * // [{ county: '140902', industry: 'COAL_MINE', delta: -1 }, { county: '140981', industry: 'COAL_MINE', delta: 1 }]
 */
export function registeredCountDeltas(changes: readonly RegisterChange[]): RegisteredCountDelta[] {
  const deltas = new Map<string, RegisteredCountDelta>();
  const move = (county: string, industry: Industry, delta: number) => {
    const cell = `${county}#${industry}`;
    deltas.set(cell, { county, industry, delta: (deltas.get(cell)?.delta ?? 0) + delta });
  };
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    if (change.kind === 'updated') move(change.previous.county, change.previous.industry, -1);
    move(change.entry.county, change.entry.industry, 1);
  }
  return [...deltas.values()].filter((cell) => cell.delta !== 0);
}

/**
 * REG-1: the counties whose registered counters `changes` move — where an entry is now, and where a moved
 * one was — in order: what UW-11's coverage gap recomputes.
 */
export function countiesMovedBy(changes: readonly RegisterChange[]): string[] {
  const counties = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    counties.add(change.entry.county);
    if (change.kind === 'updated') counties.add(change.previous.county);
  }
  return [...counties].sort();
}
