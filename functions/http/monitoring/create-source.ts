import { INSURER } from '../../../domain/identity/access.js';
import { instantOf } from '../../../domain/kernel/calendar/instant.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { publicSource, type MonitoringSource } from '../../../domain/monitoring/source.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { createSourceBody, sourceWithKeySchema } from './schemas.js';

/**
 * MON-2: the insurer registers a data source for the mine of one of its policies. The API key is answered once;
 * the source is scoped to that mine (the policy's enterprise) and this tenant.
 */
export const createSource = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/sources',
  access: INSURER,
  summary: "Register a mine's data source; its API key is shown once (MON-2)",
  tags: ['monitoring'],
  body: createSourceBody,
  response: sourceWithKeySchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, apiKeys, clock, newId } = monitoringRoot();
    const { monitoring, policies } = await forTenant(tenantId);
    const policy = await policies.get(tenantId, input.body.policyId);
    if (!policy) throw new NotFound('policy');
    const issued = apiKeys.issue();
    const now = clock.now();
    const source: MonitoringSource = {
      id: newId(now),
      tenantId,
      policyId: policy.id,
      uscc: policy.enterprise.uscc,
      enterpriseName: policy.enterprise.name,
      name: input.body.name,
      status: 'ACTIVE',
      keyPrefix: issued.keyPrefix,
      keyHash: issued.keyHash,
      thresholds: {},
      thresholdChanges: [],
      createdAt: instantOf(now),
      createdBy: userId,
      version: 1,
    };
    await monitoring.createSource(source);
    return { body: { source: publicSource(source), apiKey: issued.apiKey } };
  },
});
