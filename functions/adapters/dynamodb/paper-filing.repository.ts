import { StaleVersion } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { PaperFiling } from '../../../domain/underwriting/paper-filing.js';
import type { PaperFilingRepository } from '../../../domain/underwriting/paper-filing.repository.js';
import { keys, type ItemKey } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/** QUAL-6: the city EMB's own record of a paper filing: `R#qualification-paper#FILING#<tenantId>.<year>`. */
const keyOf = (insurerTenantId: string, year: number): ItemKey =>
  keys.entity({ kind: 'regulator', regulatorId: 'qualification-paper' }, 'FILING', `${insurerTenantId}.${year}`);

/** The city EMB's paper filing records (QUAL-6), regulator-owned; each save is one transaction with its event. */
export class DynamoPaperFilingRepository implements PaperFilingRepository {
  constructor(private readonly store: Store) {}

  async get(insurerTenantId: string, year: number): Promise<PaperFiling | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keyOf(insurerTenantId, year));
    return item === undefined ? undefined : entityOf<PaperFiling>(item);
  }

  async listRecent(insurerTenantId: string, year: number): Promise<readonly PaperFiling[]> {
    const found = await this.store.getMany<Record<string, unknown>>([keyOf(insurerTenantId, year), keyOf(insurerTenantId, year - 1)]);
    return found.map((item) => entityOf<PaperFiling>(item)).sort((a, b) => b.year - a.year);
  }

  async put(record: PaperFiling, expectedVersion: number | undefined, events: readonly DomainEvent[]): Promise<void> {
    const key = keyOf(record.insurerTenantId, record.year);
    const item = { ...record, ...key, kind: 'QUALIFICATION_PAPER_FILING' };
    await this.store.commit(
      [
        expectedVersion === undefined
          ? { kind: 'create', item: item as never, onExists: () => new StalePaperFiling() }
          : { kind: 'update', item: item as never, expectedVersion, entity: 'paper filing record' },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }
}

/** Recorded by someone else between this request's read and its write: the same 412 as a stale save. */
class StalePaperFiling extends StaleVersion {
  constructor() {
    super('paper filing record');
  }
}
