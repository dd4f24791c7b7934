import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { issueUpload } from './evidence.js';
import { loadService, ruleSetOf } from './load-service.js';
import { serviceIdParams, uploadTicketAnswer } from './schemas.js';

/** SVC-13: a ticket for one evidence file of the record being written. */
export const serviceEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/evidence-uploads',
  access: INSURER,
  summary: 'A ticket to upload one evidence file straight to the write-once archive (SVC-13)',
  tags: ['services'],
  params: serviceIdParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    // Evidence belongs to the record being written: once completed, the record's evidence is fixed.
    if (service.status !== 'SCHEDULED' && service.status !== 'SCHEDULE_CONFIRMED') {
      throw new RuleViolation('SVC-13', 'serviceId', `SVC-13: service ${service.id} is ${service.status}; its evidence was fixed when it was completed`, 409);
    }
    const answer = await issueUpload(tenant.archives, {
      tenantId,
      subject: { kind: 'SERVICE', id: service.id },
      body: input.body,
      ruleSet: await ruleSetOf(service),
      by: userId,
    });
    return { body: answer };
  },
});
