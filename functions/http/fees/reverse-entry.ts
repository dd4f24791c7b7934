import { ledgerEntrySchema, reverseEntryBody } from '../../../domain/fees/ledger-entry.schema.js';
import { reverseEntry as reverse } from '../../../domain/fees/reversal.rules.js';
import { FEE_REVERSAL } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { defineRoute } from '../../middleware/route.js';
import { openBooking } from './booking.js';
import { entryIdParams } from './schemas.js';
import { untilBooked } from './until-booked.js';

/**
 * FEE-2: the correction of an entry is its reversal (plus, by the caller, a new entry): there is no update or
 * delete. Primary course: 1. read the entry with its reversal mark, its year's counters and, for an ACCRUAL,
 * the policy's received counter; 2. the domain refuses a reversal of a reversal, a second reversal and a
 * balance below zero (unless an advance), mirrors the entry and raises `fees.entry.reversed`; 3. one
 * transaction stores the reversal, the mark, the counters and the event — a lost race goes back to 1.
 */
export const reverseEntry = defineRoute({
  method: 'POST',
  path: '/api/v1/fees/entries/{entryId}/reverse',
  access: FEE_REVERSAL,
  summary: 'Reverse a ledger entry: its effect is taken back exactly, in its own year (FEE-2)',
  tags: ['fees'],
  params: entryIdParams,
  body: reverseEntryBody,
  response: ledgerEntrySchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, fees, attempt } = await openBooking(input);
    const reversed = await untilBooked(async () => {
      const view = await fees.entry(tenantId, input.params.entryId);
      if (!view) throw new NotFound('ledger entry');
      const { entry } = view;
      const [ledger, received] = await Promise.all([
        fees.year(tenantId, entry.year),
        entry.kind === 'ACCRUAL' ? fees.policyReceipts(tenantId, entry.policyId) : Promise.resolve(undefined),
      ]);
      if (!ledger) throw new Error(`entry ${entry.id} exists but its ${entry.year} counters do not`);
      const change = reverse(entry, input.body, {
        ...attempt(),
        ledger,
        reversedBy: view.reversedBy,
        ...(received ? { received } : {}),
      });
      await fees.reverse(change);
      return change;
    });
    return { body: reversed.entry };
  },
});
