import { claimSchema } from '../../../domain/claims/claim.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { claimsRoot } from './composition-root.js';
import { myClaimsQuery } from './schemas.js';

/** ACL-5: the enterprise's own claims across insurers, with each decision and its reason (CLM-1). */
export const listMyClaims = defineRoute({
  method: 'GET',
  path: '/api/v1/me/claims',
  access: ENTERPRISE,
  summary: "The enterprise's own claims across insurers",
  tags: ['enterprise'],
  query: myClaimsQuery,
  response: pageOf(claimSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const page = await (await claimsRoot().forEnterprise(uscc)).listByEnterprise(uscc, { limit: input.query.limit, cursor: input.query.cursor, withTotal: true });
    return { body: page };
  },
});
