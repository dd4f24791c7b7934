import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { generatedPolicyNumber, type PolicyNumbering } from '../../../domain/underwriting/policy-number.js';
import { issuePolicy as issue } from '../../../domain/underwriting/issue.rules.js';
import { issuePolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import { withNextSequence } from '../numbered.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { eligibilityOn } from './eligibility-on.js';
import { enterpriseSnapshot } from './enterprise-snapshot.js';

/**
 * UW-1..10: issue a policy. Everything the rules need is looked up first — the register's entry (REG-1,
 * UW-3), the insurer's eligibility today and its filed product (UW-8, UW-7), the platform's tenants and every co-insurer's eligibility (UW-6),
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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, platform, clock, newId, ruleSets } = underwritingRoot();
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
    // UW-6, UW-8: every co-insurer a tenant of the platform is checked as MEMBER on the same day (QUAL-1, 2, 4,
    // 5, 6, BLK-1). Its filing is read with that tenant's own scoped credentials: the platform, not the lead,
    // reads it, and only the computed eligibility reaches the decision. Unknown ids are refused by UW-6 first.
    const coinsurers = input.body.mode === 'COINSURANCE'
      ? [...new Set((input.body.members ?? []).filter((member) => !member.lead && knownTenantIds.has(member.tenantId)).map((member) => member.tenantId))]
      : [];
    const [enterprisePolicies, memberResults] = await Promise.all([
      policies.listByEnterpriseForTenant(tenantId, input.body.enterpriseUscc, input.body.periodStart),
      Promise.all(coinsurers.map(async (memberId) => [memberId, (await eligibilityOn(memberId, today, 'MEMBER')).result] as const)),
    ]);
    const id = newId(now);
    const versions = await ruleSets.versions();
    // UW-1 (issue 15): no typed number (a migrated paper policy has one) → the platform's AZ-<year>-<insurer code>-<seq>.
    const insurerUscc = input.body.policyNumber === undefined ? (await platform.getTenant(tenantId))?.uscc : undefined;
    const year = Number(today.slice(0, 4));
    const issueWith = async (numbering?: PolicyNumbering) => {
      const { state: policy, events } = issue(input.body, {
        id,
        tenantId,
        by: userId,
        now,
        ruleSets: versions,
        enterprise,
        eligibility: eligibility.result,
        ...(input.body.mode === 'COINSURANCE' ? { memberEligibility: new Map(memberResults) } : {}),
        filedProduct: eligibility.filing?.filedProduct,
        knownTenantIds,
        enterprisePolicies,
        ...(numbering && insurerUscc ? { generatedPolicyNumber: generatedPolicyNumber({ year, insurerUscc, sequence: numbering.sequence }) } : {}),
      });
      await policies.create(policy, events, numbering);
      return { body: policy };
    };
    if (insurerUscc === undefined) return issueWith();
    return withNextSequence(() => policies.policyNumberSequence(tenantId, year), (sequence) => issueWith({ year, sequence }));
  },
});
