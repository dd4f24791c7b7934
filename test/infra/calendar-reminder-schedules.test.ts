import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { CalendarReminderSchedules } from '../../infra/constructs/calendar-reminder-schedules.js';

/** The construct alone, on a stand-in function: no bundling, so it synthesises in milliseconds. */
function schedulesOf(ruleSet = XINZHOU_2024) {
  const stack = new Stack(new App(), 'Test');
  const fn = new LambdaFunction(stack, 'Schedules', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => ({})') });
  new CalendarReminderSchedules(stack, 'CalendarReminders', { function: fn, deadLetterQueue: new Queue(stack, 'DeadLetters'), ruleSet });
  const template = Template.fromStack(stack);
  const fnId = Object.keys(template.findResources('AWS::Lambda::Function'))[0];
  return {
    fnId,
    schedules: Object.values(template.findResources('AWS::Scheduler::Schedule')).map((resource) => {
      const properties = resource.Properties as {
        ScheduleExpression: string;
        ScheduleExpressionTimezone: string;
        Target: { Arn: { 'Fn::GetAtt': [string, string] }; Input: string; RetryPolicy: { MaximumRetryAttempts: number } };
      };
      return { ...properties, input: JSON.parse(properties.Target.Input) as Record<string, string> };
    }),
  };
}

describe('CalendarReminderSchedules: QUAL-6, RPT-1, RPT-3, CAL-2 as EventBridge Scheduler crons (issue 16)', () => {
  it('QUAL-6, RPT-1, RPT-3, CAL-2: one cron at 08:00 Asia/Shanghai per reminder and kind, from the rule set, invoking the schedules function', () => {
    const { fnId, schedules } = schedulesOf();
    expect(schedules.map((schedule) => [schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone, schedule.input])).toEqual(
      [
        ['cron(0 8 1 6 ? *)', 'QUAL-6', 'QUAL-6', 'due'],
        ['cron(0 8 16 6 ? *)', 'QUAL-6', 'QUAL-6', 'overdue'],
        ['cron(0 8 1 7 ? *)', 'RPT-1', 'RPT-1-H1', 'due'],
        ['cron(0 8 1 8 ? *)', 'RPT-1', 'RPT-1-H1', 'overdue'],
        ['cron(0 8 1 1 ? *)', 'RPT-1', 'RPT-1-YEAR', 'due'],
        ['cron(0 8 1 2 ? *)', 'RPT-1', 'RPT-1-YEAR', 'overdue'],
        ['cron(0 8 1 3 ? *)', 'RPT-3', 'RPT-3', 'due'],
        ['cron(0 8 1 4 ? *)', 'RPT-3', 'RPT-3', 'overdue'],
        ['cron(0 8 * 12 ? *)', 'CAL-2', 'CAL-2', 'due'],
        ['cron(0 8 * 1-11 ? *)', 'CAL-2', 'CAL-2', 'overdue'],
      ].map(([expression, step, reminder, kind]) => [
        expression,
        'Asia/Shanghai',
        // The handler reads `time`: Scheduler fills in the scheduled time, not a retry's.
        { job: 'calendar-reminder', step, reminder, kind, time: '<aws.scheduler.scheduled-time>' },
      ]),
    );
    for (const schedule of schedules) {
      expect(schedule.Target.Arn['Fn::GetAtt'][0]).toBe(fnId);
      expect(schedule.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
    }
  });

  it('RULES-1: a rule set with QUAL-6 due on June 5 makes its crons May 1 and June 6', () => {
    const { schedules } = schedulesOf({ ...XINZHOU_2024, qualificationFilingDue: { month: 6, day: 5 } });
    expect(schedules.filter((schedule) => schedule.input.reminder === 'QUAL-6').map((schedule) => schedule.ScheduleExpression)).toEqual([
      'cron(0 8 1 5 ? *)',
      'cron(0 8 6 6 ? *)',
    ]);
  });
});
