import { claimSchema } from '../../../domain/claims/claim.js';
import { recordPayout as record } from '../../../domain/claims/claim.rules.js';
import { recordPayoutBody } from '../../../domain/claims/claim.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { claimsRoot } from './composition-root.js';
import { loadClaim } from './load-claim.js';
import { claimIdParams } from './schemas.js';

/** CLM-1: money paid on a decided claim, dated; all payouts together within the payable. */
export const recordPayout = defineRoute({
  method: 'POST',
  path: '/api/v1/claims/{claimId}/payouts',
  access: INSURER,
  summary: 'Record a payout on a decided claim (CLM-1)',
  tags: ['claims'],
  params: claimIdParams,
  body: recordPayoutBody,
  response: claimSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { claims, claim } = await loadClaim(tenantId, input.params.claimId);
    const paid = record(claim, input.body, userId, claimsRoot().clock.now());
    await claims.save(paid, claim.version);
    return { body: paid.state };
  },
});
