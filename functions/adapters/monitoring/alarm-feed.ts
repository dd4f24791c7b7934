import { addDays, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import type { EnterpriseAlarmViews } from '../../../domain/monitoring/monitoring.repository.js';
import { NO_MONITORING_DATA, type MonitoringAlarms, type MonitoringAlarmSource } from '../../../domain/services/monitoring.port.js';

/** The instant an Asia/Shanghai day starts (UTC+8, no daylight saving). */
const startOf = (day: LocalDate): string => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();

/**
 * SVC-12 from MON-2's alarms: a mine with a data source at any insurer is connected, and its count is the alarms
 * opened in the period (0 is then a real "no alarms"); a mine without one still has no monitoring data.
 */
export class MonitoringAlarmFeed implements MonitoringAlarmSource {
  constructor(private readonly views: Pick<EnterpriseAlarmViews, 'countForEnterprise'>) {}

  async alarmsOf(input: { readonly uscc: string; readonly from: LocalDate; readonly to: LocalDate }): Promise<MonitoringAlarms> {
    const { connected, alarms } = await this.views.countForEnterprise(input.uscc, startOf(input.from), startOf(addDays(input.to, 1)));
    return connected ? { source: 'FEED', alarms } : NO_MONITORING_DATA;
  }
}
