import { ledgerEntrySchema } from '../../../domain/fees/ledger-entry.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { feesRoot } from './composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { ledgerQuery } from './schemas.js';

/**
 * FEE-2: one year's ledger (台账), a page at a time, by sequence number: oldest first as the ledger reads, or
 * newest first with `order=desc`. One consistent Query per page, of the year's own partition.
 */
export const listLedger = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/ledger',
  access: FEE_BOOKING,
  summary: "A year's prevention-fee ledger by sequence number (FEE-2); order=desc for newest first",
  tags: ['fees'],
  query: ledgerQuery,
  response: pageOf(ledgerEntrySchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock } = feesRoot();
    const { fees } = await forTenant(tenantId);
    const page = await fees.listEntries(tenantId, ledgerYearOf(input.query.year, clock), {
      limit: input.query.limit,
      cursor: input.query.cursor,
      newestFirst: input.query.order === 'desc',
      withTotal: true,
    });
    return { body: page };
  },
});
