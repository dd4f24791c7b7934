import { Forbidden, NotFound } from '../../../domain/kernel/errors.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { isWritableBy, type Policy } from '../../../domain/underwriting/policy.js';
import { cancelPolicy as cancel, endorsePolicy as endorse, issuePolicy as issue } from '../../../domain/underwriting/policy.rules.js';
import {
  cancelPolicyBody,
  endorsePolicyBody,
  issuePolicyBody,
  policyListFilterSchema,
  policySchema,
} from '../../../domain/underwriting/schemas.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf, pageQuery, idParam } from '../zod.js';
import { eligibilityOn, enterpriseSnapshot, todayOf, underwritingDeps } from './deps.js';
import { ENTERPRISE, INSURER } from '../../../domain/identity/access.js';

const policyIdParams = z.object({ policyId: idParam });
const listQuery = z.extend(policyListFilterSchema, { ...pageQuery, shared: z.optional(z.enum(['true', 'false'])) });

/**
 * UW-1..10: issue a policy. Everything the rules need is looked up first — the register's entry (REG-1,
 * UW-3), the insurer's eligibility today and its filed product (UW-8, UW-7), the platform's tenants (UW-6),
 * the enterprise's policies with this insurer (UW-9) — then the domain decides, and one transaction stores the
 * policy, its number guard and `underwriting.policy.issued`.
 */
export const issuePolicy = defineRoute({
  method: 'POST',
  path: '/api/v1/policies',
  access: INSURER,
  summary: 'Issue a 安责险 policy (UW-1..10); refusals name the rule and the field',
  tags: ['underwriting'],
  body: issuePolicyBody,
  response: policySchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { forTenant, platform, clock, newId } = underwritingDeps();
    const now = clock.now();
    const today = todayOf(clock);
    const role = input.body.mode === 'COINSURANCE' ? 'LEAD' : 'INDEPENDENT';
    // UW-6 needs the platform's tenants only to check co-insurance members; an independent policy's sole
    // member is the issuer, so its request skips that Query.
    const [{ policies }, enterprise, eligibility, knownTenantIds] = await Promise.all([
      forTenant(tenantId),
      enterpriseSnapshot(input.body.enterpriseUscc),
      eligibilityOn(tenantId, today, role),
      input.body.mode === 'COINSURANCE'
        ? platform.listTenants({ limit: 100 }).then((page) => new Set(page.items.map((tenant) => tenant.id)))
        : Promise.resolve(new Set([tenantId])),
    ]);
    const enterprisePolicies = await policies.listByEnterpriseForTenant(tenantId, input.body.enterpriseUscc, input.body.periodStart);
    const policy = issue(input.body, {
      id: newId(now),
      tenantId,
      by: caller.userId,
      now,
      ruleSets: PUBLISHED_RULE_SETS,
      enterprise,
      eligibility: eligibility.result,
      filedProduct: eligibility.filing?.filedProduct,
      knownTenantIds,
      enterprisePolicies,
    });
    await policies.create(policy);
    return { body: policy };
  },
});

export const listPolicies = defineRoute({
  method: 'GET',
  path: '/api/v1/policies',
  access: INSURER,
  summary: 'The insurer’s policies (shared=true: co-insured policies led by another insurer, read-only)',
  tags: ['underwriting'],
  query: listQuery,
  response: pageOf(policySchema),
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { policies } = await underwritingDeps().forTenant(tenantId);
    const { shared, ...query } = input.query;
    const page = shared === 'true' ? await policies.listVisibleToMember(tenantId, query) : await policies.listByTenant(tenantId, query);
    return { body: page };
  },
});

export const getPolicy = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}',
  access: INSURER,
  summary: 'One policy the insurer issued or co-insures (ACL-1)',
  tags: ['underwriting'],
  params: policyIdParams,
  response: policySchema,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { policies } = await underwritingDeps().forTenant(tenantId);
    const policy = await policies.getVisible(tenantId, input.params.policyId);
    if (!policy) throw new NotFound('policy');
    return { body: policy };
  },
});

/** The lead's own policy for a change; a co-insurance member's copy is readable but answers 403 to writes (ACL-1). */
async function ownPolicy(tenantId: string, policyId: string) {
  const { policies } = await underwritingDeps().forTenant(tenantId);
  const visible = await policies.getVisible(tenantId, policyId);
  if (!visible) throw new NotFound('policy');
  if (!isWritableBy(visible, tenantId)) throw new Forbidden('ACL-1: a co-insured policy is writable by the lead insurer only');
  return { policies, policy: visible };
}

export const endorsePolicy = defineRoute({
  method: 'POST',
  path: '/api/v1/policies/{policyId}/endorsements',
  access: INSURER,
  summary: 'Endorse a policy: staff count, insured amount, death limit or period end (UW-3, UW-4, UW-9)',
  tags: ['underwriting'],
  params: policyIdParams,
  body: endorsePolicyBody,
  response: policySchema,
  async handle(input) {
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { policies, policy } = await ownPolicy(tenantId, input.params.policyId);
    const [enterprise, enterprisePolicies] = await Promise.all([
      input.body.employeesCovered === undefined ? Promise.resolve(undefined) : enterpriseSnapshot(policy.enterprise.uscc),
      input.body.periodEnd === undefined ? Promise.resolve(undefined) : policies.listByEnterpriseForTenant(tenantId, policy.enterprise.uscc, policy.periodStart),
    ]);
    const endorsed: Policy = endorse(policy, input.body, {
      by: caller.userId,
      now: underwritingDeps().clock.now(),
      ruleSets: PUBLISHED_RULE_SETS,
      ...(input.body.employeesCovered === undefined ? {} : { enterprise }),
      ...(enterprisePolicies ? { enterprisePolicies } : {}),
    });
    await policies.save(endorsed, policy.version);
    return { body: endorsed };
  },
});

export const cancelPolicy = defineRoute({
  method: 'POST',
  path: '/api/v1/policies/{policyId}/cancel',
  access: INSURER,
  summary: 'Cancel a policy from a day on (never back-dated)',
  tags: ['underwriting'],
  params: policyIdParams,
  body: cancelPolicyBody,
  response: policySchema,
  async handle(input) {
    const caller = callerOf(input);
    const { policies, policy } = await ownPolicy(caller.tenantId as string, input.params.policyId);
    const cancelled = cancel(policy, input.body, underwritingDeps().clock.now(), caller.userId);
    await policies.save(cancelled, policy.version);
    return { body: cancelled };
  },
});

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
    const uscc = callerOf(input).uscc as string;
    return { body: await underwritingDeps().views.listByEnterprise(uscc, input.query) };
  },
});
