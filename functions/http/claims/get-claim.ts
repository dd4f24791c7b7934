import { claimSchema } from '../../../domain/claims/claim.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadClaim } from './load-claim.js';
import { claimIdParams } from './schemas.js';

/** ACL-1: one of the insurer's claims; another insurer's answers 404. */
export const getClaim = defineRoute({
  method: 'GET',
  path: '/api/v1/claims/{claimId}',
  access: INSURER,
  summary: 'One claim with its decision and payouts',
  tags: ['claims'],
  params: claimIdParams,
  response: claimSchema,
  async handle(input) {
    const { claim } = await loadClaim(callerOf(input, 'insurer').tenantId, input.params.claimId);
    return { body: claim };
  },
});
