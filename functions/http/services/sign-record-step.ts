import type { ConfirmRecordInput } from '../../../domain/services/service.schema.js';
import { confirmRecord } from '../../../domain/services/service-sign-off.rules.js';
import type { ServiceRepository } from '../../../domain/services/service.repository.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { servicesRoot } from './composition-root.js';

/**
 * SVC-9, SVC-13: one party's signature on the record — recorded by the insurer (confirm-service-record.ts) or
 * signed by the enterprise itself (confirm-my-record.ts, ACL-5): one step for both; CONFIRMED once both signed.
 */
export async function signRecordStep(
  services: ServiceRepository,
  service: PreventionService,
  body: ConfirmRecordInput,
  by: string,
): Promise<PreventionService> {
  const { state: signed, events } = confirmRecord(service, body, { now: servicesRoot().clock.now(), by });
  await services.saveService(signed, service.version, events);
  return signed;
}
