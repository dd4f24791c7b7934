import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { policyFactsOf } from '../../../domain/services/policy-facts.js';
import { scheduleServiceBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { scheduleService as schedule } from '../../../domain/services/service-schedule.rules.js';
import { generatedServiceNumber } from '../../../domain/services/service-number.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { withNextSequence } from '../numbered.js';
import { servicesRoot } from './composition-root.js';
import { loadPolicy } from './load-policy.js';

/**
 * SVC-4, SVC-5, SVC-6: a service scheduled on one of the lead insurer's policies, tied to a line of its agreed
 * plan. The provider and experts are read
 * from the city EMB's registers (REG-2, REG-3) through their port; an unregistered or unusable one is a 409.
 */
export const scheduleService = defineRoute({
  method: 'POST',
  path: '/api/v1/services',
  access: INSURER,
  summary: 'Schedule a prevention service on a policy (SVC-5; provider and experts registered: SVC-6)',
  tags: ['services'],
  body: scheduleServiceBody,
  response: serviceSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, policy } = await loadPolicy(tenantId, input.body.policyId, { lead: true });
    const { registers, clock, newId, tenants } = servicesRoot();
    const orgId = input.body.provider.orgId;
    const [org, experts, plan] = await Promise.all([
      orgId === undefined ? undefined : registers.getServiceOrg(orgId),
      registers.getExperts(input.body.expertIds),
      tenant.plans.getPlan(tenantId, policy.id),
    ]);
    const now = clock.now();
    const id = newId(now);
    const year = Number(todayOf(clock).slice(0, 4));
    // SVC-5 (issue 15): every new service gets its 服务编号 FW-<year>-<insurer code>-<seq>, taken in its own transaction.
    const insurerUscc = (await tenants.getTenant(tenantId))?.uscc;
    const scheduleWith = async (sequence?: number) => {
      const numbering = sequence === undefined ? undefined : { year, sequence };
      const { state: service, events } = schedule(input.body, {
        id,
        policy: policyFactsOf(policy),
        ...(org ? { org } : {}),
        experts,
        ...(plan ? { plan } : {}),
        now,
        by: userId,
        ...(numbering && insurerUscc ? { serviceNumber: generatedServiceNumber({ ...numbering, insurerUscc }) } : {}),
      });
      await tenant.services.createService(service, events, numbering);
      return { body: service };
    };
    if (insurerUscc === undefined) return scheduleWith();
    return withNextSequence(() => tenant.services.serviceNumberSequence(tenantId, year), scheduleWith);
  },
});
