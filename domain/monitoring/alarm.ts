import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { monitoringEvents } from './events.js';
import { worse, type AlarmSeverity, type MonitoringKind, type MonitoringRules } from './kinds.js';
import type { MonitoringSource } from './source.js';

export const ALARM_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export interface AlarmHistoryEntry {
  readonly action: 'OPENED' | 'ACKNOWLEDGED' | 'ESCALATED' | 'CLOSED' | 'INSPECTION';
  readonly at: string;
  /** The user, or `source:<id>` for what a data source's readings did. */
  readonly by: string;
  readonly reason?: string;
  readonly serviceId?: string;
}

/**
 * MON-2: one alarm of one sensor of one mine — opened by a reading over its threshold or by a device's own alarm,
 * extended (lastAt, peak, readings) by the high readings that follow while it is not closed, worked on the duty
 * board (acknowledged, escalated, closed with a reason) within the SLA of its severity.
 */
export interface MonitoringAlarm {
  readonly id: string;
  readonly tenantId: string;
  readonly sourceId: string;
  readonly policyId: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly sensorId: string;
  readonly kind: MonitoringKind;
  readonly severity: AlarmSeverity;
  readonly openedAt: string;
  readonly lastAt: string;
  /** The value furthest beyond the threshold (the highest, or for a BELOW limit the lowest); absent for device alarms. */
  readonly peak?: number;
  readonly unit: string;
  /** Readings (or device alarms) this alarm took in. */
  readonly readings: number;
  readonly message?: string;
  readonly status: AlarmStatus;
  /** Acknowledge by then (the rule set's SLA of the severity, from opening). */
  readonly slaDueAt: string;
  readonly serviceId?: string;
  readonly history: readonly AlarmHistoryEntry[];
  readonly version: number;
}

/** What opened or extends an alarm: the sensor's readings beyond the threshold of one batch, or device alarms. */
export interface Exceedance {
  readonly sensorId: string;
  readonly kind: MonitoringKind;
  readonly unit: string;
  readonly severity: AlarmSeverity;
  readonly firstAtMs: number;
  readonly lastAtMs: number;
  readonly peak?: number;
  readonly direction: 'ABOVE' | 'BELOW';
  readonly count: number;
  readonly message?: string;
}

const payloadOf = (alarm: MonitoringAlarm) => ({
  alarmId: alarm.id,
  sourceId: alarm.sourceId,
  policyId: alarm.policyId,
  enterpriseUscc: alarm.uscc,
  enterpriseName: alarm.enterpriseName,
  sensorId: alarm.sensorId,
  kind: alarm.kind,
  severity: alarm.severity,
  status: alarm.status,
  openedAt: alarm.openedAt,
  lastAt: alarm.lastAt,
  ...(alarm.peak === undefined ? {} : { peak: alarm.peak }),
  unit: alarm.unit,
  slaDueAt: alarm.slaDueAt,
});

const slaDue = (openedAtMs: number, severity: AlarmSeverity, rules: MonitoringRules): string =>
  new Date(openedAtMs + rules.slaMinutes[severity] * 60_000).toISOString();

/** MON-2: a new alarm from a sensor's first exceedance; the enterprise is warned at once (`monitoring.alarm.opened`). */
export function openAlarm(
  source: MonitoringSource,
  exceedance: Exceedance,
  ctx: { readonly id: string; readonly rules: MonitoringRules },
): Changed<MonitoringAlarm> {
  const openedAt = new Date(exceedance.firstAtMs).toISOString();
  const alarm: MonitoringAlarm = {
    id: ctx.id,
    tenantId: source.tenantId,
    sourceId: source.id,
    policyId: source.policyId,
    uscc: source.uscc,
    enterpriseName: source.enterpriseName,
    sensorId: exceedance.sensorId,
    kind: exceedance.kind,
    severity: exceedance.severity,
    openedAt,
    lastAt: new Date(exceedance.lastAtMs).toISOString(),
    ...(exceedance.peak === undefined ? {} : { peak: exceedance.peak }),
    unit: exceedance.unit,
    readings: exceedance.count,
    ...(exceedance.message === undefined ? {} : { message: exceedance.message }),
    status: 'OPEN',
    slaDueAt: slaDue(exceedance.firstAtMs, exceedance.severity, ctx.rules),
    history: [{ action: 'OPENED', at: openedAt, by: `source:${source.id}` }],
    version: 1,
  };
  return { state: alarm, events: [monitoringEvents.opened.of(alarm, payloadOf(alarm))] };
}

/**
 * MON-2: further high readings extend the open alarm — its last time, peak and count, its severity raised to
 * MAJOR when they reach it (the SLA then shortens, never lengthens) — instead of opening another.
 */
export function extendAlarm(alarm: MonitoringAlarm, exceedance: Exceedance, rules: MonitoringRules): MonitoringAlarm {
  const severity = worse(alarm.severity, exceedance.severity);
  const further = (a: number, b: number) => (exceedance.direction === 'ABOVE' ? Math.max(a, b) : Math.min(a, b));
  const peak = exceedance.peak === undefined ? alarm.peak : alarm.peak === undefined ? exceedance.peak : further(alarm.peak, exceedance.peak);
  const lastAtMs = Math.max(Date.parse(alarm.lastAt), exceedance.lastAtMs);
  const raised = severity !== alarm.severity ? slaDue(Date.parse(alarm.openedAt), severity, rules) : alarm.slaDueAt;
  return {
    ...alarm,
    severity,
    lastAt: new Date(lastAtMs).toISOString(),
    ...(peak === undefined ? {} : { peak }),
    readings: alarm.readings + exceedance.count,
    slaDueAt: raised < alarm.slaDueAt ? raised : alarm.slaDueAt,
    version: alarm.version + 1,
  };
}

const MOVES: Record<'acknowledge' | 'escalate' | 'close', { from: readonly AlarmStatus[]; to: AlarmStatus; action: AlarmHistoryEntry['action'] }> = {
  acknowledge: { from: ['OPEN'], to: 'ACKNOWLEDGED', action: 'ACKNOWLEDGED' },
  escalate: { from: ['OPEN', 'ACKNOWLEDGED'], to: 'ESCALATED', action: 'ESCALATED' },
  close: { from: ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'], to: 'CLOSED', action: 'CLOSED' },
};

/** MON-2: the duty board's moves; closing needs a reason (what was found, what was done). */
export function moveAlarm(
  alarm: MonitoringAlarm,
  move: 'acknowledge' | 'escalate' | 'close',
  ctx: { readonly by: string; readonly now: Date; readonly reason?: string },
): Changed<MonitoringAlarm> {
  const { from, to, action } = MOVES[move];
  if (!from.includes(alarm.status)) {
    throw new RuleViolation('MON-2', 'status', `MON-2: an alarm that is ${alarm.status} cannot be ${to.toLowerCase()}`, 409);
  }
  const reason = ctx.reason?.trim();
  if (move === 'close' && !reason) throw new RuleViolation('MON-2', 'reason', 'MON-2: closing an alarm needs a reason', 400);
  const state: MonitoringAlarm = {
    ...alarm,
    status: to,
    history: [...alarm.history, { action, at: instantOf(ctx.now), by: ctx.by, ...(reason ? { reason } : {}) }],
    version: alarm.version + 1,
  };
  const event = move === 'acknowledge' ? monitoringEvents.acknowledged : move === 'escalate' ? monitoringEvents.escalated : monitoringEvents.closed;
  return { state, events: [event.of(state, payloadOf(state))] };
}

/** MON-2: the hazard inspection (隐患排查) the alarm led to, linked from the alarm. */
export function linkInspection(alarm: MonitoringAlarm, serviceId: string, ctx: { readonly by: string; readonly now: Date }): MonitoringAlarm {
  return {
    ...alarm,
    serviceId,
    history: [...alarm.history, { action: 'INSPECTION', at: instantOf(ctx.now), by: ctx.by, serviceId }],
    version: alarm.version + 1,
  };
}
