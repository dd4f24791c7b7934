import type { BusEvent } from '../../functions/relay/bus-event.js';
import type { DeliveryQueue } from '../../domain/webhooks/ports.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { useLocalDeliveryQueue, webhooksRoot } from '../../functions/webhooks/composition-root.js';

/**
 * Issue 17, the local twin of the delivery queue and its function: the same dispatcher, driven by the in-process
 * bus (fan-out) and by a retry loop over the due index instead of SQS message timers. A message due now is
 * attempted by a small pool of workers in the background — the bus, and so the outbox relay, never waits for a
 * receiver — and one due later is left to the loop, which finds it in the due index (GSI2) when its time comes.
 * A message in a worker's hands is skipped by the loop, so it is not sent twice at once.
 */
export class LocalWebhooks {
  private readonly inFlight = new Set<string>();
  private readonly waiting: Pick<WebhookDelivery, 'id' | 'owner'>[] = [];
  private workers = 0;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency = 16,
    private readonly intervalMs = 1000,
  ) {
    const queue: DeliveryQueue = {
      enqueue: async (delivery) => {
        const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : 0;
        if (due > Date.now() || this.inFlight.has(delivery.id)) return;
        this.inFlight.add(delivery.id);
        this.waiting.push({ id: delivery.id, owner: delivery.owner });
        this.pump();
      },
    };
    useLocalDeliveryQueue(queue);
  }

  /** The bus subscriber (the `webhooks` target of functions/events/subscriptions.ts). */
  readonly onEvent = async (event: BusEvent): Promise<void> => {
    await webhooksRoot().dispatcher().fanOut(event);
  };

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
    useLocalDeliveryQueue(undefined);
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

  /** Resolves once no attempt is running or waiting. */
  idle(): Promise<void> {
    if (this.workers === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.workers < this.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift() as Pick<WebhookDelivery, 'id' | 'owner'>;
      this.workers += 1;
      webhooksRoot()
        .dispatcher()
        .attempt(next.owner, next.id)
        .catch((error: unknown) => console.error('webhooks:', (error as Error).message))
        .finally(() => {
          this.inFlight.delete(next.id);
          this.workers -= 1;
          this.pump();
          if (this.workers === 0 && this.waiting.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}
