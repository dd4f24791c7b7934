import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { receivePremium as receive } from '../../../domain/fees/ledger.rules.js';
import { receivablePremiumFen } from '../../../domain/fees/premium-receipt.js';
import { premiumReceivedSchema, receivePremiumBody } from '../../../domain/fees/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { entryIdSuffix, feeDeps, untilBooked } from './deps.js';
import { policyPremiumSchema, receiptsQuery } from './schemas.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';

/** ACL-1: a policy this insurer issued or co-insures, or the same 404 whether missing or another's. */
async function visiblePolicy(tenantId: string, policyId: string) {
  const { fees, policies } = await feeDeps().forTenant(tenantId);
  const policy = await policies.getVisible(tenantId, policyId);
  if (!policy) throw new NotFound('policy');
  return { fees, policy };
}

/**
 * FEE-1, UW-5: premium received against a policy. Primary course: 1. load the policy (ACL-1: the insurer's
 * own or co-insured); 2. read the receipt year's counters and the policy's received counter; 3. the domain
 * checks the date, the share and the premium, computes premium ex-tax with the policy's VAT rate and the
 * accrual; 4. one transaction stores the receipt, its ACCRUAL, both counters, `fees.premium.received` and
 * `fees.entry.booked` — conditioned on both counters as read, so concurrent receipts never overshoot the
 * premium and never share a number; a lost race goes back to 2.
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
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { clock, newId, ruleSets } = feeDeps();
    const { fees, policy } = await visiblePolicy(tenantId, input.body.policyId);
    const year = yearOf(input.body.receivedOn);
    const receiptId = newId(clock.now());
    const received = await untilBooked(async () => {
      const [ledger, receivedSoFar] = await Promise.all([fees.year(tenantId, year), fees.policyReceipts(tenantId, policy.id)]);
      const now = clock.now();
      const change = receive(input.body, {
        tenantId,
        by: caller.userId,
        now,
        idSuffix: entryIdSuffix(now),
        ruleSets,
        receiptId,
        policy,
        received: receivedSoFar,
        ledger,
      });
      await fees.recordReceipt(change);
      return change;
    });
    return { body: { receipt: received.receipt, entry: received.entry } };
  },
});

/** FEE-1: the insurer's receipts on one policy, what it may receive on it and what is still outstanding. */
export const listPremiumReceipts = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/premium-receipts',
  access: FEE_BOOKING,
  summary: 'Premium received on a policy, receipt by receipt, against its premium (FEE-1)',
  tags: ['fees'],
  query: receiptsQuery,
  response: policyPremiumSchema,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { fees, policy } = await visiblePolicy(tenantId, input.query.policyId);
    const [received, items] = await Promise.all([fees.policyReceipts(tenantId, policy.id), fees.listReceipts(tenantId, policy.id)]);
    const receivable = receivablePremiumFen(policy, tenantId) ?? 0;
    const receivedFen = received?.receivedFen ?? 0;
    return {
      body: {
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        receivablePremiumFen: receivable,
        receivedFen,
        receivedExTaxFen: received?.receivedExTaxFen ?? 0,
        outstandingFen: Math.max(0, receivable - receivedFen),
        ...(received ? { received } : {}),
        items,
      },
    };
  },
});
