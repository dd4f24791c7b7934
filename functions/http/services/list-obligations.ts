import * as z from 'zod/mini';
import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { evaluateObligations, policyForObligations, serviceForObligations } from '../../../domain/services/obligations-engine.js';
import { currentPoliciesFrom, obligationFilterSchema, obligationRows } from '../../../domain/services/obligations-list.js';
import { requirementSchema } from '../../../domain/services/obligations.schema.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageQuery } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { ruleSetFor } from './load-policy.js';

/**
 * The most current policies one request evaluates. Xinzhou's mandatory register holds a few thousand enterprises
 * shared among the insurers, so one insurer's current policies fit; beyond it the answer says `truncated`.
 */
export const MAX_CURRENT_POLICIES = 2_000;
/** Services Queries in flight at once: one per policy, so many policies do not open hundreds of requests together. */
const PARALLEL_QUERIES = 16;

const rowSchema = z.extend(requirementSchema, {
  status: z.enum(['OPEN', 'OVERDUE']),
  policyId: z.string(),
  policyNumber: z.string(),
  enterpriseUscc: z.string(),
  enterpriseName: z.string(),
  planMissing: z.boolean().check(z.meta({ description: 'SVC-4: the policy has no agreed plan' })),
});

const listObligationsQuery = z.object({
  status: z._default(obligationFilterSchema, 'all'),
  limit: pageQuery.limit,
  cursor: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'cursor: not a cursor of this list'))),
});

/**
 * SVC-11 (issue 15): every obligation the insurer still owes across its current policies — filter `overdue`,
 * `due-soon` (open, due within 30 days) or `all` — sorted by days left, each row naming its policy and enterprise.
 *
 * Read plan, per request: the policies the insurer leads that started in the last 367 days (UW-1: a policy covers
 * at most a year, so older ones have ended) from GSI4 by period start (one Query page per 100 policies); their plans
 * in one BatchGetItem per 100; and each policy's services, one Query each (GSI4 of services, at most 16 in flight)
 * — the same reads as one policy's obligations, once per current policy, never a scan. The engine then evaluates
 * them all (100,000 policies in well under a second), so the whole list is sorted and filtered before paging;
 * the cursor is the next row's position in it, and `total` counts the rows of the filter. At most
 * {@link MAX_CURRENT_POLICIES} policies are read (`truncated` then says so).
 */
export const listObligations = defineRoute({
  method: 'GET',
  path: '/api/v1/obligations',
  access: INSURER,
  summary: 'SVC-11: obligations still owed across the insurer’s current policies, by days left',
  tags: ['services'],
  query: listObligationsQuery,
  response: z.object({
    items: z.array(rowSchema),
    nextCursor: z.optional(z.string()),
    total: z.int(),
    truncated: z.boolean().check(z.meta({ description: `More than ${MAX_CURRENT_POLICIES} current policies: only the newest were read` })),
  }),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = servicesRoot();
    const tenant = await root.forTenant(tenantId);
    const today = todayOf(root.clock);
    const { policies, more } = await tenant.obligations.policiesStarting(tenantId, currentPoliciesFrom(today), today, MAX_CURRENT_POLICIES);
    const plans = await tenant.obligations.plansOf(tenantId, policies.map((policy) => policy.id));
    const evaluated = await inBatches(policies, PARALLEL_QUERIES, async (policy: Policy) => {
      const services = await tenant.services.servicesOfPolicy(tenantId, policy.id);
      const status = evaluateObligations(policyForObligations(policy), plans.get(policy.id), services.map(serviceForObligations), await ruleSetFor(policy), today);
      return { policy, status };
    });
    const rows = obligationRows(evaluated, input.query.status);
    const start = input.query.cursor === undefined ? 0 : Number(input.query.cursor);
    const end = start + input.query.limit;
    return {
      body: {
        items: rows.slice(start, end),
        ...(end < rows.length ? { nextCursor: String(end) } : {}),
        total: rows.length,
        truncated: more,
      },
    };
  },
});

/** Maps `items` with at most `parallel` calls in flight, keeping their order. */
async function inBatches<T, R>(items: readonly T[], parallel: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
