import { INSURER } from '../../../domain/identity/access.js';
import { policyListFilterSchema } from '../../../domain/underwriting/policy-commands.schema.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf, pageQuery, searchParam } from '../zod.js';
import { underwritingRoot } from './composition-root.js';

const listQuery = z.extend(policyListFilterSchema, { ...pageQuery, shared: z.optional(z.enum(['true', 'false'])), q: searchParam });

/**
 * ACL-1: the insurer's own policies, or (shared=true) the co-insured ones another insurer leads, read only.
 * Issue 15: `q` finds an enterprise name, USCC or policy number; the first page carries the total.
 */
export const listPolicies = defineRoute({
  method: 'GET',
  path: '/api/v1/policies',
  access: INSURER,
  summary: 'The insurer’s policies (shared=true: co-insured policies led by another insurer, read-only)',
  tags: ['underwriting'],
  query: listQuery,
  response: pageOf(policySchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { policies } = await underwritingRoot().forTenant(tenantId);
    const { shared, ...filters } = input.query;
    const query = { ...filters, withTotal: true };
    const page = shared === 'true' ? await policies.listVisibleToMember(tenantId, query) : await policies.listByTenant(tenantId, query);
    return { body: page };
  },
});
