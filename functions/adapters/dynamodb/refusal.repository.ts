import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { Refusal } from '../../../domain/underwriting/refusal.js';
import type { RefusalPage, RefusalRepository } from '../../../domain/underwriting/refusal.repository.js';
import { keys } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

const owner = (tenantId: string) => ({ kind: 'tenant', tenantId }) as const;

/** UW-12: a refusal in its insurer's partition, `T#<tenant>#REFUSAL#<id>`, listed newest first on GSI1. */
export class DynamoRefusalRepository implements RefusalRepository {
  constructor(private readonly store: Store) {}

  async create(refusal: Refusal, events: readonly DomainEvent[]): Promise<void> {
    const key = keys.entity(owner(refusal.tenantId), 'REFUSAL', refusal.id);
    const item = { ...refusal, ...key, kind: 'REFUSAL', GSI1PK: keys.listing(owner(refusal.tenantId), 'REFUSAL'), GSI1SK: refusal.id };
    await this.store.commit(
      [{ kind: 'create', item: item as never, onExists: () => new Conflict(`refusal ${refusal.id} exists`) }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async listByTenant(tenantId: string, query: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<RefusalPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.listing(owner(tenantId), 'REFUSAL'),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return {
      items: page.items.map((item) => entityOf<Refusal>(item)),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      ...(page.total === undefined ? {} : { total: page.total }),
    };
  }
}
