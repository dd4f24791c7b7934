import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AnzeFunction } from './anze-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';

export const RELAY_ENTRY = 'functions/relay/handler.ts';
/** The item attribute that marks an outbox event (functions/adapters/dynamodb writes it). */
export const OUTBOX_KIND = 'OUTBOX';

export interface OutboxRelayProps {
  readonly table: ITableV2;
  readonly eventBus: IEventBus;
  readonly environment: Readonly<Record<string, string>>;
  readonly logLevel: string;
}

/**
 * Outbox → bus (ARCHITECTURE.md §6): the table stream feeds a function that puts each outbox event on the
 * EventBridge bus. Streams are ordered per partition key and an outbox item shares its aggregate's key, so
 * events of one aggregate arrive in order; delivery is at least once, hence the stable event ids.
 */
export class OutboxRelay extends Construct {
  readonly function: AnzeFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination (OnFailure) of the outbox relay stream mapping; cdk-nag only recognises redrive policies and function DLQs as such.',
    });

    this.function = new AnzeFunction(this, 'Function', {
      entry: RELAY_ENTRY,
      serviceName: 'relay',
      description: 'Outbox relay: table stream → EventBridge bus',
      environment: props.environment,
      logLevel: props.logLevel,
      timeout: Duration.minutes(1),
      memorySize: 512,
    });

    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // A poison record is isolated by halving the batch instead of blocking its shard for a day.
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only freshly written outbox items: entities, counters and TTL removals never wake the relay.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { kind: { S: FilterRule.isEqual(OUTBOX_KIND) } } },
          }),
        ],
      }),
    );
    props.eventBus.grantPutEventsTo(this.function);
  }
}
