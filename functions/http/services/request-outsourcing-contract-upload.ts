import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { issueUpload } from './evidence.js';
import { loadService, ruleSetOf } from './load-service.js';
import { serviceIdParams, uploadTicketAnswer } from './schemas.js';

/**
 * SVC-10, REG-2 (issue 18): a ticket to upload the outsourcing contract (委托服务合同) of a service a registered
 * third-party organisation delivers — straight to the write-once archive (../upload-ticket.ts), then archived
 * into the enterprise's folder by `POST /services/{serviceId}/outsourcing-contracts`. A service the insurer
 * delivers itself has no such contract (409 SVC-10 `serviceId`).
 */
export const requestOutsourcingContractUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/outsourcing-contract-uploads',
  access: INSURER,
  summary: "A ticket to upload a third-party service's outsourcing contract to the write-once archive (SVC-10, REG-2)",
  tags: ['services'],
  params: serviceIdParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    requireThirdParty(service);
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

/** SVC-10: only a service a third-party organisation (REG-2) delivers has an outsourcing contract. */
export function requireThirdParty(service: { readonly id: string; readonly provider: { readonly kind: string } }): void {
  if (service.provider.kind !== 'THIRD_PARTY') {
    throw new RuleViolation('SVC-10', 'serviceId', `SVC-10: service ${service.id} is delivered by the insurer itself; only a third-party organisation's service has an outsourcing contract`, 409);
  }
}
