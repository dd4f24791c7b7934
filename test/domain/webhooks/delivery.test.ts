import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { afterAttempt, type WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import { eventTypeMatches, eventTypeProblems } from '../../../domain/webhooks/event-patterns.js';
import { messageBody, MAX_PAYLOAD_BYTES } from '../../../domain/webhooks/payload.js';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from '../../../domain/webhooks/retry-schedule.js';
import { eventInScope, rotated, signingSecrets } from '../../../domain/webhooks/subscription.js';
import { newSigningSecret, webhookHeaders } from '../../../functions/webhooks/signing.js';
import type { BusEvent } from '../../../domain/kernel/event-publisher.port.js';

const T0 = new Date('2026-12-06T00:00:00.000Z');
const delivery: WebhookDelivery = {
  id: 'sub_evt',
  subscriptionId: 'sub',
  owner: { kind: 'tenant', tenantId: 't1' },
  messageId: 'msg_evt',
  eventType: 'underwriting.policy.issued',
  body: '{}',
  status: 'PENDING',
  attempts: [],
  attemptsInRound: 0,
  nextAttemptAt: T0.toISOString(),
  createdAt: T0.toISOString(),
  updatedAt: T0.toISOString(),
};
const failed = (at: Date, status = 500) => ({ at: at.toISOString(), status, latencyMs: 3 });

describe('retry schedule (issue 17)', () => {
  it('is the published one: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, with ±10 % jitter', () => {
    expect(RETRY_DELAYS_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextAttemptAt(1, T0, 0.5)?.getTime()).toBe(T0.getTime() + 5_000);
    expect(nextAttemptAt(1, T0, 0)?.getTime()).toBe(T0.getTime() + 4_500);
    expect(nextAttemptAt(2, T0, 0.999_999)?.getTime()).toBe(T0.getTime() + 330_000);
    expect(nextAttemptAt(MAX_ATTEMPTS, T0, 0.5)).toBeUndefined();
  });

  it('retries a failure on schedule, dead-letters the message after the eighth failed attempt', () => {
    let current = delivery;
    let now = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const outcome = afterAttempt(current, failed(now), T0.toISOString(), now, 0.5);
      current = outcome.delivery;
      if (attempt < MAX_ATTEMPTS) {
        expect(current.status).toBe('RETRYING');
        now = new Date(current.nextAttemptAt as string);
      }
    }
    expect(current.status).toBe('DEAD_LETTERED');
    expect(current.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(current.nextAttemptAt).toBeUndefined();
  });

  it('410 Gone dead-letters the message and disables the endpoint at once', () => {
    const outcome = afterAttempt(delivery, failed(T0, 410), undefined, T0, 0.5);
    expect(outcome.delivery.status).toBe('DEAD_LETTERED');
    expect(outcome.disable).toContain('410');
  });

  it('an endpoint failing every attempt for 5 days is disabled; a success clears its failing-since', () => {
    const fiveDaysOn = new Date(T0.getTime() + 5 * 24 * 3_600_000);
    const outcome = afterAttempt(delivery, failed(fiveDaysOn), T0.toISOString(), fiveDaysOn, 0.5);
    expect(outcome.disable).toContain(T0.toISOString());
    expect(outcome.delivery.status).toBe('DEAD_LETTERED');
    const almost = afterAttempt(delivery, failed(new Date(fiveDaysOn.getTime() - 1)), T0.toISOString(), new Date(fiveDaysOn.getTime() - 1), 0.5);
    expect(almost.disable).toBeUndefined();
    const healed = afterAttempt(delivery, { at: T0.toISOString(), status: 204, latencyMs: 1 }, T0.toISOString(), fiveDaysOn, 0.5);
    expect(healed).toMatchObject({ delivery: { status: 'DELIVERED' }, failingSince: undefined });
  });
});

describe('Standard Webhooks signatures (issue 17)', () => {
  it('verify with the standardwebhooks package; during a rotation both secrets sign, each verifying alone', () => {
    const old = newSigningSecret();
    const fresh = newSigningSecret();
    const secrets = rotated([{ secret: old, createdAt: T0.toISOString() }], fresh, T0);
    // Which secrets sign: an hour into the rotation's 24 h on the platform's clock (not the wall clock, which
    // passed T0 + 24 h on 2026-12-07); the headers carry the wall clock, because the verifier checks it.
    const signing = signingSecrets({ secrets }, new Date(T0.getTime() + 3_600_000));
    const now = new Date();
    expect(signing).toEqual([fresh, old]);
    const body = '{"type":"underwriting.policy.issued"}';
    const headers = webhookHeaders(signing, 'msg_1', now, body);
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(fresh).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(old).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(fresh).verify(`${body} `, headers)).toThrow();
    // After 24 h the previous secret no longer signs.
    expect(signingSecrets({ secrets }, new Date(T0.getTime() + 24 * 3_600_000 + 1))).toEqual([fresh]);
  });
});

describe('event types and scope (issue 17, ACL-1, ACL-4)', () => {
  const catalogue = ['underwriting.policy.issued', 'underwriting.policy.cancelled', 'services.hazard.major_found'];
  it('matches exact names and wildcards by context or entity; names outside the catalogue are refused', () => {
    expect(eventTypeMatches('underwriting.policy.*', 'underwriting.policy.issued')).toBe(true);
    expect(eventTypeMatches('services.*', 'services.hazard.major_found')).toBe(true);
    expect(eventTypeMatches('underwriting.policy.*', 'underwriting.policyx.issued')).toBe(false);
    expect(eventTypeProblems(['underwriting.*', 'services.hazard.major_found'], catalogue)).toEqual([]);
    expect(eventTypeProblems(['fees.*', '*', 'underwriting.policy'], catalogue).map((p) => p.field)).toEqual(['eventTypes[0]', 'eventTypes[1]', 'eventTypes[2]']);
  });

  const event = (over: Partial<BusEvent>): BusEvent => ({
    id: 'e1',
    type: 'underwriting.policy.issued',
    version: 1,
    source: 'anze',
    time: T0.toISOString(),
    tenantId: 't1',
    aggregate: { type: 'policy', id: 'p1' },
    sequence: 1,
    data: { county: '140902', members: ['t1'] },
    ...over,
  });
  it('an insurer sees its own tenant’s events (and co-insured ones it is a member of), a county EMB its county’s only', () => {
    expect(eventInScope({ kind: 'tenant', tenantId: 't1' }, event({}))).toBe(true);
    expect(eventInScope({ kind: 'tenant', tenantId: 't2' }, event({}))).toBe(false);
    expect(eventInScope({ kind: 'tenant', tenantId: 't2' }, event({ data: { members: ['t1', 't2'] } }))).toBe(true);
    expect(eventInScope({ kind: 'regulator', agency: 'EMB_COUNTY', county: '140902' }, event({}))).toBe(true);
    expect(eventInScope({ kind: 'regulator', agency: 'EMB_COUNTY', county: '140981' }, event({}))).toBe(false);
    expect(eventInScope({ kind: 'regulator', agency: 'EMB_COUNTY', county: '140902' }, event({ data: {} }))).toBe(false);
    expect(eventInScope({ kind: 'regulator', agency: 'EMB_CITY' }, event({ data: {} }))).toBe(true);
    expect(eventInScope({ kind: 'regulator', agency: 'NFRA' }, event({ type: 'platform.user.created' }))).toBe(false);
  });

  it('sends a thin payload by default, the full record on request, never over 20 KB', () => {
    const owner = { kind: 'tenant', tenantId: 't1' } as const;
    const thin = JSON.parse(messageBody(event({}), owner, false)) as { data: Record<string, unknown> };
    expect(thin.data).toEqual({ id: 'p1', aggregate: 'policy', sequence: 1, tenantId: 't1', county: '140902', link: '/api/v1/policies/p1' });
    const full = JSON.parse(messageBody(event({}), owner, true)) as { data: { record: unknown } };
    expect(full.data.record).toEqual({ county: '140902', members: ['t1'] });
    const huge = messageBody(event({ data: { blob: 'x'.repeat(30_000) } }), owner, true);
    expect(new TextEncoder().encode(huge).length).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(huge)).toMatchObject({ data: { truncated: true } });
  });
});
