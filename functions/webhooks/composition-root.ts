import { SQSClient } from '@aws-sdk/client-sqs';
import type { Clock } from '../../domain/kernel/clock.js';
import type { NewId } from '../../domain/kernel/new-id.port.js';
import type { UrlPolicy } from '../../domain/webhooks/address-guard.js';
import type { DeliveryQueue, WebhookDeliveries, WebhookRouteDirectory, WebhookSubscriptions, WebhookTransport } from '../../domain/webhooks/ports.js';
import { systemClock } from '../adapters/clock.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoDbClientConfig, mainTableName, toDocumentClient } from '../adapters/dynamodb/client.js';
import { traceSdkCalls } from '../middleware/tracing.js';
import { Store } from '../adapters/dynamodb/store.js';
import { DynamoWebhookRepository } from '../adapters/dynamodb/webhooks.repository.js';
import { newId } from '../adapters/ids.js';
import { GuardedHttpTransport, urlPolicyFromEnv } from '../adapters/webhooks/guarded-http-transport.js';
import { SqsDeliveryQueue } from '../adapters/webhooks/sqs-delivery-queue.js';
import { WebhookDispatcher } from './dispatcher.js';
import { SubscriptionCache } from './subscription-cache.js';

/**
 * Issue 17: what the webhooks context works with — ports of domain/ only.
 *
 * ARCHITECTURE.md §3's layer 2: subscriptions and messages are kept in their owner's partition, but written by
 * the webhooks function's own role, which infra/stacks/api-stack.ts allows exactly the webhook key shapes
 * (`T#*#WEBHOOK*`, `R#*#WEBHOOK*`, `P#WEBHOOK-*`) and nothing else of any tenant — the routing directory beside
 * each subscription is platform data no tenant role may write. Layer 1 builds every key from the token.
 */
export interface WebhooksRoot {
  readonly subscriptions: WebhookSubscriptions;
  readonly deliveries: WebhookDeliveries;
  readonly directory: WebhookRouteDirectory;
  readonly transport: WebhookTransport;
  readonly urlPolicy: UrlPolicy;
  readonly clock: Clock;
  readonly newId: NewId;
  /** Where a message due now or later goes: SQS on AWS; the local runtime installs its in-process queue. */
  queue(): DeliveryQueue;
  dispatcher(): WebhookDispatcher;
}

let root: WebhooksRoot | undefined;
let localQueue: DeliveryQueue | undefined;

/** The local runtime's queue (infra/local/webhooks.ts): attempts in-process instead of SQS. */
export function useLocalDeliveryQueue(queue: DeliveryQueue): void {
  localQueue = queue;
  dispatcher = undefined;
}

/**
 * A stopping local runtime lets go of its queue — only if it is still the one in use: a process may run several
 * platforms (tests), and one stopping must not leave the others' events with no queue at all.
 */
export function releaseLocalDeliveryQueue(queue: DeliveryQueue): void {
  if (localQueue !== queue) return;
  localQueue = undefined;
  dispatcher = undefined;
}

let dispatcher: WebhookDispatcher | undefined;
let sqsQueue: DeliveryQueue | undefined;

export function webhooksRoot(): WebhooksRoot {
  if (!root) {
    // A client of its own, outside the shared client's call counter: the dispatcher runs beside every request
    // locally (a directory read per event, the retry loop's sweep each second) and must not show in the counts
    // the read-cost tests and the benchmark take of a request.
    const doc = toDocumentClient(traceSdkCalls(new DynamoDBClient(dynamoDbClientConfig()), 'DynamoDB'));
    const repository = new DynamoWebhookRepository(doc, mainTableName(), new Store(doc, mainTableName(), systemClock));
    // Every subscription write goes through the cache, so it forgets at once what this process remembered.
    const subscriptions = new SubscriptionCache(repository);
    const urlPolicy = urlPolicyFromEnv();
    const transport = new GuardedHttpTransport(urlPolicy);
    const queue = (): DeliveryQueue => {
      if (localQueue) return localQueue;
      const url = process.env.ANZE_WEBHOOK_QUEUE_URL;
      if (!url) throw new Error('ANZE_WEBHOOK_QUEUE_URL is not set (the webhook delivery queue)');
      return (sqsQueue ??= new SqsDeliveryQueue(new SQSClient({}), url, systemClock));
    };
    root = {
      subscriptions,
      deliveries: repository,
      directory: subscriptions,
      transport,
      urlPolicy,
      clock: systemClock,
      newId,
      queue,
      dispatcher: () =>
        (dispatcher ??= new WebhookDispatcher(
          {
            directory: subscriptions,
            subscriptions,
            subscriptionForAttempt: subscriptions.forAttempts.get,
            deliveries: repository,
            transport,
            clock: systemClock,
            newId,
            random: Math.random,
          },
          queue(),
        )),
    };
  }
  return root;
}
