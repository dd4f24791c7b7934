import { claimSchema } from '../../../domain/claims/claim.js';
import { decideClaim as decide } from '../../../domain/claims/claim.rules.js';
import { decideClaimBody } from '../../../domain/claims/claim.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { claimsRoot } from './composition-root.js';
import { loadClaim } from './load-claim.js';
import { claimIdParams } from './schemas.js';

/** CLM-1: pay in full, in part or decline — a cut or a decline with a listed reason and its text (无正当理由不得拒赔). */
export const decideClaim = defineRoute({
  method: 'POST',
  path: '/api/v1/claims/{claimId}/decide',
  access: INSURER,
  summary: 'Decide a claim: payable per person; a cut or a decline states its reason (CLM-1)',
  tags: ['claims'],
  params: claimIdParams,
  body: decideClaimBody,
  response: claimSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { claims, claim } = await loadClaim(tenantId, input.params.claimId);
    const decided = decide(claim, input.body, userId, claimsRoot().clock.now());
    await claims.save(decided, claim.version);
    return { body: decided.state };
  },
});
