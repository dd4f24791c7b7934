import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { syncRoot } from './composition-root.js';
import { insurerSyncPageSchema, syncQuery, syncRecordView } from './schemas.js';

/** SYNC-1: the caller's insurer's records with their upload state (and the province's reasons), with counts per state. */
export const listSyncRecords = defineRoute({
  method: 'GET',
  path: '/api/v1/sync/records',
  access: INSURER,
  summary: "The insurer's records and their provincial upload state (SYNC-1), by state and kind",
  tags: ['sync'],
  query: syncQuery,
  response: insurerSyncPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const records = await syncRoot().forTenant(tenantId);
    const [page, counts] = await Promise.all([records.list(tenantId, { ...input.query, withTotal: true }), records.counts(tenantId)]);
    return { body: { items: page.items.map(syncRecordView), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }), counts } };
  },
});
