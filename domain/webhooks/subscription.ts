import type { Agency } from '../identity/role.js';
import type { BusEvent } from '../kernel/event-publisher.port.js';
import { matchesAny } from './event-patterns.js';
import { ROTATION_OVERLAP_MS } from './retry-schedule.js';

/**
 * Issue 17: who a webhook subscription belongs to, from the caller's token — an insurer (ACL-1: its own tenant's
 * events) or a regulator agency (ACL-2: events across insurers; ACL-4: a county EMB only its county's).
 */
export type WebhookOwner =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly agency: Agency; readonly county?: string };

/** A signing secret: `whsec_` + base64 of 32 random bytes. The previous one signs too until `retiresAt`. */
export interface SigningSecret {
  readonly secret: string;
  readonly createdAt: string;
  readonly retiresAt?: string;
}

export interface WebhookSubscription {
  readonly id: string;
  readonly owner: WebhookOwner;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string;
  readonly enabled: boolean;
  /** The full record in `data` instead of the thin payload (ids, version, link). */
  readonly fullPayload: boolean;
  readonly secrets: readonly SigningSecret[];
  /** Why it was disabled by the platform (410 Gone, 5 days failing); absent when disabled by its owner. */
  readonly disabledReason?: string;
  /** The first failure of the current run of failures; cleared by a success. */
  readonly failingSince?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** What the dispatcher needs to route an event: no secret, no URL. */
export interface WebhookRoute {
  readonly id: string;
  readonly owner: WebhookOwner;
  readonly eventTypes: readonly string[];
  readonly enabled: boolean;
  /** Kept here so the fan-out makes a message without reading the subscription (older items: thin). */
  readonly fullPayload?: boolean;
}

export const routeOf = (subscription: WebhookSubscription): WebhookRoute => ({
  id: subscription.id,
  owner: subscription.owner,
  eventTypes: subscription.eventTypes,
  enabled: subscription.enabled,
  fullPayload: subscription.fullPayload,
});

/** Contexts whose events are about one person or the platform's own running, never sent to a regulator's system. */
const NOT_FOR_REGULATORS = ['platform.', 'reminders.', 'webhooks.'];

/**
 * ACL-1, ACL-2, ACL-4: whether an event is the owner's to receive. An insurer receives events of its own tenant
 * (and, UW-6, of a co-insured policy it is a member of); a regulator receives the insurers' and the registers'
 * events — a county EMB only those that carry its county (an event without a county, such as a fee year's, is
 * insurer-wide and so not a county EMB's).
 */
export function eventInScope(owner: WebhookOwner, event: BusEvent): boolean {
  if (owner.kind === 'tenant') {
    if (event.tenantId === owner.tenantId) return true;
    const members = event.data.members;
    return Array.isArray(members) && members.includes(owner.tenantId);
  }
  if (NOT_FOR_REGULATORS.some((prefix) => event.type.startsWith(prefix))) return false;
  if (owner.agency !== 'EMB_COUNTY') return true;
  return owner.county !== undefined && event.data.county === owner.county;
}

export function routeWants(route: WebhookRoute, event: BusEvent): boolean {
  return route.enabled && matchesAny(route.eventTypes, event.type) && eventInScope(route.owner, event);
}

/** The secrets that sign at `now`: the current one, and the previous one within its 24 h overlap. */
export function signingSecrets(subscription: Pick<WebhookSubscription, 'secrets'>, now: Date): string[] {
  return subscription.secrets.filter((s) => s.retiresAt === undefined || Date.parse(s.retiresAt) > now.getTime()).map((s) => s.secret);
}

/** A rotation: the new secret first, the current one kept for 24 h; older ones dropped. */
export function rotated(secrets: readonly SigningSecret[], fresh: string, now: Date): SigningSecret[] {
  const current = secrets.find((s) => s.retiresAt === undefined);
  const retiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
  return [{ secret: fresh, createdAt: now.toISOString() }, ...(current ? [{ ...current, retiresAt }] : [])];
}
