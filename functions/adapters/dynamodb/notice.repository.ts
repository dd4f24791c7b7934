import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import type { NoticeStatus, SupervisionNotice } from '../../../domain/supervision/notice.js';
import type { NoticeRepository, RegulatorNoticeQuery, RegulatorNoticeViews } from '../../../domain/supervision/notice.repository.js';
import type { Page } from '../../../domain/supervision/supervision-reads.port.js';
import { countyShardedPage, NO_COUNTY } from './county-sharded-page.js';
import { keys } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * A notice carries its own index entries: the insurer's listing (GSI1), every notice by id (GSI3, SUP-4's close)
 * and the regulators' listing by the county of its item (GSI4, ACL-4; an insurer-wide one under `NONE`). One
 * write keeps them in step.
 */
function toItem(notice: SupervisionNotice): Record<string, unknown> {
  return {
    ...notice,
    ...keys.notice(notice.tenantId, notice.id),
    kind: 'NOTICE',
    GSI1PK: keys.noticeListing(notice.tenantId),
    GSI1SK: notice.id,
    GSI3PK: keys.regulatorNotices,
    GSI3SK: notice.id,
    GSI4PK: keys.regulatorCountyNotices(notice.subject.county ?? NO_COUNTY),
    GSI4SK: notice.id,
  };
}

const toDomain = (item: Record<string, unknown>): SupervisionNotice => entityOf<SupervisionNotice>(item);

function filterOf(query: { readonly tenantId?: string; readonly status?: NoticeStatus }) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.tenantId) {
    conditions.push('#tenantId = :tenantId');
    names['#tenantId'] = 'tenantId';
    values[':tenantId'] = query.tenantId;
  }
  if (query.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  return conditions.length === 0
    ? undefined
    : { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

const pageOf = (page: { items: Record<string, unknown>[]; nextCursor?: string; total?: number }): Page<SupervisionNotice> => ({
  items: page.items.map(toDomain),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

/** 督办 notices over the one table (SUP-1..SUP-5); the Store's client decides whose credentials write. */
export class DynamoNoticeRepository implements NoticeRepository, RegulatorNoticeViews {
  constructor(private readonly store: Store) {}

  async create({ state, events }: Changed<SupervisionNotice>): Promise<void> {
    const key = keys.notice(state.tenantId, state.id);
    await this.store.commit(
      [{ kind: 'create', item: toItem(state) as never, onExists: () => new Conflict(`notice ${state.id} exists`) }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async get(tenantId: string, noticeId: string): Promise<SupervisionNotice | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.notice(tenantId, noticeId));
    return item && toDomain(item);
  }

  async save({ state, events }: Changed<SupervisionNotice>, expectedVersion: number): Promise<void> {
    const key = keys.notice(state.tenantId, state.id);
    await this.store.commit(
      [{ kind: 'update', item: toItem(state) as never, expectedVersion, entity: 'notice' }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async listOfTenant(tenantId: string, query: { limit: number; cursor?: string; status?: NoticeStatus; withTotal?: boolean }): Promise<Page<SupervisionNotice>> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.noticeListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
        filter: filterOf({ status: query.status }),
      }),
    );
  }

  /** The notice by id alone (GSI3, exact key), then read consistently from its insurer's partition. */
  async findForRegulators(noticeId: string): Promise<SupervisionNotice | undefined> {
    const page = await this.store.page<Record<string, unknown>>({ index: 'GSI3', partition: keys.regulatorNotices, sortKey: { equals: noticeId }, limit: 1 });
    const tenantId = page.items[0]?.['tenantId'];
    return typeof tenantId === 'string' ? this.get(tenantId, noticeId) : undefined;
  }

  /**
   * SUP-2, ACL-4 (issue 21): one partition per county, newest first, read through the regulator session of the
   * caller's scope (county-sharded-page.ts) — a county EMB's its county's only, the city-wide ones county by county.
   */
  async listForRegulators(query: RegulatorNoticeQuery): Promise<Page<SupervisionNotice>> {
    return pageOf(
      await countyShardedPage<Record<string, unknown>>(this.store, {
        view: 'REG#NOTICE',
        index: 'GSI4',
        partitionOf: keys.regulatorCountyNotices,
        county: query.county,
        extraShards: [NO_COUNTY],
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal,
        newestFirst: true,
        filter: filterOf(query),
      }),
    );
  }

}
