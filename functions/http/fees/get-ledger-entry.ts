import { ledgerEntryViewSchema } from '../../../domain/fees/ledger-entry.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';
import { entryIdParams } from './schemas.js';

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
    const { tenantId } = callerOf(input, 'insurer');
    const { fees } = await feesRoot().forTenant(tenantId);
    const view = await fees.entry(tenantId, input.params.entryId);
    if (!view) throw new NotFound('ledger entry');
    return { body: view };
  },
});
