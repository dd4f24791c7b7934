import { bookExpense as book } from '../../../domain/fees/expense.rules.js';
import { bookExpenseBody, ledgerEntrySchema } from '../../../domain/fees/ledger-entry.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { defineRoute } from '../../middleware/route.js';
import { openBooking } from './booking.js';
import { untilBooked } from './until-booked.js';

/**
 * FEE-2, FEE-3: prevention money spent. Primary course: 1. read the counters of the expense's year; 2. the
 * domain checks the category (FEE-3), the date (no pre-accrual), the link (a cited document must be in the
 * insurer's archive with the digest given) and the balance (FEE-2, unless booked
 * as an advance), takes the year's next number and raises `fees.entry.booked`; 3. one transaction stores the
 * entry, the counters and the event, conditioned on the counters as read — a lost race goes back to 1, so the
 * balance is always checked against the balance the entry is committed on.
 */
export const bookExpense = defineRoute({
  method: 'POST',
  path: '/api/v1/fees/expenses',
  access: FEE_BOOKING,
  summary: 'Book a prevention expense (FEE-2, FEE-3); forbidden uses are refused naming FEE-3',
  tags: ['fees'],
  body: bookExpenseBody,
  response: ledgerEntrySchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, fees, documents, attempt } = await openBooking(input);
    const year = yearOf(input.body.spentOn);
    // FEE-2: a cited document is looked up once; archives are write-once, so a retry cannot see it change.
    const document = input.body.document === undefined ? undefined : await documents.factsOf(input.body.document.archiveId);
    const booked = await untilBooked(async () => {
      const ledger = await fees.year(tenantId, year);
      const change = book(input.body, { ...attempt(), ledger, document });
      await fees.bookExpense(change);
      return change;
    });
    return { body: booked.entry };
  },
});
