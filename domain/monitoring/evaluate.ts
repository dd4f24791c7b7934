import type { Exceedance } from './alarm.js';
import { MONITORING_KINDS, severityOf, worse, type MonitoringRules, type Threshold } from './kinds.js';
import type { DeviceAlarm, Reading } from './readings.js';
import type { MonitoringSource } from './source.js';

/** MON-2: the threshold of a kind at this mine — the insurer's override, else the rule set's. */
export const thresholdFor = (source: Pick<MonitoringSource, 'thresholds'>, rules: MonitoringRules, kind: string): Threshold | undefined =>
  source.thresholds[kind] ?? rules.thresholds[kind];

/**
 * MON-2: a batch's newly stored readings beyond their thresholds, one exceedance per sensor (its worst severity,
 * its peak, its first and last instants, how many readings) — so a stream of high readings extends ONE alarm.
 */
export function exceedancesOf(readings: readonly Reading[], source: Pick<MonitoringSource, 'thresholds'>, rules: MonitoringRules): Exceedance[] {
  const bySensor = new Map<string, Exceedance>();
  for (const reading of readings) {
    const threshold = thresholdFor(source, rules, reading.kind);
    const severity = severityOf(reading.value, threshold);
    if (!severity || !threshold) continue;
    const key = `${reading.sensorId}|${reading.kind}`;
    const seen = bySensor.get(key);
    const further = (a: number, b: number) => (threshold.direction === 'ABOVE' ? Math.max(a, b) : Math.min(a, b));
    bySensor.set(
      key,
      seen
        ? {
            ...seen,
            severity: worse(seen.severity, severity),
            firstAtMs: Math.min(seen.firstAtMs, reading.atMs),
            lastAtMs: Math.max(seen.lastAtMs, reading.atMs),
            peak: further(seen.peak ?? reading.value, reading.value),
            count: seen.count + 1,
          }
        : {
            sensorId: reading.sensorId,
            kind: reading.kind,
            unit: reading.unit,
            severity,
            firstAtMs: reading.atMs,
            lastAtMs: reading.atMs,
            peak: reading.value,
            direction: threshold.direction,
            count: 1,
          },
    );
  }
  return [...bySensor.values()];
}

/**
 * MON-2: device alarms, one exceedance per sensor and kind. A device's alarm has no value to grade, so it is a
 * WARNING — the insurer looks and escalates — except for the gas kinds, where a device alarming means the
 * mine's own system saw its limit crossed: MAJOR.
 */
export function deviceExceedancesOf(alarms: readonly DeviceAlarm[]): Exceedance[] {
  const bySensor = new Map<string, Exceedance>();
  for (const alarm of alarms) {
    const key = `${alarm.sensorId}|${alarm.kind}`;
    const seen = bySensor.get(key);
    const severity = alarm.kind === 'GAS_CH4' || alarm.kind === 'CO' ? 'MAJOR' : 'WARNING';
    bySensor.set(
      key,
      seen
        ? { ...seen, firstAtMs: Math.min(seen.firstAtMs, alarm.atMs), lastAtMs: Math.max(seen.lastAtMs, alarm.atMs), count: seen.count + 1 }
        : {
            sensorId: alarm.sensorId,
            kind: alarm.kind,
            unit: MONITORING_KINDS[alarm.kind],
            severity,
            firstAtMs: alarm.atMs,
            lastAtMs: alarm.atMs,
            direction: 'ABOVE',
            count: 1,
            message: alarm.message,
          },
    );
  }
  return [...bySensor.values()];
}
