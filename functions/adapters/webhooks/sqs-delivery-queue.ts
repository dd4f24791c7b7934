import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { DeliveryQueue } from '../../../domain/webhooks/ports.js';
import type { WebhookDelivery } from '../../../domain/webhooks/delivery.js';

/** SQS's longest message timer. */
export const SQS_MAX_DELAY_SECONDS = 900;
/** SendMessageBatch's most entries, and the bytes of one batch we allow ourselves (SQS takes 256 KiB). */
const SEND_BATCH_MAX = 10;
const SEND_BATCH_BYTES = 200 * 1024;

/**
 * What travels on the delivery queue: a stored message — which one, whose, and when its attempt is due — or a new
 * message for its first attempt, whole (its body ≤ 20 KB), stored by the delivery function in a page with the
 * others of its batch (domain/webhooks/pages.ts).
 */
export type DeliveryMessage =
  | { readonly id: string; readonly owner: WebhookDelivery['owner']; readonly dueAt: string }
  | { readonly first: WebhookDelivery };

export const isFirstAttempt = (message: DeliveryMessage): message is { readonly first: WebhookDelivery } => 'first' in message;

/**
 * Issue 17 on AWS: one SQS queue carries every attempt; the retry schedule's waits are message timers
 * (DelaySeconds). A wait longer than SQS's 15 minutes is chained: the delivery function puts a message that is
 * not yet due back with the rest of the wait (at most 40 hops for the 10 h steps). Chosen over a queue per
 * stage (eight queues and functions for one decision that lives in code) and over EventBridge Scheduler (one
 * schedule per retry, with its own quota and clean-up) — see DOMAIN-NOTES.md.
 *
 * New messages go on the queue whole and unstored: the queue is their durable copy until the delivery function
 * has stored them in a page (or an item of their own), so a function that stops in between leaves them to be
 * received again — sent again with the same webhook-id.
 */
export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly clock: Clock,
  ) {}

  async enqueue(delivery: Pick<WebhookDelivery, 'id' | 'owner' | 'nextAttemptAt'>): Promise<void> {
    const dueAt = delivery.nextAttemptAt ?? this.clock.now().toISOString();
    const wait = Math.ceil((Date.parse(dueAt) - this.clock.now().getTime()) / 1000);
    const message: DeliveryMessage = { id: delivery.id, owner: delivery.owner, dueAt };
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(message),
        DelaySeconds: Math.max(0, Math.min(SQS_MAX_DELAY_SECONDS, wait)),
      }),
    );
  }

  /** In SendMessageBatch calls of at most 10 messages and 200 KB; any entry SQS did not take fails the call. */
  async enqueueFirst(deliveries: readonly WebhookDelivery[]): Promise<void> {
    const batches: string[][] = [];
    let size = 0;
    for (const delivery of deliveries) {
      const body = JSON.stringify({ first: delivery } satisfies DeliveryMessage);
      const bytes = Buffer.byteLength(body);
      const last = batches[batches.length - 1];
      if (!last || last.length >= SEND_BATCH_MAX || size + bytes > SEND_BATCH_BYTES) {
        batches.push([body]);
        size = bytes;
      } else {
        last.push(body);
        size += bytes;
      }
    }
    await Promise.all(
      batches.map(async (bodies) => {
        const out = await this.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: bodies.map((MessageBody, index) => ({ Id: String(index), MessageBody })),
          }),
        );
        // The fan-out fails, so EventBridge tries the event again (those taken are then sent twice: same webhook-id).
        if (out.Failed && out.Failed.length > 0) {
          throw new Error(`the delivery queue refused ${out.Failed.length} new webhook messages: ${out.Failed[0]?.Code ?? ''}`);
        }
      }),
    );
  }
}
