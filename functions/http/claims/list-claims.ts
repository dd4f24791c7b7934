import { claimSchema } from '../../../domain/claims/claim.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { claimsRoot } from './composition-root.js';
import { listClaimsQuery } from './schemas.js';

/** The insurer's claims, newest first, with their total; by status, outcome, or enterprise name / policy number. */
export const listClaims = defineRoute({
  method: 'GET',
  path: '/api/v1/claims',
  access: INSURER,
  summary: "The insurer's claims, newest first",
  tags: ['claims'],
  query: listClaimsQuery,
  response: pageOf(claimSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { claims } = await claimsRoot().forTenant(tenantId);
    const page = await claims.listByTenant(tenantId, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      withTotal: true,
      status: input.query.status,
      outcome: input.query.outcome,
      q: input.query.q,
    });
    return { body: page };
  },
});
