import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import type { NoticeStatus, SupervisionNotice } from '../../../domain/supervision/notice.js';
import type { NoticeRepository, RegulatorNoticeQuery, RegulatorNoticeViews } from '../../../domain/supervision/notice.repository.js';
import type { Page } from '../../../domain/supervision/supervision-reads.port.js';
import { keys } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * A notice carries its own index entries: the insurer's listing (GSI1), every notice for the city EMB and the
 * NFRA (GSI3) and, when its item has a county, the county EMBs' view (GSI4, ACL-4). One write keeps them in step.
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
    ...(notice.subject.county === undefined
      ? {}
      : { GSI4PK: keys.regulatorCountyNotices, GSI4SK: keys.regulatorCountyNoticeSortKey(notice.subject.county, notice.id) }),
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

  async listForRegulators(query: RegulatorNoticeQuery): Promise<Page<SupervisionNotice>> {
    const filter = filterOf(query);
    return pageOf(
      await this.store.page<Record<string, unknown>>(
        query.county
          ? {
              index: 'GSI4',
              partition: keys.regulatorCountyNotices,
              sortKey: { beginsWith: `${query.county}#` },
              limit: query.limit,
              cursor: query.cursor,
              withTotal: query.withTotal === true && !query.cursor,
              newestFirst: true,
              filter,
            }
          : { index: 'GSI3', partition: keys.regulatorNotices, limit: query.limit, cursor: query.cursor, newestFirst: true, filter, withTotal: query.withTotal === true && !query.cursor },
      ),
    );
  }
}
