import type { BusEvent } from '../../functions/relay/bus-event.js';
import type { DeliveryQueue } from '../../domain/webhooks/ports.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { PAGE_MAX_MESSAGES } from '../../domain/webhooks/pages.js';
import { releaseLocalDeliveryQueue, useLocalDeliveryQueue, webhooksRoot } from '../../functions/webhooks/composition-root.js';

const isHeld = (delivery: Pick<WebhookDelivery, 'id' | 'owner'>): delivery is WebhookDelivery =>
  typeof (delivery as Partial<WebhookDelivery>).body === 'string' && typeof (delivery as Partial<WebhookDelivery>).status === 'string';

/**
 * Issue 17, the local twin of the delivery queue and its function: the same dispatcher, driven by the in-process
 * bus (fan-out) and by a retry loop over the due index instead of SQS message timers. A message due now is
 * attempted by a small pool of workers in the background — the bus, and so the outbox relay, never waits for a
 * receiver — and one due later is left to the loop, which finds it in the due index (GSI2) when its time comes.
 * A message in a worker's hands is skipped by the loop, so it is not sent twice at once.
 *
 * The bus hands an event over and goes on, as EventBridge does with an asynchronous target: the event is
 * accepted into a bounded buffer and fanned out by up to `fanOutConcurrency` events at once (one endpoint's
 * message creation no longer waits for the previous event's; a failed fan-out is tried again with backoff, as
 * EventBridge retries its target). Unlike EventBridge, an accepted event not yet fanned out, or a new message not
 * yet in an OPEN page, is lost if the local process stops abruptly (OPEN pages and stored messages are found
 * again by the retry loop). Order is not kept — the
 * Standard Webhooks specification promises none; each message carries its event's id and time.
 * Back-pressure keeps memory flat: the bus waits while `maxAccepted` events are buffered, and the fan-out waits
 * while `maxWaiting` stored messages wait for a worker or `maxFresh` new ones wait for their first attempt.
 *
 * New messages (issue 17, throughput) wait for their first attempt in `fresh`; up to `pagesInFlight` batches of
 * them are attempted at once, each a page per endpoint (domain/webhooks/pages.ts). A batch takes everything
 * waiting (up to 2 pages' worth), so a busy stream fills pages of 100 — two writes for 100 messages — while a
 * quiet one sends at once, a page of one.
 */
export class LocalWebhooks {
  private readonly inFlight = new Set<string>();
  private readonly waiting: (Pick<WebhookDelivery, 'id' | 'owner'> | WebhookDelivery)[] = [];
  private workers = 0;
  private readonly accepted: BusEvent[] = [];
  private fanning = 0;
  private spaceWaiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;
  private idleWaiters: (() => void)[] = [];
  private readonly queue: DeliveryQueue;
  private readonly fresh: WebhookDelivery[] = [];
  private paging = 0;
  private freshWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency = 32,
    private readonly intervalMs = 1000,
    private readonly fanOutConcurrency = 100,
    private readonly maxAccepted = 100,
    private readonly maxWaiting = 200,
    private readonly pagesInFlight = 4,
    private readonly maxFresh = 2 * PAGE_MAX_MESSAGES * 4,
  ) {
    const queue: DeliveryQueue = (this.queue = {
      enqueue: async (delivery) => {
        const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : 0;
        if (due > Date.now() || this.inFlight.has(delivery.id)) return;
        this.inFlight.add(delivery.id);
        // The dispatcher hands over the message as it stored it (just made, or just scheduled again): the worker
        // attempts it without reading it back. Anything less is read first.
        this.waiting.push(isHeld(delivery) ? delivery : { id: delivery.id, owner: delivery.owner });
        this.pump();
      },
      enqueueFirst: async (deliveries) => {
        while (this.fresh.length >= this.maxFresh) await new Promise<void>((resolve) => this.freshWaiters.push(resolve));
        this.fresh.push(...deliveries);
        this.pumpFirst();
      },
    });
    useLocalDeliveryQueue(queue);
  }

  /** The bus subscriber (the `webhooks` target of functions/events/subscriptions.ts): accepts the event. */
  readonly onEvent = async (event: BusEvent): Promise<void> => {
    while (this.accepted.length >= this.maxAccepted) await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    this.accepted.push(event);
    this.pumpFanOut();
  };

  private pumpFanOut(): void {
    while (this.fanning < this.fanOutConcurrency && this.accepted.length > 0 && this.waiting.length < this.maxWaiting) {
      const event = this.accepted.shift() as BusEvent;
      this.fanning += 1;
      void this.fanOut(event).finally(() => {
        this.fanning -= 1;
        for (const resolve of this.spaceWaiters.splice(0)) resolve();
        this.pumpFanOut();
        this.settle();
      });
    }
  }

  private async fanOut(event: BusEvent): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      try {
        await webhooksRoot().dispatcher().fanOut(event);
        return;
      } catch (error) {
        if (tries >= 8) {
          console.error(`webhooks: event ${event.id} not fanned out after ${tries} tries:`, (error as Error).message);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** tries)));
      }
    }
  }

  /** Attempts what waits for a first attempt, a batch per free slot. */
  private pumpFirst(): void {
    while (this.paging < this.pagesInFlight && this.fresh.length > 0) {
      const batch = this.fresh.splice(0, 2 * PAGE_MAX_MESSAGES);
      this.paging += 1;
      for (const resolve of this.freshWaiters.splice(0)) resolve();
      void this.deliverFirst(batch).finally(() => {
        this.paging -= 1;
        this.pumpFirst();
        this.settle();
      });
    }
  }

  private async deliverFirst(batch: readonly WebhookDelivery[]): Promise<void> {
    let left = batch;
    for (let tries = 1; left.length > 0; tries += 1) {
      const result = await webhooksRoot().dispatcher().deliverFirst(left, { durable: false });
      for (const { id, error } of result.unsettled) {
        // Sent, but its page not closed: the page stays OPEN and the retry loop sends it again after its lease.
        console.error(`webhooks: message ${id} sent but not stored:`, (error as Error).message);
      }
      // A page that could not be opened sent nothing: tried again with backoff, as a fan-out is.
      left = result.notSent;
      if (left.length === 0) return;
      if (tries >= 8) {
        console.error(`webhooks: ${left.length} new messages not stored after ${tries} tries`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** tries)));
    }
  }

  private isIdle(): boolean {
    return this.workers === 0 && this.waiting.length === 0 && this.fanning === 0 && this.accepted.length === 0 && this.paging === 0 && this.fresh.length === 0;
  }

  private settle(): void {
    if (this.isIdle()) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = this.deliverDue(new Date())
        .catch((error: unknown) => console.error('webhooks:', (error as Error).message))
        .finally(() => (this.sweeping = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    await this.idle();
    releaseLocalDeliveryQueue(this.queue);
  }

  /** The retry loop's pass at `at` — tests pass a later time instead of waiting for the schedule. */
  async deliverDue(at: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const tried = await webhooksRoot().dispatcher().deliverDue(at, 100, (id) => this.inFlight.has(id));
      total += tried;
      if (tried < 100) return total;
    }
  }

  /** Resolves once no event is waiting to be fanned out and no attempt is running or waiting. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.workers < this.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift() as Pick<WebhookDelivery, 'id' | 'owner'> | WebhookDelivery;
      this.workers += 1;
      const dispatcher = webhooksRoot().dispatcher();
      (isHeld(next) ? dispatcher.attemptHeld(next) : dispatcher.attempt(next.owner, next.id))
        .catch((error: unknown) => console.error('webhooks:', (error as Error).message))
        .finally(() => {
          this.inFlight.delete(next.id);
          this.workers -= 1;
          this.pump();
          this.pumpFanOut();
          this.settle();
        });
    }
  }
}
