import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { syncRoot } from './composition-root.js';
import { regulatorSyncQuery, syncPageSchema, syncRecordView } from './schemas.js';

/**
 * SYNC-1, ACL-2/ACL-4: the regulators read every insurer's upload states — a county EMB its county's records
 * only (another county asked for: 403; an organisation, which has no county, is outside its view).
 */
export const listRegulatorSyncRecords = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/sync/records',
  access: REGULATOR_READ,
  summary: "Insurers' provincial upload states (SYNC-1), by insurer, county, state and kind",
  tags: ['regulator'],
  query: regulatorSyncQuery,
  response: syncPageSchema,
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const county = countyScopeOf(regulator, input.query.county);
    const page = await (await syncRoot().regulatorViews(regulator)).listForRegulators({ ...input.query, ...(county ? { county } : {}), withTotal: true });
    return { body: { items: page.items.map(syncRecordView), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
