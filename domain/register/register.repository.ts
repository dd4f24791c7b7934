import type { DomainEvent } from '../kernel/events.js';
import type { Industry } from '../kernel/industry.js';
import type { RegisterChange, RegisterEntry } from './register-entry.js';
import type { RegisterImport } from './register-import.js';

/** One page of register entries and the opaque cursor of the next page (absent on the last page). */
export interface RegisterPage {
  readonly items: readonly RegisterEntry[];
  readonly nextCursor?: string;
  /** The entries matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

/** `GET /regulator/enterprises`: a county (a county EMB always passes its own, ACL-4), an industry, a page. */
export interface RegisterQuery {
  readonly county?: string;
  readonly industry?: Industry;
  /** Part of the enterprise's name (issue 15's search). */
  readonly name?: string;
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

/** REG-1: how many enterprises are registered in one county × industry — the base of UW-11's coverage gap. */
export interface RegisteredCount {
  readonly county: string;
  readonly industry: Industry;
  readonly registered: number;
}

/**
 * What an import's writing did, counted as it was written: a change someone else made meanwhile can turn a
 * planned create into an update, or into nothing to write.
 */
export interface AppliedImport {
  readonly created: number;
  readonly updated: number;
}

/**
 * The port of the register (REG-1); the DynamoDB adapter implements it. Entries are keyed by USCC city-wide;
 * the registered counters per county × industry change in the same write as the entries they count.
 *
 * @example
 * const { state: change, events } = registerEnterprise(input, await repository.get(input.uscc), actor, now);
 * await repository.save(change, events); // the entry, its counters and the event, at once
 */
export interface RegisterRepository {
  get(uscc: string): Promise<RegisterEntry | undefined>;
  /** The current entries of these USCCs (consistent reads); unregistered ones are simply absent. */
  getMany(usccs: readonly string[]): Promise<Map<string, RegisterEntry>>;
  /** Entries of one county (by industry, then USCC), or of every county in area order when `county` is absent. */
  list(query: RegisterQuery): Promise<RegisterPage>;
  /**
   * Writes one change with its counters and `events` (the domain's `register.enterprise.registered`);
   * `unchanged` writes nothing. `StaleVersion` / `Conflict` when the entry changed since it was read.
   */
  save(change: RegisterChange, events: readonly DomainEvent[]): Promise<void>;
  /** REG-1: the registered counters of one county, one read. */
  registeredCounts(county: string): Promise<RegisteredCount[]>;

  /** Records an import as RUNNING before its first entry is written. */
  startImport(record: RegisterImport): Promise<void>;
  /**
   * Writes an import's changes with their counters, several entries per write. When a change meets a newer
   * entry than planned (someone wrote it meanwhile), `replan` is asked again for those USCCs from what is
   * stored now, and the write is retried.
   */
  applyImport(
    changes: readonly RegisterChange[],
    replan: (usccs: readonly string[]) => Promise<readonly RegisterChange[]>,
  ): Promise<AppliedImport>;
  /** Completes (DONE, with `events`: the import's `register.enterprise.registered`) or fails an import record. */
  finishImport(record: RegisterImport, events: readonly DomainEvent[]): Promise<void>;
}
