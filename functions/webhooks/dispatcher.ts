import type { Clock } from '../../domain/kernel/clock.js';
import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import { afterAttempt, RESPONSE_SNIPPET_MAX, type DeliveryAttempt, type WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { subscriptionDisabled } from '../../domain/webhooks/events.js';
import { messageBody } from '../../domain/webhooks/payload.js';
import type { DeliveryQueue, WebhookDeliveries, WebhookRouteDirectory, WebhookSubscriptions, WebhookTransport } from '../../domain/webhooks/ports.js';
import { routeWants, signingSecrets, type WebhookOwner, type WebhookSubscription } from '../../domain/webhooks/subscription.js';
import { webhookHeaders } from './signing.js';

export interface DispatcherPorts {
  readonly directory: WebhookRouteDirectory;
  readonly subscriptions: WebhookSubscriptions;
  readonly deliveries: WebhookDeliveries;
  readonly transport: WebhookTransport;
  readonly clock: Clock;
  /** [0, 1): the jitter of the retry schedule. */
  readonly random: () => number;
  /**
   * The subscription an attempt sends with, when it may come from a short-lived cache (./subscription-cache.ts);
   * otherwise `subscriptions.get`. The endpoint's health is always recorded on a fresh read.
   */
  readonly subscriptionForAttempt?: (owner: WebhookOwner, id: string) => Promise<WebhookSubscription | undefined>;
}

/** The delivery id of an event's message to one endpoint: stable, so the bus's repeats make no second message. */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string => `${subscriptionId}_${eventId}`;

/**
 * Issue 17: the webhook dispatcher, the same code locally (driven by the in-process bus and the local retry
 * loop) and on AWS (the webhooks function's fan-out and the delivery function behind the SQS queue).
 *
 * - {@link fanOut}: an event → one message per subscription that wants it (type pattern, ACL scope, enabled),
 *   created once whatever the bus repeats, then handed to the queue;
 * - {@link attempt}: one attempt of one message — re-reads the subscription (deleted or disabled: nothing sent),
 *   signs with every signing secret, sends through the SSRF-guarded transport, logs the attempt and decides by
 *   the retry schedule (domain/webhooks/delivery.ts), disabling the endpoint on 410 or after 5 days failing.
 */
export class WebhookDispatcher {
  constructor(
    private readonly ports: DispatcherPorts,
    private readonly queue: DeliveryQueue,
  ) {}

  /** Makes the messages of one bus event; returns how many were new. */
  async fanOut(event: BusEvent): Promise<number> {
    // The directory port is read per event; the composition root gives a cache that every subscription write in
    // this process empties (./subscription-cache.ts says how fresh it is across processes).
    const wanted = (await this.ports.directory.routes()).filter((route) => routeWants(route, event));
    // One endpoint's message does not wait for another's: each is made (once) and queued on its own.
    const made = await Promise.all(
      wanted.map(async (route) => {
        // The route carries what the message needs; the attempt reads the subscription (deleted or disabled since).
        const delivery = this.newDelivery(route, event.id, event.type, messageBody(event, route.owner, route.fullPayload ?? false));
        if (!(await this.ports.deliveries.createIfAbsent(delivery))) return 0;
        await this.queue.enqueue(delivery);
        return 1;
      }),
    );
    return made.reduce<number>((sum, one) => sum + one, 0);
  }

  /** Issue 17 (test event): a `webhooks.endpoint.tested` message to one endpoint, attempted at once, logged like any. */
  async sendTest(subscription: WebhookSubscription, eventId: string): Promise<WebhookDelivery> {
    const now = this.ports.clock.now();
    const body = JSON.stringify({
      type: 'webhooks.endpoint.tested',
      version: 1,
      eventId,
      timestamp: now.toISOString(),
      data: { subscriptionId: subscription.id, test: true },
    });
    const delivery = this.newDelivery(subscription, eventId, 'webhooks.endpoint.tested', body);
    await this.ports.deliveries.createIfAbsent(delivery);
    return this.attemptDelivery(delivery, subscription);
  }

  private newDelivery(subscription: Pick<WebhookSubscription, 'id' | 'owner'>, eventId: string, eventType: string, body: string): WebhookDelivery {
    const now = this.ports.clock.now().toISOString();
    return {
      id: deliveryIdOf(subscription.id, eventId),
      subscriptionId: subscription.id,
      owner: subscription.owner,
      messageId: `msg_${eventId}`,
      eventType,
      body,
      status: 'PENDING',
      attempts: [],
      attemptsInRound: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** One attempt of a stored message, if it is still waiting for one. */
  async attempt(owner: WebhookOwner, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const delivery = await this.ports.deliveries.getDelivery(owner, deliveryId);
    if (!delivery || (delivery.status !== 'PENDING' && delivery.status !== 'RETRYING')) return delivery;
    return this.attemptDelivery(delivery);
  }

  /**
   * One attempt of a message this process has just made or scheduled and still holds as stored (the local queue):
   * the same as {@link attempt} without reading the message back. Not for a message from another process.
   */
  async attemptHeld(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    if (delivery.status !== 'PENDING' && delivery.status !== 'RETRYING') return delivery;
    return this.attemptDelivery(delivery);
  }

  private async attemptDelivery(delivery: WebhookDelivery, known?: WebhookSubscription): Promise<WebhookDelivery> {
    const subscription =
      known ?? (await (this.ports.subscriptionForAttempt ?? ((owner, id) => this.ports.subscriptions.get(owner, id)))(delivery.owner, delivery.subscriptionId));
    const now = this.ports.clock.now();
    if (!subscription || !subscription.enabled) {
      // Nothing is sent to a deleted or disabled endpoint; the message stays as a dead letter, replayable later.
      const { nextAttemptAt: _, ...rest } = delivery;
      const parked: WebhookDelivery = { ...rest, status: 'DEAD_LETTERED', updatedAt: now.toISOString() };
      await this.ports.deliveries.save(parked);
      return parked;
    }
    const headers = webhookHeaders(signingSecrets(subscription, now), delivery.messageId, now, delivery.body);
    const started = performance.now();
    let attempt: DeliveryAttempt;
    try {
      const response = await this.ports.transport.post(subscription.url, headers, delivery.body);
      attempt = {
        at: now.toISOString(),
        status: response.status,
        latencyMs: Math.round(performance.now() - started),
        ...(response.body ? { response: response.body.slice(0, RESPONSE_SNIPPET_MAX) } : {}),
      };
    } catch (error) {
      attempt = { at: now.toISOString(), latencyMs: Math.round(performance.now() - started), error: String((error as Error).message).slice(0, 300) };
    }
    const after = this.ports.clock.now();
    const outcome = afterAttempt(delivery, attempt, subscription.failingSince, after, this.ports.random());
    await this.ports.deliveries.save(outcome.delivery);
    if (outcome.disable || outcome.failingSince !== subscription.failingSince) {
      await this.updateHealth(subscription, outcome.failingSince, outcome.disable, after);
    }
    if (outcome.delivery.status === 'RETRYING') await this.queue.enqueue(outcome.delivery);
    return outcome.delivery;
  }

  /** Records the endpoint's failing-since, and disables it with an event to its owner when the outcome says so. */
  private async updateHealth(subscription: WebhookSubscription, failingSince: string | undefined, disable: string | undefined, now: Date): Promise<void> {
    const fresh = (await this.ports.subscriptions.get(subscription.owner, subscription.id)) ?? subscription;
    if (!fresh.enabled && disable) return;
    const { failingSince: _, disabledReason: __, ...rest } = fresh;
    const next: WebhookSubscription = {
      ...rest,
      ...(failingSince ? { failingSince } : {}),
      ...(disable ? { enabled: false, disabledReason: disable } : fresh.disabledReason ? { disabledReason: fresh.disabledReason } : {}),
      version: fresh.version + 1,
      updatedAt: now.toISOString(),
    };
    const events = disable
      ? [
          subscriptionDisabled.of(
            { id: fresh.id, version: next.version, ...(fresh.owner.kind === 'tenant' ? { tenantId: fresh.owner.tenantId } : {}) },
            {
              subscriptionId: fresh.id,
              url: fresh.url,
              reason: disable,
              ...(fresh.owner.kind === 'regulator' ? { agency: fresh.owner.agency, ...(fresh.owner.county ? { county: fresh.owner.county } : {}) } : {}),
            },
          ),
        ]
      : [];
    try {
      await this.ports.subscriptions.update(next, fresh.version, events);
    } catch {
      // A concurrent edit by the owner won: its version stands, the next attempt records health again.
    }
  }

  /** The local retry loop's pass (and AWS's safety sweep): every message due by `now`; returns how many were tried. */
  async deliverDue(now: Date, limit = 100, skip: (deliveryId: string) => boolean = () => false): Promise<number> {
    const due = (await this.ports.deliveries.due(now, limit)).filter((delivery) => !skip(delivery.id));
    for (const delivery of due) await this.attemptDelivery(delivery);
    return due.length;
  }
}
