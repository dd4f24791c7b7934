import { NotFound } from '../../../domain/kernel/errors.js';
import { monitoringRoot } from './composition-root.js';

/** The tenant's alarm; another tenant's answers 404 like a missing one (ACL-1). */
export async function loadAlarm(tenantId: string, alarmId: string) {
  const { monitoring } = await monitoringRoot().forTenant(tenantId);
  const alarm = await monitoring.getAlarm(tenantId, alarmId);
  if (!alarm || alarm.tenantId !== tenantId) throw new NotFound('alarm');
  return { monitoring, alarm };
}
