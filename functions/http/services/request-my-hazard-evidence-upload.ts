import { ENTERPRISE } from '../../../domain/identity/access.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ownHazardAtInsurer } from './enterprise-insurer.js';
import { hazardEvidenceUploadStep } from './hazard-evidence-upload-step.js';
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
    const { tenant: { archives }, hazard } = await ownHazardAtInsurer(uscc, input.params.hazardId);
    return { body: await hazardEvidenceUploadStep(archives, hazard, input.body, userId) };
  },
});
