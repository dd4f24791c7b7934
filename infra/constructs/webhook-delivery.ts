import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AnzeFunction } from './anze-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';
import { leadingKeysCondition } from './tenant-isolation-roles.js';

/**
 * Issue 17: the webhook items — subscriptions and messages in their owner's partitions, the routing directory
 * and the due index (functions/adapters/dynamodb/webhooks.repository.ts) — and nothing else of any owner.
 */
export const WEBHOOK_KEYS = [
  'T#*#WEBHOOK',
  'T#*#WEBHOOK#*',
  'T#*#WEBHOOK-MSG',
  'T#*#WEBHOOK-MSG#*',
  'R#*#WEBHOOK',
  'R#*#WEBHOOK#*',
  'R#*#WEBHOOK-MSG',
  'R#*#WEBHOOK-MSG#*',
  'P#WEBHOOK-ROUTES',
  'P#WEBHOOK-DUE',
] as const;

const WEBHOOK_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  // Attempt logs are group-committed (functions/adapters/dynamodb/webhooks.repository.ts): BatchWriteItem is its
  // own action, still bound to the webhook keys by the same LeadingKeys condition.
  'dynamodb:BatchWriteItem',
];

/**
 * Issue 17 (throughput): new messages are received up to this many at once, attempted together and stored as one
 * page per endpoint (domain/webhooks/pages.ts: at most 100 a page) — a batch window of a second fills it.
 */
export const WEBHOOK_DELIVERY_BATCH = 100;

export interface WebhookDeliveryProps {
  readonly table: ITableV2;
  readonly environment: Readonly<Record<string, string>>;
  readonly logLevel: string;
  /** A backlog of slow receivers must not take the account's concurrency from the API. */
  readonly reservedConcurrency: number;
}

/**
 * Issue 17 on AWS: the bus → the fan-out function (the `Webhooks-*` rules of functions/events/subscriptions.ts,
 * wired by the API stack) → one SQS delivery queue → the delivery function, which reports partial batch failures
 * (ReportBatchItemFailures). The retry schedule's waits are SQS message timers, chained past 15 minutes by the
 * delivery function itself (functions/adapters/webhooks/sqs-delivery-queue.ts); a record SQS cannot get through
 * after 5 receives (our own failure, not a receiver's) goes to the queue's dead letters.
 */
export class WebhookDelivery extends Construct {
  readonly fanOut: AnzeFunction;
  readonly delivery: AnzeFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the webhook rules’ targets, the fan-out function and the delivery queue.',
    });
    // A delivery attempt takes at most the transport's 10 s; a batch's attempts run together, so 60 s covers one
    // batch with its stored retries and the pages' writes.
    const deliveryTimeout = Duration.seconds(60);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(6 * deliveryTimeout.toSeconds()),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    const environment = { ...props.environment, ANZE_WEBHOOK_QUEUE_URL: this.queue.queueUrl };
    this.fanOut = new AnzeFunction(this, 'FanOut', {
      entry: 'functions/webhooks/handler.ts',
      serviceName: 'webhook-fanout',
      description: 'Webhooks (issue 17): one message per subscription that wants a bus event, onto the delivery queue',
      environment,
      logLevel: props.logLevel,
      timeout: Duration.seconds(30),
      reservedConcurrency: props.reservedConcurrency,
      onFailure: new SqsDestination(this.deadLetterQueue),
      retryAttempts: 2,
    });
    this.delivery = new AnzeFunction(this, 'Delivery', {
      entry: 'functions/webhooks/delivery-handler.ts',
      serviceName: 'webhook-delivery',
      description: 'Webhooks (issue 17): signed attempts to the endpoints (Standard Webhooks), retries by message timers',
      environment,
      logLevel: props.logLevel,
      timeout: deliveryTimeout,
      reservedConcurrency: props.reservedConcurrency,
    });
    this.delivery.addEventSource(
      new SqsEventSource(this.queue, { batchSize: WEBHOOK_DELIVERY_BATCH, reportBatchItemFailures: true, maxBatchingWindow: Duration.seconds(1) }),
    );
    const indexArns = ['GSI1', 'GSI2'].map((name) => `${props.table.tableArn}/index/${name}`);
    for (const fn of [this.fanOut, this.delivery]) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: WEBHOOK_ITEM_ACTIONS,
          resources: [props.table.tableArn, ...indexArns],
          conditions: leadingKeysCondition([...WEBHOOK_KEYS]),
        }),
      );
      this.queue.grantSendMessages(fn);
    }
  }
}
