import type { BusEvent } from '../../functions/relay/bus-event.js';
import type { DeliveryQueue } from '../../domain/webhooks/ports.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
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
 * EventBridge retries its target). Unlike EventBridge, an accepted event not yet fanned out is lost if the local
 * process stops abruptly (the messages already made are found again by the retry loop). Order is not kept — the
 * Standard Webhooks specification promises none; each message carries its event's id and time.
 * Back-pressure keeps memory flat: the bus waits while `maxAccepted` events are buffered, and the fan-out waits
 * while `maxWaiting` messages wait for a worker.
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

  constructor(
    private readonly concurrency = 32,
    private readonly intervalMs = 1000,
    private readonly fanOutConcurrency = 100,
    private readonly maxAccepted = 100,
    private readonly maxWaiting = 200,
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

  private settle(): void {
    if (this.workers === 0 && this.waiting.length === 0 && this.fanning === 0 && this.accepted.length === 0) {
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
    if (this.workers === 0 && this.waiting.length === 0 && this.fanning === 0 && this.accepted.length === 0) return Promise.resolve();
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
