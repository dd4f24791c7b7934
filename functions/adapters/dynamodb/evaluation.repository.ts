import { StaleVersion } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import type { EvaluationPage, EvaluationRepository, EvaluationSeries } from '../../../domain/evaluations/evaluation.repository.js';
import { evaluationPeriodKeyOf } from '../../../domain/evaluations/period.js';
import { assertKeyPart, keys, type ItemKey, type Owner } from './keys.js';
import { outboxOf, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * RPT-3's items, regulator-owned (`R#evaluations#…`, ARCHITECTURE.md §2):
 * - the evaluation `R#evaluations#EVAL#<id>` / `PROFILE`, listed for the regulators on GSI1
 *   (`R#evaluations#EVAL` / `<period key>#<tenant>#<revision>`) and, once published, for its insurer on GSI3
 *   (`R#evaluations#PUBLISHED#<tenant>` / `<period key>#<revision>`) — the insurer never sees a draft;
 * - the series guard `R#evaluations#SERIES#<tenant>#<period key>` / `PROFILE`: the newest revision of an
 *   insurer's period, so two drafts of one period cannot be opened at once.
 */
const OWNER: Owner = { kind: 'regulator', regulatorId: 'evaluations' };
const evaluationKey = (id: string): ItemKey => keys.entity(OWNER, 'EVAL', id);
const seriesKey = (tenantId: string, periodKey: string): ItemKey => ({
  PK: `${keys.listing(OWNER, 'SERIES')}#${assertKeyPart(tenantId, 'tenantId')}#${assertKeyPart(periodKey, 'period')}`,
  SK: 'PROFILE',
});
const LISTING = keys.listing(OWNER, 'EVAL');
const publishedListing = (tenantId: string): string => `${keys.listing(OWNER, 'PUBLISHED')}#${assertKeyPart(tenantId, 'tenantId')}`;
const revisionPart = (revision: number): string => String(revision).padStart(4, '0');

function evaluationItem(evaluation: Evaluation): Record<string, unknown> & ItemKey & { version: number } {
  const periodKey = evaluationPeriodKeyOf(evaluation.period);
  return {
    ...evaluation,
    ...evaluationKey(evaluation.id),
    kind: 'EVALUATION',
    GSI1PK: LISTING,
    GSI1SK: `${periodKey}#${assertKeyPart(evaluation.tenantId, 'tenantId')}#${revisionPart(evaluation.revision)}`,
    ...(evaluation.status === 'PUBLISHED' ? { GSI3PK: publishedListing(evaluation.tenantId), GSI3SK: `${periodKey}#${revisionPart(evaluation.revision)}` } : {}),
  };
}

function seriesItem(evaluation: Evaluation, version: number): Record<string, unknown> & ItemKey & { version: number } {
  return {
    ...seriesKey(evaluation.tenantId, evaluationPeriodKeyOf(evaluation.period)),
    kind: 'EVALUATION-SERIES',
    latestId: evaluation.id,
    latestRevision: evaluation.revision,
    latestStatus: evaluation.status,
    version,
  };
}

const pageOf = (out: { items: Record<string, unknown>[]; nextCursor?: string; total?: number }): EvaluationPage => ({
  items: out.items.map((item) => entityOf<Evaluation>(item)),
  nextCursor: out.nextCursor,
  ...(out.total === undefined ? {} : { total: out.total }),
});

export class DynamoEvaluationRepository implements EvaluationRepository {
  constructor(private readonly store: Store) {}

  async get(evaluationId: string): Promise<Evaluation | undefined> {
    const item = await this.store.get<Record<string, unknown>>(evaluationKey(evaluationId));
    return item && entityOf<Evaluation>(item);
  }

  async series(tenantId: string, periodKey: string): Promise<EvaluationSeries | undefined> {
    return this.store.get<EvaluationSeries>(seriesKey(tenantId, periodKey));
  }

  async list(query: { periodPrefix?: string; limit: number; cursor?: string; withTotal?: boolean }): Promise<EvaluationPage> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: LISTING,
        ...(query.periodPrefix === undefined ? {} : { sortKey: { beginsWith: query.periodPrefix } }),
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        withTotal: query.withTotal === true && !query.cursor,
      }),
    );
  }

  async listPublished(tenantId: string, query: { limit: number; cursor?: string; withTotal?: boolean }): Promise<EvaluationPage> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI3',
        partition: publishedListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        withTotal: query.withTotal === true && !query.cursor,
      }),
    );
  }

  /**
   * SVC-10: an insurer's published evaluations of one year (every term and revision) — one Query of its GSI3
   * partition, for the enterprise's archive folder (folder-evaluations.ts).
   */
  async publishedOfYear(tenantId: string, year: number): Promise<readonly Evaluation[]> {
    const out = await this.store.page<Record<string, unknown>>({ index: 'GSI3', partition: publishedListing(tenantId), sortKey: { beginsWith: `${year}-` }, limit: 100 });
    return out.items.map((item) => entityOf<Evaluation>(item));
  }

  async create({ state, events }: Changed<Evaluation>, series: EvaluationSeries | undefined): Promise<void> {
    const key = evaluationKey(state.id);
    const guard: Write = series
      ? { kind: 'update', item: seriesItem(state, series.version + 1), expectedVersion: series.version, entity: 'evaluation series' }
      : { kind: 'create', item: seriesItem(state, 1), onExists: () => new StaleVersion('evaluation series') };
    await this.store.commit(
      [guard, { kind: 'create', item: evaluationItem(state), onExists: () => new StaleVersion('evaluation') }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async save({ state, events }: Changed<Evaluation>, expectedVersion: number): Promise<void> {
    const key = evaluationKey(state.id);
    const writes: Write[] = [{ kind: 'update', item: evaluationItem(state), expectedVersion, entity: 'evaluation' }];
    if (state.status === 'PUBLISHED') {
      writes.push({ kind: 'patch', key: seriesKey(state.tenantId, evaluationPeriodKeyOf(state.period)), set: { latestStatus: 'PUBLISHED' }, entity: 'evaluation series' });
    }
    await this.store.commit(writes, events.map((event) => outboxOf(event, key)));
  }
}
