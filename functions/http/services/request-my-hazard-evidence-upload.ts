import { ENTERPRISE } from '../../../domain/identity/access.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { hazardEvidenceUploadStep } from './hazard-evidence-upload-step.js';
import { ownHazard } from './load-hazard.js';
import { hazardIdParams, uploadTicketAnswer } from './schemas.js';

export const myHazardEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/me/hazards/{hazardId}/evidence-uploads',
  access: ENTERPRISE,
  summary: 'A ticket to upload one closure-evidence file straight to the archive (SVC-7, SVC-13)',
  tags: ['enterprise'],
  params: hazardIdParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const hazard = await ownHazard(uscc, input.params.hazardId);
    const { archives } = await servicesRoot().forTenant(hazard.tenantId);
    return { body: await hazardEvidenceUploadStep(archives, hazard, input.body, userId) };
  },
});
