import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { ledgerEntrySchema, ledgerEntryViewSchema } from '../../../domain/fees/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { feeDeps, todayOf } from './deps.js';
import { entryIdParams, ledgerQuery } from './schemas.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';

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
    const tenantId = callerOf(input).tenantId as string;
    const { forTenant, clock } = feeDeps();
    const { fees } = await forTenant(tenantId);
    const year = input.query.year ?? yearOf(todayOf(clock));
    const page = await fees.listEntries(tenantId, year, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      newestFirst: input.query.order === 'desc',
    });
    return { body: page };
  },
});

/** FEE-2: one entry, with the reversal that took it back if it was reversed. */
export const getLedgerEntry = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/entries/{entryId}',
  access: FEE_BOOKING,
  summary: 'One ledger entry and, if reversed, its reversal (FEE-2)',
  tags: ['fees'],
  params: entryIdParams,
  response: ledgerEntryViewSchema,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { fees } = await feeDeps().forTenant(tenantId);
    const view = await fees.entry(tenantId, input.params.entryId);
    if (!view) throw new NotFound('ledger entry');
    return { body: view };
  },
});
