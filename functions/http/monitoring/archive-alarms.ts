import { alarmArchiveSection, archivedWindowOf } from '../../../domain/monitoring/archive-section.js';
import { monitoringRoot } from './composition-root.js';

/**
 * MON-2, SVC-9, SVC-10: the alarms a service was made from (its duty-board inspection), as its archive keeps them —
 * each with the summary of its sensor's stored readings from its opening and its trail. Empty for a service made
 * otherwise, so every other archive document stays as it was.
 */
export async function alarmsForArchive(tenantId: string, serviceId: string): Promise<ReturnType<typeof alarmArchiveSection>[]> {
  const { monitoring } = await monitoringRoot().forTenant(tenantId);
  const alarms = await monitoring.alarmsOfService(tenantId, serviceId);
  return Promise.all(
    alarms.map(async (alarm) => {
      // A device's alarm (video AI) has no readings of its own; a zone's count is derived, not stored.
      const window = archivedWindowOf(alarm);
      const readings = alarm.kind === 'VIDEO_ALARM' ? [] : await monitoring.readingsOf(tenantId, alarm.sourceId, alarm.sensorId, window.fromMs, window.toMs);
      return alarmArchiveSection(alarm, readings);
    }),
  );
}
