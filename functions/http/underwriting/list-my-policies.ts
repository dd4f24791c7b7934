import { ENTERPRISE } from '../../../domain/identity/access.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf, pageQuery } from '../zod.js';
import { underwritingRoot } from './composition-root.js';

/** ACL-5: an enterprise sees its own policies, across insurers. */
export const listMyPolicies = defineRoute({
  method: 'GET',
  path: '/api/v1/me/policies',
  access: ENTERPRISE,
  summary: "The enterprise's own policies across insurers",
  tags: ['enterprise'],
  query: z.object(pageQuery),
  response: pageOf(policySchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    return { body: await (await underwritingRoot().forEnterprise(uscc)).listByEnterprise(uscc, { ...input.query, withTotal: true }) };
  },
});
