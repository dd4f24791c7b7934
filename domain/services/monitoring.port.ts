import type { LocalDate } from '../kernel/calendar/local-date.js';

/**
 * SVC-12: what the monitoring data says of an enterprise's alarms (监测报警) in a period — either there is no
 * monitoring data for it (`NONE`: no feed yet, or the enterprise is not connected), or the feed's count of alarms
 * (`FEED`, which may be 0). The two are never the same: "no data" is not "no alarms".
 */
export type MonitoringAlarms = { readonly source: 'NONE' } | { readonly source: 'FEED'; readonly alarms: number };

/** SVC-12: no monitoring data — what every enterprise has until a monitoring feed exists (issue 19). */
export const NO_MONITORING_DATA: MonitoringAlarms = Object.freeze({ source: 'NONE' });

/**
 * SVC-12: the port the risk grade reads monitoring alarms through. The notice (第十四条) asks mines' systems to
 * take in the safety-monitoring data; until such a feed is built the adapter answers {@link NO_MONITORING_DATA}.
 */
export interface MonitoringAlarmSource {
  /** Alarms of the enterprise `uscc` from `from` to `to` inclusive (Asia/Shanghai days). */
  alarmsOf(input: { readonly uscc: string; readonly from: LocalDate; readonly to: LocalDate }): Promise<MonitoringAlarms>;
}
