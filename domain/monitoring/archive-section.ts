import type { MonitoringAlarm } from './alarm.js';
import { MONITORING_KIND_NAMES_ZH } from './kinds.js';

/** The longest stretch of an alarm's readings its archive summarises (a day of minutes read back at archiving). */
export const ARCHIVED_WINDOW_MS = 24 * 3_600_000;

/** The stretch of a sensor's stored readings an alarm's archive summarises: from its opening, at most a day. */
export function archivedWindowOf(alarm: Pick<MonitoringAlarm, 'openedAt' | 'lastAt'>): { fromMs: number; toMs: number; truncated: boolean } {
  const fromMs = Date.parse(alarm.openedAt);
  const lastMs = Date.parse(alarm.lastAt);
  return { fromMs, toMs: Math.min(lastMs, fromMs + ARCHIVED_WINDOW_MS), truncated: lastMs > fromMs + ARCHIVED_WINDOW_MS };
}

/**
 * MON-2, SVC-9, SVC-10: an alarm as the archive of the service it led to keeps it — what it was (kind, sensor,
 * severity, peak, how many readings, the device's or zone's message), the summary of the sensor's readings from its
 * opening (count, lowest, highest, late; readings themselves expire after the rule set's days, the archive stays
 * five years) and its whole trail on the duty board (acknowledged, escalated, closed with the reason, inspection),
 * each step with who and when. The insurer's record version is left out: it is no part of what happened.
 */
export function alarmArchiveSection(alarm: MonitoringAlarm, readings: readonly { readonly atMs: number; readonly value: number; readonly late: boolean }[]) {
  const window = archivedWindowOf(alarm);
  const values = readings.map((reading) => reading.value);
  return {
    alarmId: alarm.id,
    sourceId: alarm.sourceId,
    sensorId: alarm.sensorId,
    kind: alarm.kind,
    kindName: MONITORING_KIND_NAMES_ZH[alarm.kind],
    unit: alarm.unit,
    severity: alarm.severity,
    status: alarm.status,
    openedAt: alarm.openedAt,
    lastAt: alarm.lastAt,
    ...(alarm.peak === undefined ? {} : { peak: alarm.peak }),
    readingsOverThreshold: alarm.readings,
    ...(alarm.message === undefined ? {} : { message: alarm.message }),
    slaDueAt: alarm.slaDueAt,
    readingsWindow: {
      from: new Date(window.fromMs).toISOString(),
      to: new Date(window.toMs).toISOString(),
      truncated: window.truncated,
      count: readings.length,
      ...(values.length === 0 ? {} : { min: Math.min(...values), max: Math.max(...values) }),
      late: readings.filter((reading) => reading.late).length,
    },
    trail: alarm.history,
  };
}
