import { verifyHazard as verify } from '../../../domain/services/hazard.rules.js';
import { evidenceUploadBody, hazardSchema, rectificationBody, verifyHazardBody } from '../../../domain/services/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { loadHazard, serviceDeps } from './deps.js';
import { hazardEvidenceUpload, rectifyHazard } from './hazard-steps.js';
import { hazardIdParams, listHazardsQuery, uploadTicketAnswer } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

export const listHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/hazards',
  access: INSURER,
  summary: "The insurer's hazards found, newest first, by status, grade or service (SVC-7)",
  tags: ['services'],
  query: listHazardsQuery,
  response: pageOf(hazardSchema),
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { services } = await serviceDeps().forTenant(tenantId);
    const { limit, cursor, status, grade, serviceId } = input.query;
    return { body: await services.listHazards(tenantId, { limit, cursor, status, grade, serviceId }) };
  },
});

export const getHazard = defineRoute({
  method: 'GET',
  path: '/api/v1/hazards/{hazardId}',
  access: INSURER,
  summary: 'One hazard with its notice, rectification and verifications',
  tags: ['services'],
  params: hazardIdParams,
  response: hazardSchema,
  async handle(input) {
    return { body: (await loadHazard(callerOf(input).tenantId as string, input.params.hazardId)).hazard };
  },
});

export const hazardEvidenceUploadRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/hazards/{hazardId}/evidence-uploads',
  access: INSURER,
  summary: 'A ticket to upload one closure-evidence file straight to the archive (SVC-7, SVC-13)',
  tags: ['services'],
  params: hazardIdParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, hazard } = await loadHazard(caller.tenantId as string, input.params.hazardId);
    return { body: await hazardEvidenceUpload(tenant.services, hazard, input.body, caller.userId) };
  },
});

export const recordRectification = defineRoute({
  method: 'POST',
  path: '/api/v1/hazards/{hazardId}/rectification',
  access: INSURER,
  summary: "Record the enterprise's rectification plan or closure on its behalf (SVC-7)",
  tags: ['services'],
  params: hazardIdParams,
  body: rectificationBody,
  response: hazardSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, hazard } = await loadHazard(caller.tenantId as string, input.params.hazardId);
    return { body: await rectifyHazard(tenant.services, hazard, input.body, caller.userId) };
  },
});

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
    const caller = callerOf(input);
    const { tenant, hazard } = await loadHazard(caller.tenantId as string, input.params.hazardId);
    const updated = verify(hazard, input.body, { now: serviceDeps().clock.now(), by: caller.userId });
    await tenant.services.saveHazard(updated, hazard.version, updated.status === 'VERIFIED' ? 'services.hazard.verified' : 'services.hazard.reopened');
    return { body: updated };
  },
});
