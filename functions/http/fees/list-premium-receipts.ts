import { receivablePremiumFen } from '../../../domain/fees/premium-receipt.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';
import { loadVisiblePolicy } from './load-visible-policy.js';
import { policyPremiumSchema, receiptsQuery } from './schemas.js';

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
    const { tenantId } = callerOf(input, 'insurer');
    const { fees, policies } = await feesRoot().forTenant(tenantId);
    const policy = await loadVisiblePolicy(policies, tenantId, input.query.policyId);
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
