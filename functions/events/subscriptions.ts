import { claimEvents } from '../../domain/claims/events.js';
import { complaintEvents } from '../../domain/complaints/events.js';
import { EVENT_CATALOGUE } from './catalogue.js';
import { feeEvents } from '../../domain/fees/events.js';
import { calendarYearLoaded } from '../../domain/platform/events.js';
import { reminderEvents } from '../../domain/reminders/events.js';
import { reportEvents } from '../../domain/reports/events.js';
import { evaluationEvents } from '../../domain/evaluations/events.js';
import { supervisionEvents } from '../../domain/supervision/events.js';
import { monitoringEvents } from '../../domain/monitoring/events.js';
import { syncEvents } from '../../domain/sync/events.js';
import { serviceEvents, serviceFollowedUp, serviceScheduled } from '../../domain/services/events.js';
import { policyCancelled, policyEndorsed, policyIssued } from '../../domain/underwriting/events.js';
import { webhookEvents } from '../../domain/webhooks/events.js';

/**
 * Who listens to which events on the bus: ONE table, read by the CDK app (an EventBridge rule per row, with the
 * names as its `detail-type` list) and by the local runtime (an in-process bus subscription per row), so the two
 * cannot subscribe to different sets (test/infra/subscriptions.test.ts compares them).
 * Names are exact, never patterns: a new event reaches a subscriber only when it is added here, on AWS and
 * locally alike.
 */
export interface Subscription {
  /** The rule's construct id on AWS. */
  readonly name: string;
  readonly description: string;
  /** The function that receives the events. */
  readonly target: 'projections' | 'schedules' | 'notifications' | 'sync' | 'webhooks';
  readonly events: readonly string[];
  /** EventBridge target retry policy (the local bus delivers in-process and needs none). */
  readonly retry: { readonly attempts: number; readonly maxEventAgeHours: number };
}

export const SUBSCRIPTIONS: readonly Subscription[] = [
  {
    name: 'PolicyEvents',
    description: 'Project policy events (ACL-1 member copies, UW-11 coverage, issue 14 supervision counters, SVC-10 the policy in its folder)',
    target: 'projections',
    events: [policyIssued.name, policyEndorsed.name, policyCancelled.name],
    retry: { attempts: 8, maxEventAgeHours: 24 },
  },
  {
    // Issue 14: the supervision overview's counters (policy events reach them through PolicyEvents above).
    name: 'SupervisionCounterEvents',
    description: 'Keep the supervision overview counters (SVC-1/2/7/8/9, CMP, FEE-4/5, CLM-1) from service, plan, hazard, complaint, fee and claim events',
    target: 'projections',
    events: [
      ...Object.values(serviceEvents).map((type) => type.name),
      ...Object.values(complaintEvents).map((type) => type.name),
      feeEvents.entryBooked.name,
      feeEvents.entryReversed.name,
      // CLM-1: claims per insurer in the overview.
      ...Object.values(claimEvents).map((type) => type.name),
    ],
    retry: { attempts: 8, maxEventAgeHours: 24 },
  },
  {
    name: 'CalendarYearLoaded',
    description: 'Recompute provisional deadlines when the operator loads a calendar year (CAL-2)',
    target: 'schedules',
    events: [calendarYearLoaded.name],
    retry: { attempts: 4, maxEventAgeHours: 6 },
  },
  {
    name: 'NotifyRecipients',
    description: "Issue 16: reminders and events addressed to a person, into the recipients' inboxes (and e-mail)",
    target: 'notifications',
    events: [
      reminderEvents.due.name,
      reminderEvents.overdue.name,
      complaintEvents.received.name,
      // SVC-5: a scheduled service awaits the enterprise's agreement; SVC-9: a followed-up record its signature.
      serviceScheduled.name,
      serviceFollowedUp.name,
      // SUP-1: a 督办 notice to the insurer; SUP-3: its answer to the issuing agency.
      supervisionEvents.noticeIssued.name,
      supervisionEvents.noticeAnswered.name,
      // MON-2: an alarm opened at a mine warns its enterprise at once.
      monitoringEvents.opened.name,
      // RPT-1: a submitted report tells the city EMB and the NFRA.
      reportEvents.reportSubmitted.name,
      // RPT-3: a published evaluation tells its insurer.
      evaluationEvents.published.name,
      // Issue 17: an endpoint the platform disabled tells its owner.
      webhookEvents.subscriptionDisabled.name,
    ],
    retry: { attempts: 8, maxEventAgeHours: 24 },
  },
  {
    // SYNC-1: the provincial sync, a built-in subscriber — a record's change makes its newest version pending,
    // and `sync.record.pending` (that, or the insurer's retry) sends it.
    name: 'ProvincialSync',
    description: 'Send policies, third-party organisations, services and claims to the Shanxi provincial platform (SYNC-1)',
    target: 'sync',
    events: [
      policyIssued.name,
      policyEndorsed.name,
      policyCancelled.name,
      serviceEvents.serviceCompleted.name,
      serviceEvents.serviceFollowedUp.name,
      serviceEvents.serviceSigned.name,
      serviceEvents.serviceConfirmed.name,
      serviceEvents.serviceArchived.name,
      // SYNC-1 (理赔): a claim goes up once decided, and again with each payout.
      claimEvents.decided.name,
      claimEvents.paid.name,
      syncEvents.pending.name,
    ],
    retry: { attempts: 8, maxEventAgeHours: 24 },
  },
  // Issue 17: webhooks for other systems — every event of the catalogue, one rule per context (an event pattern
  // stays well under EventBridge's size limit); the dispatcher keeps what each endpoint wants and may see.
  ...Object.entries(EVENT_CATALOGUE).map(
    ([context, events]): Subscription => ({
      name: `Webhooks-${context}`,
      description: `Webhook messages for the ${context} events (issue 17)`,
      target: 'webhooks',
      events: Object.values(events).map((type) => type.name),
      retry: { attempts: 8, maxEventAgeHours: 24 },
    }),
  ),
];
