import { confirmRecord, type SignatureInput } from '../../../domain/services/service-sign-off.rules.js';
import type { ServiceRepository } from '../../../domain/services/service.repository.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { servicesRoot } from './composition-root.js';

/**
 * SVC-9, SVC-13: one party's signature on the record, each through its own login — the insurer's
 * (confirm-service-record.ts) and the enterprise's (confirm-my-record.ts, ACL-5): one step for both; CONFIRMED
 * once both signed.
 */
export async function signRecordStep(
  services: ServiceRepository,
  service: PreventionService,
  body: SignatureInput,
  by: string,
): Promise<PreventionService> {
  const { state: signed, events } = confirmRecord(service, body, { now: servicesRoot().clock.now(), by });
  await services.saveService(signed, service.version, events);
  return signed;
}
