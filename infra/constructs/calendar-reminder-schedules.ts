import { Aws, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import { CALENDAR_REMINDER_HOUR, calendarReminderSchedules, type CalendarReminderSchedule } from '../../domain/reminders/calendar-reminders.js';
import { acknowledge } from './nag.js';

export interface CalendarReminderSchedulesProps {
  /** The schedules function (functions/schedules/handler.ts), which dispatches `job: 'calendar-reminder'`. */
  readonly function: IFunction;
  /** Where a run Scheduler could not deliver, or that failed after its retries, goes. */
  readonly deadLetterQueue: IQueue;
  /** RULES-1: the rule set whose dates the schedules are made from (the one in force when deployed). */
  readonly ruleSet: RuleSet;
}

/** What one schedule hands the function: its reminder, and the scheduled time (not a retry's), as the daily run. */
export const calendarReminderInput = (schedule: CalendarReminderSchedule) => ({ ...schedule.input, time: ContextAttribute.scheduledTime });

/**
 * Issue 16: QUAL-6, RPT-1, RPT-3 and CAL-2 as EventBridge Scheduler crons at 08:00 Asia/Shanghai, one per
 * reminder and kind, made from the rule set's dates (domain/reminders/calendar-reminders.ts) — the local
 * scheduler reads the same list. A version the city EMB publishes later with other dates reaches these crons
 * at the next deploy; the function decides again on the day from the version in force, so a cron left on an
 * old date raises nothing out of its window.
 */
export class CalendarReminderSchedules extends Construct {
  readonly schedules: readonly Schedule[];

  constructor(scope: Construct, id: string, props: CalendarReminderSchedulesProps) {
    super(scope, id);
    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'EventBridge Scheduler: invoke the anze schedules function for the calendar reminders',
    });
    const defaultChild = props.function.node.defaultChild as CfnFunction | undefined;
    if (defaultChild) {
      const functionLogicalId: unknown = Stack.of(this).resolve(defaultChild.logicalId);
      acknowledge(role, {
        id: `AwsSolutions-IAM5[Resource::<${String(functionLogicalId)}.Arn>:*]`,
        reason:
          'lambda:InvokeFunction on the schedules function and its versions/aliases (the `:*`), granted by the Scheduler target; no other function.',
      });
    }

    this.schedules = calendarReminderSchedules(props.ruleSet).map(
      (schedule) =>
        new Schedule(this, schedule.name, {
          description: `anze calendar reminder ${schedule.name} (${schedule.input.step}), 08:00 Asia/Shanghai`,
          schedule: ScheduleExpression.cron({
            minute: '0',
            hour: String(CALENDAR_REMINDER_HOUR),
            day: schedule.cron.day,
            month: schedule.cron.month,
            timeZone: TimeZone.ASIA_SHANGHAI,
          }),
          target: new LambdaInvoke(props.function, {
            role,
            input: ScheduleTargetInput.fromObject(calendarReminderInput(schedule)),
            deadLetterQueue: props.deadLetterQueue,
            retryAttempts: 3,
            maxEventAge: Duration.hours(2),
          }),
        }),
    );
  }
}
