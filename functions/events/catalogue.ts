import type { AnyEventType } from '../../domain/kernel/events.js';
import { archiveEvents } from '../../domain/archive/events.js';
import { claimEvents } from '../../domain/claims/events.js';
import { complaintEvents } from '../../domain/complaints/events.js';
import { evaluationEvents } from '../../domain/evaluations/events.js';
import { feeEvents } from '../../domain/fees/events.js';
import { monitoringEvents } from '../../domain/monitoring/events.js';
import { platformEvents } from '../../domain/platform/events.js';
import { registerEvents } from '../../domain/register/events.js';
import { reportEvents } from '../../domain/reports/events.js';
import { reminderEvents } from '../../domain/reminders/events.js';
import { serviceEvents } from '../../domain/services/events.js';
import { supervisionEvents } from '../../domain/supervision/events.js';
import { syncEvents } from '../../domain/sync/events.js';
import { underwritingEvents } from '../../domain/underwriting/events.js';
import { webhookEvents } from '../../domain/webhooks/events.js';

/**
 * Every kind of event the platform raises, by context: the source of the AsyncAPI document
 * (/api/v1/asyncapi.json) that webhook subscribers read, and of the names the subscription table may use.
 */
export const EVENT_CATALOGUE: Readonly<Record<string, Readonly<Record<string, AnyEventType>>>> = {
  platform: platformEvents,
  complaints: complaintEvents,
  claims: claimEvents,
  underwriting: underwritingEvents,
  register: registerEvents,
  services: serviceEvents,
  fees: feeEvents,
  reminders: reminderEvents,
  supervision: supervisionEvents,
  reports: reportEvents,
  evaluations: evaluationEvents,
  sync: syncEvents,
  webhooks: webhookEvents,
  monitoring: monitoringEvents,
  archive: archiveEvents,
};

export const ALL_EVENT_TYPES: readonly AnyEventType[] = Object.values(EVENT_CATALOGUE).flatMap((events) => Object.values(events));
