import type { Clock } from '../../domain/kernel/clock.js';
import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import type { NewId } from '../../domain/kernel/new-id.port.js';
import { afterAttempt, RESPONSE_SNIPPET_MAX, type AttemptOutcome, type DeliveryAttempt, type WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { subscriptionDisabled } from '../../domain/webhooks/events.js';
import { healthAfterPage, packPages, PAGE_LEASE_MS, type DeliveryPage } from '../../domain/webhooks/pages.js';
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
  /** The ids of pages of first attempts. */
  readonly newId: NewId;
  /** [0, 1): the jitter of the retry schedule. */
  readonly random: () => number;
  /**
   * The subscription an attempt sends with, when it may come from a short-lived cache (./subscription-cache.ts);
   * otherwise `subscriptions.get`. The endpoint's health is always recorded on a fresh read.
   */
  readonly subscriptionForAttempt?: (owner: WebhookOwner, id: string) => Promise<WebhookSubscription | undefined>;
}

/** The delivery id of an event's message to one endpoint: stable, so a repeat is the same message (same webhook-id). */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string => `${subscriptionId}_${eventId}`;

/** A page's messages sent at once at most (several pages are under way together). */
const PAGE_SENDS_AT_ONCE = 16;

/**
 * What became of a batch of first attempts: each message's outcome once it is stored (in its page, or in an item
 * of its own); the messages of a page that could not be opened (nothing of them was sent: the caller may hand them
 * over again); and the messages whose storing failed after sending (an OPEN page is sent again after its lease;
 * a durable queue sends them again).
 */
export interface FirstAttempts {
  readonly outcomes: WebhookDelivery[];
  readonly notSent: WebhookDelivery[];
  readonly unsettled: { readonly id: string; readonly error: unknown }[];
}

/**
 * Issue 17: the webhook dispatcher, the same code locally (driven by the in-process bus and the local retry
 * loop) and on AWS (the webhooks function's fan-out and the delivery function behind the SQS queue).
 *
 * - {@link fanOut}: an event → one message per subscription that wants it (type pattern, ACL scope, enabled),
 *   handed whole to the queue for its first attempt;
 * - {@link deliverFirst}: first attempts, a page per endpoint (domain/webhooks/pages.ts): the delivered ones are
 *   stored together in the page, any other gets its own item and goes on by the retry schedule;
 * - {@link attempt}: one attempt of one stored message — re-reads the subscription (deleted or disabled: nothing
 *   sent), signs with every signing secret, sends through the SSRF-guarded transport, logs the attempt and decides
 *   by the retry schedule (domain/webhooks/delivery.ts), disabling the endpoint on 410 or after 5 days failing.
 *
 * At least once: a repeated bus event, or a page sent again after a stop, sends its messages again with the same
 * `webhook-id` (receivers drop repeats by it, as Standard Webhooks asks); a failing message is stored only once.
 */
export class WebhookDispatcher {
  constructor(
    private readonly ports: DispatcherPorts,
    private readonly queue: DeliveryQueue,
  ) {}

  /**
   * Makes the messages of one bus event and hands them to the queue for their first attempt; returns how many.
   * Issue 17 (throughput): nothing is stored here — the first attempt stores a page of them (./pages.ts), so a
   * message that delivers at once costs a share of two writes instead of two writes of its own.
   */
  async fanOut(event: BusEvent): Promise<number> {
    // The directory port is read per event; the composition root gives a cache that every subscription write in
    // this process empties (./subscription-cache.ts says how fresh it is across processes).
    const wanted = (await this.ports.directory.routes()).filter((route) => routeWants(route, event));
    if (wanted.length === 0) return 0;
    // The route carries what the message needs; the attempt reads the subscription (deleted or disabled since).
    const made = wanted.map((route) => this.newDelivery(route, event.id, event.type, messageBody(event, route.owner, route.fullPayload ?? false)));
    await this.queue.enqueueFirst(made);
    return made.length;
  }

  /**
   * Issue 17 (throughput): the first attempts of new messages, a page per endpoint (./pages.ts). `durable`: the
   * messages wait in a queue that sends them again unless this resolves with them settled (SQS on AWS), so no
   * OPEN page is written first. Pages are attempted together; no order is promised (Standard Webhooks has none).
   */
  async deliverFirst(messages: readonly WebhookDelivery[], options: { readonly durable: boolean }): Promise<FirstAttempts> {
    const result: FirstAttempts = { outcomes: [], notSent: [], unsettled: [] };
    await Promise.all(packPages(messages).map((page) => this.deliverPage(page, options.durable, undefined, result)));
    return result;
  }

  /** The OPEN pages this process is attempting: the retry loop leaves them alone whatever their lease says. */
  private readonly openPages = new Set<string>();

  private async deliverPage(messages: readonly WebhookDelivery[], durable: boolean, open: DeliveryPage | undefined, result: FirstAttempts): Promise<void> {
    const first = messages[0];
    if (!first) return;
    const now = this.ports.clock.now();
    const page: DeliveryPage = open ?? {
      id: `${first.subscriptionId}_${this.ports.newId(now)}`,
      subscriptionId: first.subscriptionId,
      owner: first.owner,
      createdAt: now.toISOString(),
      state: 'OPEN',
      messages,
      leaseUntil: new Date(now.getTime() + PAGE_LEASE_MS).toISOString(),
    };
    this.openPages.add(page.id);
    try {
      if (!durable && !open) {
        try {
          // Stored before anything is sent: a stop from here on leaves the page due (its lease), not the messages lost.
          await this.ports.deliveries.savePage(page);
        } catch {
          result.notSent.push(...messages);
          return;
        }
      }
      const outcomes = await this.attemptPage(page);
      result.outcomes.push(...outcomes.map((outcome) => outcome.delivery));
    } catch (error) {
      result.unsettled.push(...messages.map((message) => ({ id: message.id, error })));
    } finally {
      this.openPages.delete(page.id);
    }
  }

  /**
   * One page's first attempts, together. A message that does not deliver gets its own item (with its due-index
   * entry) BEFORE the page is closed, so a stop in between sends it again rather than forgets it; an item there
   * already (an earlier try of this page) is left as it is and not scheduled twice.
   */
  private async attemptPage(page: DeliveryPage): Promise<AttemptOutcome[]> {
    const subscription = await this.subscriptionOf(page.owner, page.subscriptionId);
    const outcomes = subscription?.enabled
      ? await this.sendAll(page.messages, subscription)
      : page.messages.map((message) => ({ delivery: this.parked(message), failingSince: undefined }) satisfies AttemptOutcome);
    const delivered = outcomes.filter((outcome) => outcome.delivery.status === 'DELIVERED').map((outcome) => outcome.delivery);
    const others = outcomes.filter((outcome) => outcome.delivery.status !== 'DELIVERED').map((outcome) => outcome.delivery);
    const made = await Promise.all(others.map((delivery) => this.ports.deliveries.createIfAbsent(delivery)));
    const { leaseUntil: _, ...rest } = page;
    await this.ports.deliveries.savePage({ ...rest, state: 'CLOSED', messages: delivered });
    if (subscription?.enabled) {
      const health = healthAfterPage(subscription.failingSince, outcomes);
      if (health.disable || health.failingSince !== subscription.failingSince) {
        await this.updateHealth(subscription, health.failingSince, health.disable, this.ports.clock.now());
      }
    }
    await Promise.all(others.map((delivery, index) => (made[index] && delivery.status === 'RETRYING' ? this.queue.enqueue(delivery) : undefined)));
    return outcomes;
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

  private subscriptionOf(owner: WebhookOwner, id: string): Promise<WebhookSubscription | undefined> {
    return (this.ports.subscriptionForAttempt ?? ((o, i) => this.ports.subscriptions.get(o, i)))(owner, id);
  }

  /** Nothing is sent to a deleted or disabled endpoint; the message stays as a dead letter, replayable later. */
  private parked(delivery: WebhookDelivery): WebhookDelivery {
    const { nextAttemptAt: _, ...rest } = delivery;
    return { ...rest, status: 'DEAD_LETTERED', updatedAt: this.ports.clock.now().toISOString() };
  }

  /**
   * A page's attempts, {@link PAGE_SENDS_AT_ONCE} at a time: an endpoint gets a bounded number of connections
   * from one page, and requests wait here rather than in the HTTP agent's queue (which costs CPU per waiting request).
   */
  private async sendAll(messages: readonly WebhookDelivery[], subscription: WebhookSubscription): Promise<AttemptOutcome[]> {
    const outcomes: AttemptOutcome[] = new Array<AttemptOutcome>(messages.length);
    let next = 0;
    const lane = async () => {
      for (let index = next++; index < messages.length; index = next++) outcomes[index] = await this.send(messages[index] as WebhookDelivery, subscription);
    };
    await Promise.all(Array.from({ length: Math.min(PAGE_SENDS_AT_ONCE, messages.length) }, lane));
    return outcomes;
  }

  /** One signed attempt through the SSRF-guarded transport, and the retry schedule's decision on it. */
  private async send(delivery: WebhookDelivery, subscription: WebhookSubscription): Promise<AttemptOutcome> {
    const now = this.ports.clock.now();
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
    return afterAttempt(delivery, attempt, subscription.failingSince, this.ports.clock.now(), this.ports.random());
  }

  private async attemptDelivery(delivery: WebhookDelivery, known?: WebhookSubscription): Promise<WebhookDelivery> {
    const subscription = known ?? (await this.subscriptionOf(delivery.owner, delivery.subscriptionId));
    if (!subscription || !subscription.enabled) {
      const parked = this.parked(delivery);
      await this.ports.deliveries.save(parked);
      return parked;
    }
    const outcome = await this.send(delivery, subscription);
    await this.ports.deliveries.save(outcome.delivery);
    if (outcome.disable || outcome.failingSince !== subscription.failingSince) {
      await this.updateHealth(subscription, outcome.failingSince, outcome.disable, this.ports.clock.now());
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

  /**
   * The local retry loop's pass: every message due by `now`, and every OPEN page whose lease ended by then (its
   * process stopped between sending and closing it: its messages are sent again, same `webhook-id`). Returns how
   * many messages were tried.
   */
  async deliverDue(now: Date, limit = 100, skip: (deliveryId: string) => boolean = () => false): Promise<number> {
    const due = await this.ports.deliveries.due(now, limit);
    const messages = due.messages.filter((delivery) => !skip(delivery.id));
    const pages = due.pages.filter((page) => !this.openPages.has(page.id));
    for (const delivery of messages) await this.attemptDelivery(delivery);
    const result: FirstAttempts = { outcomes: [], notSent: [], unsettled: [] };
    for (const page of pages) await this.deliverPage(page.messages, false, page, result);
    const failed = result.unsettled[0];
    if (failed) throw failed.error;
    return messages.length + pages.reduce((sum, page) => sum + page.messages.length, 0);
  }
}
