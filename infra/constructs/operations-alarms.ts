import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RELAY_METRICS } from '../../functions/relay/metrics.js';
import { STS_METRICS } from '../../functions/adapters/dynamodb/tagged-sessions.js';
import { alarmTopicName } from '../stacks/stage-profile.js';

/**
 * Every alarm of a stage, by the suffix of its name (`anze-<stage>-<suffix>`), and what the on-call person does
 * when it fires. The README's deployment section lists the same rows (a test holds them together).
 */
export const ALARM_RUNBOOK = {
  'http-5xx-<context>': 'More than 1 % of a context function’s requests answered 5xx over 5 minutes (Powertools ServerErrors / Requests). Open the function’s log group, filter `"unhandled error"`, and fix or roll back the last deploy of that context.',
  'throttles-<function>': 'Lambda refused invocations of a function for lack of concurrency. Check the account’s concurrency (reserved totals) and the burst in the dashboard; raise the limit or the function’s reserved concurrency.',
  'relay-dead-letters': 'A stream batch of the outbox relay failed 10 times or was older than 24 h: its events are not on the bus. Fix the cause in the relay’s logs, then `npm run replay:events` is not enough (they never reached the archive): re-drive from the outbox items the message names.',
  'relay-iterator-age': 'The relay is more than 5 minutes behind the table stream: events (notifications, projections, deadlines) are late. Look for RelayPublishFailures and throttles; the stream keeps 24 h.',
  'relay-publish-failures': 'PutEvents failed at least 5 times in 5 minutes (logged "outbox relay: PutEvents failed"). EventBridge throttling or permissions: check the error code in the log.',
  'relay-parked-events': 'An outbox event was too large for EventBridge (256 KB) and was parked (logged "outbox relay: event parked" with its ids). Its subscribers never saw it: shrink the event in code, then re-publish it.',
  'projections-dead-letters': 'A projection (co-insured policy copies, UW-11 coverage) failed after its retries, or EventBridge could not invoke it. Fix the cause, then `npm run replay:events -- --from … --to …` for the window.',
  'schedules-dead-letters': 'The daily sweep or a scheduled job failed after its retries, or Scheduler could not invoke it. Fix the cause, then invoke the schedules function with the message’s event (the sweep is idempotent).',
  'scheduler-failures': 'EventBridge Scheduler could not invoke the sweep (target errors, dropped invocations). Check the Scheduler role and the function’s state.',
  'schedules-errors': 'The schedules function itself failed (deadline sweep, reminders). Reminders and overdue states of that day are missing until it succeeds: see its logs, then re-run it.',
  'pre-token-errors': 'The sign-in trigger failed: Cognito issues no token, nobody can sign in or refresh. Check its logs and its read of P#LOGIN# records.',
  'pre-token-duration': 'The sign-in trigger’s p99 passed 2 s of Cognito’s 5 s: sign-ins are about to fail. Check DynamoDB latency and the trigger’s cold starts.',
  'sts-failures': 'AssumeRole into the tenant role failed (StsAssumeRoleFailures): requests of that tenant fail. Check the role’s trust policy and the STS quota.',
} as const;

export type AlarmSuffix = keyof typeof ALARM_RUNBOOK;

export interface OperationsAlarmsProps {
  readonly stage: string;
  /** Context name → its HTTP function (service `anze-<context>`). */
  readonly contextFunctions: ReadonlyMap<string, IFunction>;
  /** The contexts whose functions assume the tenant role (the STS alarm's); every context unless said. */
  readonly tenantRoleContexts?: readonly string[];
  readonly relay: { readonly function: IFunction; readonly deadLetterQueue: IQueue };
  readonly projections: { readonly function: IFunction; readonly deadLetterQueue: IQueue };
  readonly schedules: { readonly function: IFunction; readonly deadLetterQueue: IQueue };
  /** The pre-token trigger lives in the identity stack: named, not referenced, so no export ties the stacks. */
  readonly preTokenFunctionName: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The stage's CloudWatch alarms, all notifying the stage's SNS topic (made in the data stack, named by
 * stage), and one dashboard `anze-<stage>` with the same metrics. The metrics are Powertools' own (namespace
 * `anze`, dimension `service`) where the code emits them, Lambda's, SQS's and Scheduler's otherwise.
 */
export class OperationsAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, private readonly props: OperationsAlarmsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const topicArn = stack.formatArn({ service: 'sns', resource: alarmTopicName(props.stage), arnFormat: ArnFormat.NO_RESOURCE_NAME });
    this.action = new SnsAction(Topic.fromTopicArn(this, 'AlarmTopic', topicArn));

    const anze = (metricName: string, service: string): Metric =>
      new Metric({ namespace: 'anze', metricName, dimensionsMap: { service }, statistic: 'Sum', period: FIVE_MINUTES });
    const lambda = (functionName: string, metricName: string, statistic = 'Sum'): Metric =>
      new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, statistic, period: FIVE_MINUTES });

    const requestWidgets: IMetric[] = [];
    const errorRates: IMetric[] = [];
    for (const [index, [name, fn]] of [...props.contextFunctions].entries()) {
      const service = `anze-${name}`;
      // Ids unique across the dashboard graph that draws every context's rate together.
      const rate = new MathExpression({
        expression: `IF(requests${index} > 0, 100 * errors${index} / requests${index}, 0)`,
        usingMetrics: { [`errors${index}`]: anze('ServerErrors', service), [`requests${index}`]: anze('Requests', service) },
        label: `${name} 5xx %`,
        period: FIVE_MINUTES,
      });
      errorRates.push(rate);
      requestWidgets.push(anze('Requests', service).with({ label: name }));
      this.alarm(`http-5xx-${name}`, 'http-5xx-<context>', rate, 1);
      this.alarm(`throttles-${name}`, 'throttles-<function>', fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), 0);
    }
    for (const [name, fn] of [
      ['relay', props.relay.function],
      ['projections', props.projections.function],
      ['schedules', props.schedules.function],
    ] as const) {
      this.alarm(`throttles-${name}`, 'throttles-<function>', fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), 0);
    }
    this.alarm('throttles-pre-token', 'throttles-<function>', lambda(props.preTokenFunctionName, 'Throttles'), 0);

    const depth = (queue: IQueue) => queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' });
    this.alarm('relay-dead-letters', 'relay-dead-letters', depth(props.relay.deadLetterQueue), 0);
    this.alarm('projections-dead-letters', 'projections-dead-letters', depth(props.projections.deadLetterQueue), 0);
    this.alarm('schedules-dead-letters', 'schedules-dead-letters', depth(props.schedules.deadLetterQueue), 0);

    const iteratorAge = props.relay.function.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' });
    this.alarm('relay-iterator-age', 'relay-iterator-age', iteratorAge, Duration.minutes(5).toMilliseconds());
    this.alarm('relay-publish-failures', 'relay-publish-failures', anze(RELAY_METRICS.publishFailures, 'anze-relay'), 4);
    this.alarm('relay-parked-events', 'relay-parked-events', anze(RELAY_METRICS.parkedEvents, 'anze-relay'), 0);

    const preTokenErrors = lambda(props.preTokenFunctionName, 'Errors');
    const preTokenDuration = lambda(props.preTokenFunctionName, 'Duration', 'p99');
    this.alarm('pre-token-errors', 'pre-token-errors', preTokenErrors, 0);
    this.alarm('pre-token-duration', 'pre-token-duration', preTokenDuration, 2000);

    // A math expression holds at most 10 metrics (CloudWatch): the contexts are summed 10 at a time, one alarm per
    // group — `sts-failures`, then `sts-failures-2`, … (issue 19 brought the 11th and 12th context).
    const stsContexts = props.tenantRoleContexts ?? [...props.contextFunctions.keys()];
    const stsGroups: MathExpression[] = [];
    for (let group = 0; group === 0 || group * 10 < stsContexts.length; group += 1) {
      const stsMetrics = Object.fromEntries(
        stsContexts.slice(group * 10, group * 10 + 10).map((name, index) => [`s${group * 10 + index}`, anze(STS_METRICS.assumeRoleFailures, `anze-${name}`)]),
      );
      const stsFailures = new MathExpression({
        expression: Object.keys(stsMetrics).length > 0 ? Object.keys(stsMetrics).join(' + ') : '0',
        usingMetrics: stsMetrics,
        label: 'AssumeRole failures',
        period: FIVE_MINUTES,
      });
      this.alarm(group === 0 ? 'sts-failures' : `sts-failures-${group + 1}`, 'sts-failures', stsFailures, 0);
      stsGroups.push(stsFailures);
    }

    const scheduler = (metricName: string) =>
      new Metric({ namespace: 'AWS/Scheduler', metricName, dimensionsMap: { ScheduleGroup: 'default' }, statistic: 'Sum', period: FIVE_MINUTES });
    const schedulerFailures = new MathExpression({
      expression: 'targetErrors + dropped + deadLetterFailures',
      usingMetrics: {
        targetErrors: scheduler('TargetErrorCount'),
        dropped: scheduler('InvocationDroppedCount'),
        deadLetterFailures: scheduler('InvocationsFailedToBeSentToDeadLetterCount'),
      },
      label: 'Scheduler failures',
      period: FIVE_MINUTES,
    });
    this.alarm('scheduler-failures', 'scheduler-failures', schedulerFailures, 0);
    this.alarm('schedules-errors', 'schedules-errors', props.schedules.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 0);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `anze-${props.stage}`,
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [
          new GraphWidget({ title: 'Requests per context', left: requestWidgets, width: 12 }),
          new GraphWidget({ title: '5xx % per context', left: errorRates, width: 12 }),
        ],
        [
          new GraphWidget({ title: 'Relay: iterator age (ms)', left: [iteratorAge], width: 8 }),
          new GraphWidget({
            title: 'Relay: failures and parked events',
            left: [anze(RELAY_METRICS.publishFailures, 'anze-relay'), anze(RELAY_METRICS.parkedEvents, 'anze-relay')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Dead-letter queues',
            left: [depth(props.relay.deadLetterQueue), depth(props.projections.deadLetterQueue), depth(props.schedules.deadLetterQueue)],
            width: 8,
          }),
        ],
        [
          new GraphWidget({ title: 'Sign-in trigger: errors', left: [preTokenErrors], width: 8 }),
          new GraphWidget({ title: 'Sign-in trigger: p99 duration (ms)', left: [preTokenDuration], width: 8 }),
          new GraphWidget({ title: 'STS and Scheduler failures', left: [...stsGroups, schedulerFailures], width: 8 }),
        ],
      ],
    });
  }

  private alarm(suffix: string, runbook: AlarmSuffix, metric: IMetric, threshold: number): void {
    const alarm = new Alarm(this, `Alarm-${suffix}`, {
      alarmName: `anze-${this.props.stage}-${suffix}`,
      alarmDescription: ALARM_RUNBOOK[runbook],
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No data is no failure: a quiet night has no requests, an empty queue reports nothing.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
