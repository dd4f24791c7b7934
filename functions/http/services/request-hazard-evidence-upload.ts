import { INSURER } from '../../../domain/identity/access.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { hazardEvidenceUploadStep } from './hazard-evidence-upload-step.js';
import { loadHazard } from './load-hazard.js';
import { hazardIdParams, uploadTicketAnswer } from './schemas.js';

export const hazardEvidenceUpload = defineRoute({
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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, hazard } = await loadHazard(tenantId, input.params.hazardId);
    return { body: await hazardEvidenceUploadStep(tenant.archives, hazard, input.body, userId) };
  },
});
