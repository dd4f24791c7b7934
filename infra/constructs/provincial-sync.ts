import { Aws, Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AnzeFunction } from './anze-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';
import { leadingKeysCondition } from './tenant-isolation-roles.js';

/** SYNC-1: the items the sync worker writes — insurers' sync records and their per-state counts, nothing else. */
export const SYNC_WRITE_KEYS = ['T#*#SYNC#*', 'T#*#SYNC-COUNTS'] as const;
/** What it reads to map a record (policies, services) and the due index its retry clock sweeps (GSI2 `SYNC-DUE`). */
export const SYNC_READ_KEYS = ['T#*#POLICY#*', 'T#*#SERVICE#*', 'T#*#CLAIM#*', 'SYNC-DUE'] as const;

export interface ProvincialSyncProps {
  readonly table: ITableV2;
  readonly environment: Readonly<Record<string, string>>;
  /** The provincial platform's endpoint; without one, records wait PENDING (nothing is sent anywhere). */
  readonly provinceUrl?: string;
  readonly logLevel: string;
  readonly reservedConcurrency?: number;
}

/**
 * SYNC-1: the provincial sync worker, fed like the projections — the ProvincialSync rule of
 * functions/events/subscriptions.ts (wired by the API stack) — plus a one-minute schedule, its retry clock,
 * which sends what is due (retries with backoff, sends left without an answer). A platform component: its own
 * role writes only `SYNC` items of any insurer, in transactions with their outbox events.
 */
export class ProvincialSync extends Construct {
  readonly function: AnzeFunction;
  readonly deadLetterQueue: Queue;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ProvincialSyncProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the sync rule’s target, its schedule and the function’s onFailure.',
    });
    this.function = new AnzeFunction(this, 'Function', {
      entry: 'functions/sync/handler.ts',
      serviceName: 'provincial-sync',
      description: 'Provincial sync (SYNC-1): policies, organisations and services to the Shanxi platform',
      environment: { ...props.environment, ANZE_PROVINCE_URL: props.provinceUrl ?? '' },
      logLevel: props.logLevel,
      timeout: Duration.minutes(2),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrency: props.reservedConcurrency } : {}),
      onFailure: new SqsDestination(this.deadLetterQueue),
      retryAttempts: 2,
    });
    const indexArns = ['GSI1', 'GSI2', 'GSI3', 'GSI4'].map((name) => `${props.table.tableArn}/index/${name}`);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
        resources: [props.table.tableArn],
        conditions: leadingKeysCondition([...SYNC_WRITE_KEYS]),
      }),
    );
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [props.table.tableArn, ...indexArns],
        conditions: leadingKeysCondition([...SYNC_READ_KEYS]),
      }),
    );

    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: 'EventBridge Scheduler: invoke the anze provincial sync function',
    });
    const functionLogicalId: unknown = Stack.of(this).resolve((this.function.node.defaultChild as CfnFunction).logicalId);
    acknowledge(schedulerRole, {
      id: `AwsSolutions-IAM5[Resource::<${String(functionLogicalId)}.Arn>:*]`,
      reason: 'lambda:InvokeFunction on the sync function and its versions (the `:*`), granted by the Scheduler target; no other function.',
    });
    this.schedule = new Schedule(this, 'EveryMinute', {
      description: 'anze provincial sync: send what is due (SYNC-1 retries)',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: new LambdaInvoke(this.function, {
        role: schedulerRole,
        // functions/sync/handler.ts SCHEDULED_EVENT
        input: ScheduleTargetInput.fromObject({ 'detail-type': 'Scheduled Event' }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(5),
      }),
    });
  }
}
