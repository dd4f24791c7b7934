import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { DeliveryQueue } from '../../../domain/webhooks/ports.js';
import type { WebhookDelivery } from '../../../domain/webhooks/delivery.js';

/** SQS's longest message timer. */
export const SQS_MAX_DELAY_SECONDS = 900;

/** What travels on the delivery queue: which message, whose, and when its attempt is due. */
export interface DeliveryMessage {
  readonly id: string;
  readonly owner: WebhookDelivery['owner'];
  readonly dueAt: string;
}

/**
 * Issue 17 on AWS: one SQS queue carries every attempt; the retry schedule's waits are message timers
 * (DelaySeconds). A wait longer than SQS's 15 minutes is chained: the delivery function puts a message that is
 * not yet due back with the rest of the wait (at most 40 hops for the 10 h steps). Chosen over a queue per
 * stage (eight queues and functions for one decision that lives in code) and over EventBridge Scheduler (one
 * schedule per retry, with its own quota and clean-up) — see DOMAIN-NOTES.md.
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
}
