import { ALL_COUNTIES, UNKNOWN_COUNTY, cellKeyOf, cellOfKey } from '../../../domain/supervision/counters.js';
import type { Contribution } from '../../../domain/supervision/counters.js';
import type { CountedSubject, StoredContribution, SupervisionCountersRepository } from '../../../domain/supervision/counters.repository.js';
import { addDays } from '../../../domain/kernel/calendar/local-date.js';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../../domain/kernel/errors.js';
import { VIEW_COUNTIES } from './county-sharded-page.js';
import { keys } from './keys.js';
import type { Store, Write } from './store.js';

/** Figures and cell identity of a counter item as stored. */
type CellItem = Record<string, unknown> & { year: number; tenantId: string; county: string };

const IDENTITY = new Set(['PK', 'SK', 'kind', 'year', 'tenantId', 'county']);

/** Cells of one county's year per Query page. */
const PAGE = 1000;

/**
 * Issue 14: the supervision counters over the one table — each subject's last contribution
 * (`R#supervision#SUBJECT#…`, versioned) and the cells (`R#supervision#COUNT#<year>#<county>` / `<tenantId>`),
 * moved together in one transaction.
 */
export class DynamoSupervisionCounters implements SupervisionCountersRepository {
  constructor(private readonly store: Store) {}

  async contributionOf(subject: CountedSubject): Promise<StoredContribution | undefined> {
    const item = await this.store.get<{ contribution: Contribution; version: number; nextEdge?: LocalDate }>(keys.supervisionSubject(subject.kind, subject.tenantId, subject.id));
    return item ? { contribution: item.contribution, revision: item.version, ...(item.nextEdge ? { nextEdge: item.nextEdge } : {}) } : undefined;
  }

  async apply(subject: CountedSubject, expectedRevision: number | undefined, contribution: Contribution, delta: Contribution, nextEdge?: LocalDate): Promise<void> {
    const key = keys.supervisionSubject(subject.kind, subject.tenantId, subject.id);
    const item = {
      ...key,
      kind: 'SUPERVISION_SUBJECT',
      subject,
      contribution,
      version: (expectedRevision ?? 0) + 1,
      // GSI2 (sparse): the daily run re-evaluates the subject on its edge day.
      ...(nextEdge ? { nextEdge, GSI2PK: keys.supervisionEdges, GSI2SK: `${nextEdge}#${subject.kind}#${subject.tenantId}#${subject.id}` } : {}),
    };
    const writes: Write[] = [
      expectedRevision === undefined
        ? { kind: 'create', item, onExists: () => new StaleVersion('supervision counters subject') }
        : { kind: 'update', item, expectedVersion: expectedRevision, entity: 'supervision counters subject' },
    ];
    for (const [cellKey, figures] of Object.entries(delta)) {
      const cell = cellOfKey(cellKey);
      writes.push({
        kind: 'add',
        key: keys.supervisionCounter(cell.year, cell.tenantId, cell.county),
        add: figures,
        set: { kind: 'SUPERVISION_COUNT', year: cell.year, tenantId: cell.tenantId, county: cell.county },
      });
    }
    await this.store.commit(writes, []);
  }

  async edgesDue(today: LocalDate, cursor?: string): Promise<{ items: CountedSubject[]; nextCursor?: string }> {
    const page = await this.store.page<{ subject: CountedSubject }>({
      index: 'GSI2',
      partition: keys.supervisionEdges,
      sortKey: { lessThan: addDays(today, 1) },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    return { items: page.items.map((item) => item.subject), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  /**
   * Issue 21: one county's cells (a county EMB's overview: its partition alone), or every partition of the year
   * added up — each county's, the insurer-wide `ALL` and the unknown county's — read side by side.
   */
  async cells(year: number, county?: string): Promise<Contribution> {
    const counties = county === undefined ? [...VIEW_COUNTIES, ALL_COUNTIES, UNKNOWN_COUNTY] : [county];
    const cells: Record<string, Record<string, number>> = {};
    for (const items of await Promise.all(counties.map((each) => this.countyCells(year, each)))) {
      for (const item of items) {
        const figures: Record<string, number> = {};
        for (const [name, value] of Object.entries(item)) if (!IDENTITY.has(name) && typeof value === 'number') figures[name] = value;
        cells[cellKeyOf(item)] = figures;
      }
    }
    return cells;
  }

  /** One county's cells of a year: one Query (a cell is ~30 numbers; 1 MB holds thousands of insurers). */
  private async countyCells(year: number, county: string): Promise<CellItem[]> {
    const items: CellItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<CellItem>({ partition: keys.supervisionCounters(year, county), limit: PAGE, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
