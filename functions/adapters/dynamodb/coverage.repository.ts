import { addDays, compareLocalDates, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../../domain/kernel/errors.js';
import { isCovered, type CoveragePeriod } from '../../../domain/underwriting/coverage.js';
import { keys } from './keys.js';
import type { Store, Write } from './store.js';

/** One policy's share of an enterprise's coverage: who insures it and which days. */
export interface CoverageShare extends CoveragePeriod {
  readonly tenantId: string;
}

/**
 * UW-11's projection: an enterprise's coverage periods across insurers, and whether it counted as insured
 * today in its county × industry counter. Regulators read it; only the policy projection writes it.
 */
export interface EnterpriseCoverage {
  readonly uscc: string;
  readonly county: string;
  readonly industry: string;
  readonly shares: Readonly<Record<string, CoverageShare>>;
  /** The day `insuredCounted` was last evaluated, and whether the counter then counted it. */
  readonly evaluatedOn: LocalDate;
  readonly insuredCounted: boolean;
  /** The next day its insured status may change (a period starts or ends), for the daily sweep. */
  readonly nextEdge?: LocalDate;
  readonly version: number;
}

const periodsOf = (coverage: Pick<EnterpriseCoverage, 'shares'>): CoveragePeriod[] => Object.values(coverage.shares);

/** The first day after `today` on which some period starts or has just ended. */
export function nextEdgeAfter(periods: readonly CoveragePeriod[], today: LocalDate): LocalDate | undefined {
  const edges = periods.flatMap((period) => [period.start, addDays(period.end, 1)]).filter((day) => compareLocalDates(day, today) > 0);
  return edges.sort(compareLocalDates)[0];
}

/** Coverage items and the insured-today counters, kept in step in one transaction per change. */
export class DynamoCoverageRepository {
  constructor(private readonly store: Store) {}

  get(uscc: string): Promise<EnterpriseCoverage | undefined> {
    return this.store.get<EnterpriseCoverage>(keys.coverage(uscc));
  }

  /**
   * Replaces the shares and re-evaluates the enterprise on `today`: the item and, when its insured status
   * flipped, its counter move together. Optimistic: a concurrent change answers StaleVersion and the caller
   * re-reads (the projection retries).
   */
  async apply(
    current: EnterpriseCoverage | undefined,
    next: Omit<EnterpriseCoverage, 'evaluatedOn' | 'insuredCounted' | 'nextEdge' | 'version'>,
    today: LocalDate,
    extraWrites: readonly Write[] = [],
  ): Promise<void> {
    const insured = isCovered(periodsOf(next), today);
    const nextEdge = nextEdgeAfter(periodsOf(next), today);
    const item = {
      ...keys.coverage(next.uscc),
      kind: 'COVERAGE',
      ...next,
      evaluatedOn: today,
      insuredCounted: insured,
      ...(nextEdge ? { nextEdge, GSI2PK: keys.coverageEdges, GSI2SK: `${nextEdge}#${next.uscc}` } : {}),
      GSI1PK: keys.coverageCountyListing(next.county),
      GSI1SK: `${next.industry}#${next.uscc}`,
      version: (current?.version ?? 0) + 1,
    };
    const counterWrites: Write[] = [];
    const counter = (county: string, industry: string, delta: number): Write => ({
      kind: 'add',
      key: keys.coverageCounter(county, industry),
      add: { insured: delta },
      set: { county, industry },
    });
    const wasCounted = current?.insuredCounted ?? false;
    const moved = current !== undefined && (current.county !== next.county || current.industry !== next.industry);
    if (current && wasCounted && (!insured || moved)) counterWrites.push(counter(current.county, current.industry, -1));
    if (insured && (!wasCounted || moved)) counterWrites.push(counter(next.county, next.industry, 1));
    await this.store.commit(
      [
        current
          ? { kind: 'update', item: item as never, expectedVersion: current.version, entity: 'coverage' }
          : { kind: 'create', item: item as never, onExists: () => new StaleVersion('coverage') },
        ...counterWrites,
        ...extraWrites,
      ],
      [],
    );
  }

  /** One county's coverage items (GSI1), for the gap on any date. */
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

  /** Insured-today counters of one county: one Query, whatever the number of policies. */
  async insuredCounts(county: string): Promise<{ industry: string; insured: number }[]> {
    const page = await this.store.page<{ industry: string; insured: number }>({ partition: keys.coverageCounters(county), limit: 100 });
    return page.items.map(({ industry, insured }) => ({ industry, insured }));
  }

  /** Items whose next edge is on or before `today` (GSI2): the daily sweep's work, nothing more. */
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

