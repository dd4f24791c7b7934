import { StaleVersion } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { QualificationFiling } from '../../../domain/underwriting/qualification.js';
import type { QualificationRepository } from '../../../domain/underwriting/qualification.repository.js';
import { keys } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/** The filing as the domain knows it: the stored item without keys and indexes. */
function toDomain(item: Record<string, unknown> | undefined): QualificationFiling | undefined {
  return item === undefined ? undefined : entityOf<QualificationFiling>(item);
}

/** An insurer's yearly qualification filings (QUAL-1..6), tenant data; each save is one transaction with the events the domain raised. */
export class DynamoQualificationRepository implements QualificationRepository {
  constructor(private readonly store: Store) {}

  async get(tenantId: string, year: number): Promise<QualificationFiling | undefined> {
    return toDomain(await this.store.get(keys.qualification(tenantId, year)));
  }

  /** The filing of `year` and of the year before (a filing governs until the next year's due date), newest first. */
  async listRecent(tenantId: string, year: number): Promise<readonly QualificationFiling[]> {
    const found = await this.store.getMany<Record<string, unknown>>([keys.qualification(tenantId, year), keys.qualification(tenantId, year - 1)]);
    return found.map((item) => toDomain(item) as QualificationFiling).sort((a, b) => b.year - a.year);
  }

  async put(filing: QualificationFiling, expectedVersion: number | undefined, events: readonly DomainEvent[]): Promise<void> {
    const key = keys.qualification(filing.tenantId, filing.year);
    const item = { ...filing, ...key, kind: 'QUALIFICATION', GSI1PK: keys.qualificationListing(filing.tenantId), GSI1SK: String(filing.year) };
    await this.store.commit(
      [
        expectedVersion === undefined
          ? { kind: 'create', item: item as never, onExists: () => new StaleFiling() }
          : { kind: 'update', item: item as never, expectedVersion, entity: 'qualification filing' },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }
}

/** Someone created the year's filing between this request's read and its write: the same 412 as a stale save. */
class StaleFiling extends StaleVersion {
  constructor() {
    super('qualification filing');
  }
}
