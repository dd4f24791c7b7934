import { Aws, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AnzeFunction } from './anze-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';

export const SCHEDULES_ENTRY = 'functions/schedules/handler.ts';
/**
 * What the schedules handler receives (functions/schedules/handler.ts `ScheduleEvent`): the scheduled time,
 * not the invocation time, so a retry an hour later still works on the day it was meant for.
 */
export const DAILY_SCHEDULE_INPUT = {
  job: 'daily',
  'detail-type': 'Scheduled Event',
  time: ContextAttribute.scheduledTime,
} as const;

export interface DeadlineSweepProps {
  readonly environment: Readonly<Record<string, string>>;
  readonly logLevel: string;
  readonly reservedConcurrency?: number;
}

/**
 * The daily deadline sweep (ARCHITECTURE.md §6) at 08:00 Asia/Shanghai: EventBridge Scheduler evaluates the
 * cron in that time zone itself, so the hour stays right without UTC arithmetic (China has no DST, but the
 * intent reads plainly). The sweep reads the due-date index and emits reminder and overdue events.
 */
export class DeadlineSweep extends Construct {
  readonly function: AnzeFunction;
  readonly schedule: Schedule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DeadlineSweepProps) {
    super(scope, id);
    // One queue for both failure points: Scheduler could not invoke, or the invocation failed after retries.
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');

    this.function = new AnzeFunction(this, 'Function', {
      entry: SCHEDULES_ENTRY,
      serviceName: 'schedules',
      description: 'Scheduled jobs: daily deadline sweep',
      environment: props.environment,
      logLevel: props.logLevel,
      timeout: Duration.minutes(5),
      deadLetterQueue: this.deadLetterQueue,
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrency: props.reservedConcurrency } : {}),
    });

    // Our own role (not the one the target would make at stack level) so the acknowledgement below sits on it.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'EventBridge Scheduler: invoke the anze schedules function',
    });
    const functionLogicalId: unknown = Stack.of(this).resolve((this.function.node.defaultChild as CfnFunction).logicalId);
    acknowledge(schedulerRole, {
      id: `AwsSolutions-IAM5[Resource::<${String(functionLogicalId)}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the schedules function and its versions/aliases (the `:*`), granted by the Scheduler target; no other function.',
    });

    this.schedule = new Schedule(this, 'Daily0800', {
      description: 'anze deadline sweep, 08:00 Asia/Shanghai every day',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '8', timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(this.function, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject(DAILY_SCHEDULE_INPUT),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
