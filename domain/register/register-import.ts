import type { Changed } from '../kernel/events.js';
import { enterpriseRegistered } from './events.js';
import { registerEnterprise } from './register-entry.rules.js';
import type { RegisterActor, RegisterChange, RegisterEntry } from './register-entry.js';
import { countyScopeRowProblem, type NumberedRegisterInput, type RowProblem } from './register-row.js';

export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * RUNNING from before the first entry is written until the last is; DONE with its counts; FAILED when the
 * writing stopped part-way (the entries written so far stay — each is a complete, counted registration —
 * and running the same file again completes the rest).
 */
export const IMPORT_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * REG-1: the record of one bulk import of the register — who imported which file, and what it did. It is
 * written before the first entry and completed after the last, so an import that stopped half-way is never
 * mistaken for one that finished.
 */
export interface RegisterImport {
  readonly id: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  /** Rows in the file. */
  readonly rows: number;
  readonly status: ImportStatus;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** The importing regulator (agency id) and, for a county EMB, its county. */
  readonly by: string;
  readonly county?: string;
  /** The user who sent the file. */
  readonly byUser: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly failure?: string;
  readonly version: number;
}

/** What the import will write: the changed entries only, the counts, and any ACL-4 refusal. */
export interface RegisterImportPlan {
  /** Created and updated entries, in file order; unchanged rows are left out — nothing to write for them. */
  readonly changes: readonly RegisterChange[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** ACL-4: rows whose enterprise is registered in another county than the importing county EMB's. */
  readonly problems: readonly RowProblem[];
}

/**
 * REG-1, ACL-4: one valid row against the enterprise's current entry — the change it makes, or the ACL-4
 * problem when a county EMB's row would take over an enterprise registered in another county.
 */
export function planRegisterRow(
  row: NumberedRegisterInput,
  current: RegisterEntry | undefined,
  actor: RegisterActor,
  now: Date,
): RegisterChange | RowProblem {
  const outside = countyScopeRowProblem(row.row, actor, row.input.county, current);
  if (outside !== undefined) return outside;
  return registerEnterprise(row.input, current, actor, now).state;
}

/**
 * REG-1: what importing `rows` (every one already valid, see `validateRegisterFile`) does to the register whose
 * current entries for those USCCs are `current`. Pure: the caller reads, this decides, the caller writes.
 * Re-running the same file plans nothing but `unchanged`, so a retry after a failure converges.
 *
 * @example
 * const plan = planRegisterImport(inputs, await repository.getMany(inputs.map((row) => row.input.uscc)), actor, now);
 * if (plan.problems.length > 0) throw new ImportRejected(plan.problems);
 */
export function planRegisterImport(
  rows: readonly NumberedRegisterInput[],
  current: ReadonlyMap<string, RegisterEntry>,
  actor: RegisterActor,
  now: Date,
): RegisterImportPlan {
  const changes: RegisterChange[] = [];
  const problems: RowProblem[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const planned = planRegisterRow(row, current.get(row.input.uscc), actor, now);
    if ('rule' in planned) problems.push(planned);
    else if (planned.kind === 'unchanged') unchanged += 1;
    else changes.push(planned);
  }
  const created = changes.filter((change) => change.kind === 'created').length;
  return { changes, created, updated: changes.length - created, unchanged, problems };
}

/** REG-1: an import about to write (RUNNING, nothing counted yet). */
export function startRegisterImport(start: {
  id: string;
  fileName: string;
  format: ImportFormat;
  rows: number;
  actor: RegisterActor;
  byUser: string;
  now: Date;
}): RegisterImport {
  return {
    id: start.id,
    fileName: start.fileName,
    format: start.format,
    rows: start.rows,
    status: 'RUNNING',
    created: 0,
    updated: 0,
    unchanged: 0,
    by: start.actor.regulatorId,
    ...(start.actor.county === undefined ? {} : { county: start.actor.county }),
    byUser: start.byUser,
    startedAt: start.now.toISOString(),
    version: 1,
  };
}

/**
 * REG-1: the import after its last entry was written, with what it did, and what it tells the platform: one
 * `register.enterprise.registered` for the whole file (aggregate `register-import`), with its counts and
 * `counties`, those whose counters moved (`countiesMovedBy`) — not one per entry: 5,000 entry events would be
 * 5,000 more outbox items while their consumer, the coverage gap, recomputes per county anyway.
 *
 * @example
 * const done = completeRegisterImport(record, { created: 4990, updated: 5, unchanged: 5 }, countiesMovedBy(changes), now);
 * await register.finishImport(done.state, done.events);
 */
export function completeRegisterImport(
  record: RegisterImport,
  counts: { created: number; updated: number; unchanged: number },
  counties: readonly string[],
  now: Date,
): Changed<RegisterImport> {
  if (record.status !== 'RUNNING') throw new RangeError(`import ${record.id} is ${record.status}, not RUNNING`);
  const done: RegisterImport = { ...record, ...counts, status: 'DONE', finishedAt: now.toISOString(), version: record.version + 1 };
  const event = enterpriseRegistered.of(done, {
    importId: done.id,
    registered: done.rows,
    created: done.created,
    updated: done.updated,
    unchanged: done.unchanged,
    counties: [...counties],
    by: done.by,
  });
  return { state: done, events: [{ ...event, aggregate: { type: 'register-import', id: done.id } }] };
}

/**
 * REG-1: the import stopped part-way; what was written stays, and the same file can be imported again. A
 * FAILED import tells nothing.
 */
export function failRegisterImport(record: RegisterImport, failure: string, now: Date): Changed<RegisterImport> {
  return { state: { ...record, status: 'FAILED', failure, finishedAt: now.toISOString(), version: record.version + 1 }, events: [] };
}
