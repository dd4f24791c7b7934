import type { BlacklistEntry } from '../../../domain/register/blacklist.js';
import type { BlacklistPage, BlacklistRepository } from '../../../domain/register/blacklist.repository.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { keys } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

function toDomain(item: Record<string, unknown>): BlacklistEntry {
  return entityOf<BlacklistEntry>(item);
}

/** Every listing (GSI1, newest first) and each insurer's listings (GSI3), kept in step by the one item. */
function toItem(entry: BlacklistEntry): Record<string, unknown> & { PK: string; SK: string; version: number } {
  return {
    ...entry,
    ...keys.blacklistEntry(entry.id),
    kind: 'BLACKLIST_ENTRY',
    GSI1PK: keys.blacklistListing(),
    GSI1SK: entry.id,
    GSI3PK: keys.insurerBlacklist(entry.insurerTenantId),
    GSI3SK: `${entry.listedOn}#${entry.id}`,
  };
}

/** Largest page read when collecting one insurer's listings: a handful in practice. */
const INSURER_PAGE = 100;

/** The blacklist (BLK-1) over the one table; every change is one transaction with its outbox event. */
export class DynamoBlacklistRepository implements BlacklistRepository {
  constructor(private readonly store: Store) {}

  async create(entry: BlacklistEntry, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'create', item: toItem(entry), onExists: () => new Conflict(`blacklist entry ${entry.id} exists`) }],
      events.map((event) => outboxOf(event, keys.blacklistEntry(entry.id))),
    );
  }

  async get(entryId: string): Promise<BlacklistEntry | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.blacklistEntry(entryId));
    return item ? toDomain(item) : undefined;
  }

  async list(query: { insurerTenantId?: string; limit: number; cursor?: string; withTotal?: boolean }): Promise<BlacklistPage> {
    const withTotal = query.withTotal === true && !query.cursor;
    const page = await this.store.page<Record<string, unknown>>(
      query.insurerTenantId === undefined
        ? { index: 'GSI1', partition: keys.blacklistListing(), limit: query.limit, cursor: query.cursor, newestFirst: true, withTotal }
        : { index: 'GSI3', partition: keys.insurerBlacklist(query.insurerTenantId), limit: query.limit, cursor: query.cursor, newestFirst: true, withTotal },
    );
    return { items: page.items.map(toDomain), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async entriesOf(insurerTenantId: string): Promise<BlacklistEntry[]> {
    const entries: BlacklistEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ insurerTenantId, limit: INSURER_PAGE, cursor });
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return entries;
  }

  async save(entry: BlacklistEntry, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: toItem(entry), expectedVersion, entity: 'blacklist entry' }],
      events.map((event) => outboxOf(event, keys.blacklistEntry(entry.id))),
    );
  }
}
