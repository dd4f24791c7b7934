import { cancelService as cancel, confirmRecord, confirmSchedule as confirm, recordFollowUp } from '../../../domain/services/lifecycle.js';
import {
  cancelServiceBody,
  confirmRecordBody,
  confirmScheduleBody,
  evidenceUploadBody,
  followUpBody,
  serviceSchema,
} from '../../../domain/services/schemas.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { ConfirmRecordInput, ConfirmScheduleInput } from '../../../domain/services/inputs.js';
import type { ServiceRepository } from '../../../domain/services/service.repository.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadService, ruleSetOf, serviceDeps } from './deps.js';
import { issueUpload } from './evidence.js';
import { serviceIdParams, uploadTicketAnswer } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

/**
 * The insurer's steps on a service after scheduling (SVC-5, SVC-8, SVC-9, SVC-13). Each loads the service,
 * applies the rule and saves against the loaded version: a concurrent change answers 412, an illegal
 * transition 409 from the rule.
 */

/** SVC-5: the schedule agreed — recorded by the insurer or confirmed by the enterprise itself (ACL-5). */
export async function confirmScheduleStep(
  repository: ServiceRepository,
  service: PreventionService,
  body: ConfirmScheduleInput,
  recordedBy: 'INSURER' | 'ENTERPRISE',
  by: string,
): Promise<PreventionService> {
  const updated = confirm(service, body, { recordedBy, now: serviceDeps().clock.now(), by });
  await repository.saveService(updated, service.version, 'services.service.schedule_confirmed');
  return updated;
}

/** SVC-9, SVC-13: one party's signature; `confirmed` once both have signed, `signed` before. */
export async function signRecordStep(repository: ServiceRepository, service: PreventionService, body: ConfirmRecordInput, by: string): Promise<PreventionService> {
  const updated = confirmRecord(service, body, { now: serviceDeps().clock.now(), by });
  await repository.saveService(updated, service.version, updated.status === 'CONFIRMED' ? 'services.service.confirmed' : 'services.service.signed');
  return updated;
}

export const confirmSchedule = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/confirm-schedule',
  access: INSURER,
  summary: "Record the enterprise's agreement to the items, measures and time (SVC-5)",
  tags: ['services'],
  params: serviceIdParams,
  body: confirmScheduleBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, service } = await loadService(caller.tenantId as string, input.params.serviceId);
    return { body: await confirmScheduleStep(tenant.services, service, input.body, 'INSURER', caller.userId) };
  },
});

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
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    // Evidence belongs to the record being written: once completed, the record's evidence is fixed.
    if (service.status !== 'SCHEDULED' && service.status !== 'SCHEDULE_CONFIRMED') {
      throw new RuleViolation('SVC-13', 'serviceId', `SVC-13: service ${service.id} is ${service.status}; its evidence was fixed when it was completed`, 409);
    }
    const answer = await issueUpload(tenant.services, {
      tenantId,
      subject: { kind: 'SERVICE', id: service.id },
      body: input.body,
      ruleSet: ruleSetOf(service),
      by: caller.userId,
    });
    return { body: answer };
  },
});

export const followUpService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/follow-up',
  access: INSURER,
  summary: 'Record the follow-up (回访) within 10 working days (SVC-8)',
  tags: ['services'],
  params: serviceIdParams,
  body: followUpBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, service } = await loadService(caller.tenantId as string, input.params.serviceId);
    const updated = recordFollowUp(service, input.body, { now: serviceDeps().clock.now(), by: caller.userId });
    await tenant.services.saveService(updated, service.version, 'services.service.followed_up');
    return { body: updated };
  },
});

export const confirmServiceRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/confirm',
  access: INSURER,
  summary: "Record a party's signature on the record; CONFIRMED once both have signed (SVC-9, SVC-13)",
  tags: ['services'],
  params: serviceIdParams,
  body: confirmRecordBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, service } = await loadService(caller.tenantId as string, input.params.serviceId);
    return { body: await signRecordStep(tenant.services, service, input.body, caller.userId) };
  },
});

export const cancelService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/cancel',
  access: INSURER,
  summary: 'Cancel a service not yet performed',
  tags: ['services'],
  params: serviceIdParams,
  body: cancelServiceBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { tenant, service } = await loadService(caller.tenantId as string, input.params.serviceId);
    const updated = cancel(service, input.body.reason, { now: serviceDeps().clock.now(), by: caller.userId });
    await tenant.services.saveService(updated, service.version, 'services.service.cancelled');
    return { body: updated };
  },
});
