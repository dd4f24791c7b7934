import type { Principal } from '../../../domain/identity/principal.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import type { WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import type { WebhookOwner, WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { callerOf } from '../../middleware/route.js';

/**
 * Issue 17 (ACL-1, ACL-2, ACL-4): whose webhooks a caller manages, from its token only — an insurer admin its
 * tenant's, a regulator its agency's (a county EMB's bound to its county). Never from a path, query or body.
 */
export function ownerOf(input: { principal: Principal | undefined }): WebhookOwner {
  const caller = callerOf(input);
  if (caller.role === 'insurer-admin') return { kind: 'tenant', tenantId: callerOf(input, 'insurer').tenantId };
  const regulator = callerOf(input, 'regulator');
  if (regulator.agency === 'EMB_COUNTY') {
    if (!regulator.county) throw new Forbidden('ACL-4: a county EMB without a county in its token has no events');
    return { kind: 'regulator', agency: 'EMB_COUNTY', county: regulator.county };
  }
  return { kind: 'regulator', agency: regulator.agency };
}

/** A subscription as its owner reads it: no secret. */
export function subscriptionView(subscription: WebhookSubscription, now: Date) {
  const previous = subscription.secrets.find((s) => s.retiresAt !== undefined && Date.parse(s.retiresAt) > now.getTime());
  return {
    id: subscription.id,
    url: subscription.url,
    eventTypes: [...subscription.eventTypes],
    description: subscription.description,
    enabled: subscription.enabled,
    fullPayload: subscription.fullPayload,
    ...(subscription.disabledReason ? { disabledReason: subscription.disabledReason } : {}),
    ...(subscription.failingSince ? { failingSince: subscription.failingSince } : {}),
    ...(previous?.retiresAt ? { previousSecretRetiresAt: previous.retiresAt } : {}),
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
    version: subscription.version,
  };
}

/** A message as its owner reads it in the delivery log (the body is the receiver's, not repeated here). */
export function deliveryView(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    messageId: delivery.messageId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: [...delivery.attempts],
    ...(delivery.nextAttemptAt && (delivery.status === 'PENDING' || delivery.status === 'RETRYING') ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}
