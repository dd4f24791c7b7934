import { policyFactsOf, scheduleService as schedule } from '../../../domain/services/lifecycle.js';
import { scheduleServiceBody, serviceSchema } from '../../../domain/services/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadPolicy, serviceDeps } from './deps.js';
import { INSURER } from '../../../domain/identity/access.js';

/**
 * SVC-5, SVC-6: a service scheduled on one of the lead insurer's policies. The provider and experts are read
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
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { tenant, policy } = await loadPolicy(tenantId, input.body.policyId, { lead: true });
    const { registers, clock, newId } = serviceDeps();
    const orgId = input.body.provider.orgId;
    const [org, experts] = await Promise.all([
      orgId === undefined ? undefined : registers.getServiceOrg(orgId),
      registers.getExperts(input.body.expertIds),
    ]);
    const now = clock.now();
    const service = schedule(input.body, {
      id: newId(now),
      policy: policyFactsOf(policy),
      ...(org ? { org } : {}),
      experts,
      now,
      by: caller.userId,
    });
    await tenant.services.createService(service);
    return { body: service };
  },
});
