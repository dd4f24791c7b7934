import { claimSchema } from '../../../domain/claims/claim.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { claimsRoot } from './composition-root.js';
import { claimIdParams } from './schemas.js';

/** ACL-5: one of the enterprise's claims with the decision's reason (CLM-1); another's answers 404. */
export const getMyClaim = defineRoute({
  method: 'GET',
  path: '/api/v1/me/claims/{claimId}',
  access: ENTERPRISE,
  summary: "One of the enterprise's claims, with the decision and its reason",
  tags: ['enterprise'],
  params: claimIdParams,
  response: claimSchema,
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const claim = await (await claimsRoot().forEnterprise(uscc)).getForEnterprise(uscc, input.params.claimId);
    if (!claim) throw new NotFound('claim');
    return { body: claim };
  },
});
