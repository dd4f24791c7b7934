import { INSURER } from '../../../domain/identity/access.js';
import { ProvinceUnavailable } from '../../../domain/sync/provincial-platform.port.js';
import { reconcile } from '../../../domain/sync/reconciliation.js';
import type { SyncRecord } from '../../../domain/sync/sync-record.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { syncRoot } from './composition-root.js';
import { reconciliationQuery, reconciliationSchema } from './schemas.js';

/** How many of the insurer's records a reconciliation reads at most (100 a page). */
const MAX_PAGES = 50;

/**
 * SYNC-1: what the province holds from the insurer for a day against what we sent and saw accepted — counts per
 * kind and the ids that differ. The province unreachable: 503 saying so (nothing of ours is wrong).
 */
export const getReconciliation = defineRoute({
  method: 'GET',
  path: '/api/v1/sync/reconciliation',
  access: INSURER,
  summary: 'Reconcile a day of provincial uploads: ours against what the province lists (SYNC-1)',
  tags: ['sync'],
  query: reconciliationQuery,
  response: reconciliationSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, province } = syncRoot();
    if (!province) throw new HttpProblem(503, 'PROVINCE_NOT_CONFIGURED', 'SYNC-1: no provincial platform is configured');
    const records = await forTenant(tenantId);
    const ours: SyncRecord[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await records.list(tenantId, { limit: 100, ...(cursor ? { cursor } : {}) });
      ours.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    let holdings;
    try {
      holdings = await province.listAccepted(tenantId, input.query.date);
    } catch (error) {
      if (error instanceof ProvinceUnavailable) {
        throw new HttpProblem(503, 'PROVINCE_UNAVAILABLE', 'SYNC-1: the provincial platform did not answer; try the reconciliation again later');
      }
      throw error;
    }
    return { body: reconcile(input.query.date, ours, holdings) };
  },
});
