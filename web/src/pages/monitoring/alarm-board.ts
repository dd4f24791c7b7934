import type { AlarmSeverity, AlarmStatus, MonitoringAlarm } from '../../api/monitoring-api';

/** The alarms still to be handled on the duty board (MON-2); a closed one leaves the board. */
export const ACTIVE_STATUSES: readonly AlarmStatus[] = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'];
export const ALARM_STATUSES: readonly AlarmStatus[] = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED'];
export const SEVERITIES: readonly AlarmSeverity[] = ['MAJOR', 'WARNING'];

const SEVERITY_RANK: Readonly<Record<AlarmSeverity, number>> = { MAJOR: 0, WARNING: 1 };

/** MON-2, "alarms by severity and age": MAJOR before WARNING, then the oldest first (it has waited longest). */
export function boardOrder(alarms: readonly MonitoringAlarm[]): MonitoringAlarm[] {
  return [...alarms].sort(
    (a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id),
  );
}

/** A duration as `h:mm:ss` (or `m:ss` under an hour), whole seconds. */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

export interface SlaState {
  /** The SLA's due time has passed while the alarm is still open. */
  readonly overdue: boolean;
  /** Time left (or, when overdue, time past due) as a clock. */
  readonly clock: string;
}

/** MON-2: the SLA timer of one alarm at `now`; a closed alarm has none. */
export function slaState(alarm: Pick<MonitoringAlarm, 'slaDueAt' | 'status'>, now: number): SlaState | undefined {
  if (alarm.status === 'CLOSED') return undefined;
  const due = Date.parse(alarm.slaDueAt);
  if (Number.isNaN(due)) return undefined;
  return { overdue: now > due, clock: clockText(due - now) };
}

/** How long the alarm has been open at `now`. */
export const ageText = (alarm: Pick<MonitoringAlarm, 'openedAt'>, now: number): string => clockText(Math.max(0, now - Date.parse(alarm.openedAt)));

/** The counts over the board: by severity and those past their SLA. */
export function boardCounts(alarms: readonly MonitoringAlarm[], now: number): { readonly major: number; readonly warning: number; readonly overdue: number } {
  return {
    major: alarms.filter((alarm) => alarm.severity === 'MAJOR').length,
    warning: alarms.filter((alarm) => alarm.severity === 'WARNING').length,
    overdue: alarms.filter((alarm) => slaState(alarm, now)?.overdue).length,
  };
}

/** A reading's value with its unit: `1.32 %`, `36 ppm`. */
export const valueText = (value: number, unit: string): string => `${Number.isInteger(value) ? value : Number(value.toFixed(3))}${unit ? ` ${unit}` : ''}`;

/** What the alarm reached: its peak reading with the unit, or a device alarm's own message (video AI has no value). */
export const peakText = (alarm: Pick<MonitoringAlarm, 'peak' | 'unit' | 'message'>): string =>
  alarm.peak === undefined ? (alarm.message ?? '') : valueText(alarm.peak, alarm.unit);
