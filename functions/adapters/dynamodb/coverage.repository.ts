import { addDays, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../../domain/kernel/errors.js';
import type { CoverageChange, EnterpriseCoverage } from '../../../domain/underwriting/coverage.js';
import type { CoverageRepository, InsuredCount } from '../../../domain/underwriting/coverage.repository.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { keys } from './keys.js';
import { memberCopyWrites } from './policy.repository.js';
import type { Store, Write } from './store.js';

/** The stored coverage item: the domain's value with its keys, its county listing and, when due, its edge. */
function toItem(coverage: EnterpriseCoverage): Record<string, unknown> {
  return {
    ...keys.coverage(coverage.uscc),
    kind: 'COVERAGE',
    ...coverage,
    ...(coverage.nextEdge ? { GSI2PK: keys.coverageEdges, GSI2SK: `${coverage.nextEdge}#${coverage.uscc}` } : {}),
    GSI1PK: keys.coverageCountyListing(coverage.county),
    GSI1SK: `${coverage.industry}#${coverage.uscc}`,
  };
}

/** UW-11's coverage items and insured-today counters, kept in step in one transaction per change. */
export class DynamoCoverageRepository implements CoverageRepository {
  constructor(private readonly store: Store) {}

  get(uscc: string): Promise<EnterpriseCoverage | undefined> {
    return this.store.get<EnterpriseCoverage>(keys.coverage(uscc));
  }

  async apply(change: CoverageChange, policy?: Policy): Promise<void> {
    const item = toItem(change.coverage);
    const counterWrites: Write[] = change.counterDeltas.map(({ county, industry, delta }) => ({
      kind: 'add',
      key: keys.coverageCounter(county, industry),
      add: { insured: delta },
      set: { county, industry },
    }));
    await this.store.commit(
      [
        change.expectedVersion === undefined
          ? { kind: 'create', item: item as never, onExists: () => new StaleVersion('coverage') }
          : { kind: 'update', item: item as never, expectedVersion: change.expectedVersion, entity: 'coverage' },
        ...counterWrites,
        ...(policy ? memberCopyWrites(policy) : []),
      ],
      [],
    );
  }

  async listCounty(county: string): Promise<EnterpriseCoverage[]> {
    const all: EnterpriseCoverage[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<EnterpriseCoverage>({ index: 'GSI1', partition: keys.coverageCountyListing(county), limit: 500, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async insuredCounts(county: string): Promise<InsuredCount[]> {
    const page = await this.store.page<InsuredCount>({ partition: keys.coverageCounters(county), limit: 100 });
    return page.items.map(({ industry, insured }) => ({ industry, insured }));
  }

  async edgesDue(today: LocalDate, cursor?: string): Promise<{ items: EnterpriseCoverage[]; nextCursor?: string }> {
    return this.store.page<EnterpriseCoverage>({
      index: 'GSI2',
      partition: keys.coverageEdges,
      sortKey: { lessThan: `${addDays(today, 1)}` },
      limit: 100,
      cursor,
    });
  }
}
