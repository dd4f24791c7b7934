import type { Principal } from '../../../domain/identity/principal.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import type { WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { webhooksRoot } from '../../webhooks/composition-root.js';
import { ownerOf } from './owner.js';

/** ACL-1: the caller's own subscription; another organisation's answers 404 exactly like a missing one. */
export async function loadSubscription(input: { principal: Principal | undefined }, id: string): Promise<WebhookSubscription> {
  const found = await webhooksRoot().subscriptions.get(ownerOf(input), id);
  if (!found) throw new NotFound('webhook subscription');
  return found;
}
