import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType } from '../kernel/events.js';

const described = (description: string) => z.meta({ description });

/** What every alarm event carries, so the enterprise's notification and a webhook need no read-back. */
export const alarmEventPayload = z.object({
  alarmId: z.string(),
  sourceId: z.string(),
  policyId: z.string(),
  enterpriseUscc: z.string().check(described('The mine the alarm is about')),
  enterpriseName: z.string(),
  sensorId: z.string(),
  kind: z.string().check(described('MON-1 data kind')),
  severity: z.enum(['MAJOR', 'WARNING']),
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED']),
  openedAt: z.string(),
  lastAt: z.string(),
  peak: z.optional(z.number()),
  unit: z.string(),
  slaDueAt: z.string().check(described('MON-2: acknowledge by then')),
});
export type AlarmEventPayload = z.output<typeof alarmEventPayload>;

const alarmEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'monitoring_alarm', summary, payload: alarmEventPayload });

/** The monitoring context's events (MON-2), in the catalogue and the AsyncAPI document. */
export const monitoringEvents = {
  opened: alarmEvent('monitoring.alarm.opened', 'MON-2: a reading over its threshold (or a device alarm) opened an alarm; the enterprise is warned at once'),
  acknowledged: alarmEvent('monitoring.alarm.acknowledged', 'MON-2: the insurer acknowledged the alarm on its duty board'),
  escalated: alarmEvent('monitoring.alarm.escalated', 'MON-2: the insurer escalated the alarm'),
  closed: alarmEvent('monitoring.alarm.closed', 'MON-2: the insurer closed the alarm with a reason'),
} as const satisfies Readonly<Record<string, AnyEventType>>;
