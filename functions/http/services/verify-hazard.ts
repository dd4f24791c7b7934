import { INSURER } from '../../../domain/identity/access.js';
import { hazardSchema, verifyHazardBody } from '../../../domain/services/hazard.schema.js';
import { verifyHazard as verify } from '../../../domain/services/hazard.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadHazard } from './load-hazard.js';
import { hazardIdParams } from './schemas.js';

export const verifyHazard = defineRoute({
  method: 'POST',
  path: '/api/v1/hazards/{hazardId}/verify',
  access: INSURER,
  summary: 'Verify a rectified hazard, or send it back to rectification (SVC-7)',
  tags: ['services'],
  params: hazardIdParams,
  body: verifyHazardBody,
  response: hazardSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, hazard } = await loadHazard(tenantId, input.params.hazardId);
    const { state: verified, events } = verify(hazard, input.body, { now: servicesRoot().clock.now(), by: userId });
    await tenant.hazards.saveHazard(verified, hazard.version, events);
    return { body: verified };
  },
});
