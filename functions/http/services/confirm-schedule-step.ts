import type { ConfirmScheduleInput } from '../../../domain/services/service.schema.js';
import { confirmSchedule } from '../../../domain/services/service-schedule.rules.js';
import type { ServiceRepository } from '../../../domain/services/service.repository.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { servicesRoot } from './composition-root.js';

/**
 * SVC-5: the schedule agreed — recorded by the insurer (confirm-schedule.ts) or confirmed by the enterprise
 * itself (confirm-my-schedule.ts, ACL-5): one step for both, saved against the loaded version (412 if stale).
 */
export async function confirmScheduleStep(
  services: ServiceRepository,
  service: PreventionService,
  body: ConfirmScheduleInput,
  recordedBy: 'INSURER' | 'ENTERPRISE',
  by: string,
): Promise<PreventionService> {
  const { state: confirmed, events } = confirmSchedule(service, body, { recordedBy, now: servicesRoot().clock.now(), by });
  await services.saveService(confirmed, service.version, events);
  return confirmed;
}
