import { NO_MONITORING_DATA, type MonitoringAlarms, type MonitoringAlarmSource } from '../../../domain/services/monitoring.port.js';

/**
 * SVC-12: the monitoring source while the platform has no monitoring feed (issue 19 adds one): every enterprise
 * has no monitoring data — said as such, never as 0 alarms.
 */
export class NoMonitoringFeed implements MonitoringAlarmSource {
  async alarmsOf(): Promise<MonitoringAlarms> {
    return NO_MONITORING_DATA;
  }
}
