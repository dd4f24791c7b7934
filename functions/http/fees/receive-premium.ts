import { receivePremium as receive } from '../../../domain/fees/premium-receipt.rules.js';
import { premiumReceivedSchema, receivePremiumBody } from '../../../domain/fees/premium-receipt.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { defineRoute } from '../../middleware/route.js';
import { openBooking } from './booking.js';
import { loadVisiblePolicy } from './load-visible-policy.js';
import { untilBooked } from './until-booked.js';

/**
 * FEE-1, UW-5: premium received against a policy. Primary course: 1. load the policy (ACL-1: the insurer's
 * own or co-insured); 2. read the receipt year's counters and the policy's received counter; 3. the domain
 * checks the date, the share and the premium, computes premium ex-tax with the policy's VAT rate and the
 * accrual, and raises `fees.premium.received` and `fees.entry.booked`; 4. one transaction stores the receipt,
 * its ACCRUAL, both counters and the events — conditioned on both counters as read, so concurrent receipts
 * never overshoot the premium and never share a number; a lost race goes back to 2.
 */
export const receivePremium = defineRoute({
  method: 'POST',
  path: '/api/v1/fees/premium-receipts',
  access: FEE_BOOKING,
  summary: 'Record premium received against a policy and accrue the prevention fee on it (FEE-1, UW-5)',
  tags: ['fees'],
  body: receivePremiumBody,
  response: premiumReceivedSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, fees, policies, newId, attempt, withRecorded } = await openBooking(input);
    const policy = await loadVisiblePolicy(policies, tenantId, input.body.policyId);
    await withRecorded(policy);
    const year = yearOf(input.body.receivedOn);
    const receiptId = newId();
    const received = await untilBooked(async () => {
      const [ledger, receivedSoFar] = await Promise.all([fees.year(tenantId, year), fees.policyReceipts(tenantId, policy.id)]);
      const change = receive(input.body, { ...attempt(), receiptId, policy, received: receivedSoFar, ledger });
      await fees.recordReceipt(change);
      return change;
    });
    return { body: { receipt: received.receipt, entry: received.entry } };
  },
});
