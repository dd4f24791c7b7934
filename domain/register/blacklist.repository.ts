import type { DomainEvent } from '../kernel/events.js';
import type { BlacklistEntry } from './blacklist.js';

export interface BlacklistPage {
  readonly items: readonly BlacklistEntry[];
  readonly nextCursor?: string;
  /** Issue 15: the rows matching the query, on its first page. */
  readonly total?: number;
}

/**
 * The port of the blacklist (BLK-1). Entries are never deleted; lifting is a change of the entry.
 *
 * @example
 * const barred = isBlacklisted(await repository.entriesOf(tenantId), tenantId, today); // QUAL-2
 */
export interface BlacklistRepository {
  /** Stores a new entry (version 1) with its events (`register.blacklist_entry.listed`). */
  create(entry: BlacklistEntry, events: readonly DomainEvent[]): Promise<void>;
  get(entryId: string): Promise<BlacklistEntry | undefined>;
  /** Every entry newest first, or one insurer's. */
  list(query: { insurerTenantId?: string; limit: number; cursor?: string; withTotal?: boolean }): Promise<BlacklistPage>;
  /** All entries of one insurer, lifted ones included — what `isBlacklisted` needs (QUAL-2). */
  entriesOf(insurerTenantId: string): Promise<BlacklistEntry[]>;
  /** Saves a lifted entry if the stored one is still `expectedVersion`, with its events (`…lifted`). */
  save(entry: BlacklistEntry, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
}
