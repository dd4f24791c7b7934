import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { ALARM_RUNBOOK } from '../../infra/constructs/operations-alarms.js';
import { permissionsOf } from '../../infra/stacks/context-permissions.js';
import { LOG_RETENTION } from '../../infra/constructs/anze-function.js';
import { MANAGED_RULE_GROUPS } from '../../infra/constructs/rate-limit-web-acl.js';
import { PRE_TOKEN_RESERVED_CONCURRENCY } from '../../infra/constructs/token-claims-trigger.js';
import { repoPath } from '../../infra/constructs/repo-paths.js';
import { BACKGROUND_RESERVED_CONCURRENCY } from '../../infra/stacks/api-stack.js';
import { EVENT_ARCHIVE_RETENTION_DAYS, TABLE_BACKUPS } from '../../infra/stacks/data-stack.js';
import { buildAnze, referencedLogicalId, resourceByPrefix, resourcesOfType, type CfnResource } from './synth.js';

/**
 * Issue 21: observability and operations, edges and data protection, stages — proven on the templates of a
 * dev stage (the defaults) and a prod stage (SES sender, the API's own origin domain), both through cdk-nag.
 */
const PROD_CONTEXT = {
  stage: 'prod',
  sesFromEmail: 'no-reply@anze.example.cn', sesRegion: 'ap-southeast-1',
  apiOriginDomain: 'api-origin.anze.example.cn',
  apiCertificateArn: 'arn:aws:acm:cn-north-1:111122223333:certificate/abc',
};
const dev = buildAnze();
const prod = buildAnze({ context: PROD_CONTEXT });
const template = (built: typeof dev, stack: 'data' | 'identity' | 'api' | 'web') => Template.fromStack(built.stacks[stack]);
const devApi = template(dev, 'api');
const devData = template(dev, 'data');
const devIdentity = template(dev, 'identity');
const prodData = template(prod, 'data');
const prodIdentity = template(prod, 'identity');
const prodApi = template(prod, 'api');

const alarmsOf = (t: Template): Record<string, CfnResource> => resourcesOfType(t, 'AWS::CloudWatch::Alarm');
const alarmNamed = (t: Template, name: string): CfnResource => {
  const found = Object.values(alarmsOf(t)).find((alarm) => alarm.Properties?.AlarmName === name);
  if (!found) throw new Error(`no alarm ${name}; have ${Object.values(alarmsOf(t)).map((a) => a.Properties?.AlarmName).join(', ')}`);
  return found;
};
const json = (value: unknown): string => JSON.stringify(value);
const contextNames = BOUNDED_CONTEXTS.map((context) => context.name);

describe('issue 21: CloudWatch alarms to one SNS topic, one dashboard per stage', () => {
  it('raises an alarm for each row of the runbook, every one notifying the stage’s topic anze-dev-alarms', () => {
    const alarms = Object.values(alarmsOf(devApi));
    const expected = [
      ...contextNames.flatMap((name) => [`anze-dev-http-5xx-${name}`, `anze-dev-throttles-${name}`]),
      ...['relay', 'projections', 'schedules', 'pre-token'].map((name) => `anze-dev-throttles-${name}`),
      ...Object.keys(ALARM_RUNBOOK).filter((suffix) => !suffix.includes('<')).map((suffix) => `anze-dev-${suffix}`),
      // The STS alarm sums 10 contexts at most (CloudWatch's metric-math limit): one more alarm per further 10.
      ...Array.from(
        { length: Math.ceil(BOUNDED_CONTEXTS.filter((context) => permissionsOf(context.permissionsOf ?? context.name).tenantRole !== false).length / 10) - 1 },
        (_, group) => `anze-dev-sts-failures-${group + 2}`,
      ),
    ];
    expect(alarms.map((alarm) => alarm.Properties?.AlarmName).sort()).toEqual(expected.sort());
    for (const alarm of alarms) {
      expect(json(alarm.Properties?.AlarmActions)).toContain(':anze-dev-alarms');
      expect(alarm.Properties?.AlarmDescription).toEqual(expect.any(String));
      expect(alarm.Properties?.TreatMissingData).toBe('notBreaching');
    }
  });

  it('alarms on each context function’s 5xx rate from the Powertools metrics (ServerErrors / Requests, service anze-<context>)', () => {
    for (const name of contextNames) {
      const alarm = alarmNamed(devApi, `anze-dev-http-5xx-${name}`);
      expect(alarm.Properties?.Threshold).toBe(1);
      const metrics = json(alarm.Properties?.Metrics);
      expect(metrics).toMatch(/IF\(requests(\d+) > 0, 100 \* errors\1 \/ requests\1, 0\)/);
      for (const metric of ['ServerErrors', 'Requests']) expect(metrics).toContain(`"MetricName":"${metric}"`);
      expect(metrics).toContain(`{"Name":"service","Value":"anze-${name}"}`);
    }
  });

  it('alarms on the depth of the relay’s, the projections’ and the schedules’ dead-letter queues', () => {
    const queueIds = Object.keys(resourcesOfType(devApi, 'AWS::SQS::Queue'));
    for (const [alarmName, prefix] of [
      ['anze-dev-relay-dead-letters', 'OutboxRelayDeadLetters'],
      ['anze-dev-projections-dead-letters', 'ProjectionsDeadLetters'],
      ['anze-dev-schedules-dead-letters', 'DeadlineSweepDeadLetters'],
    ] as const) {
      const alarm = alarmNamed(devApi, alarmName);
      expect(alarm.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, Statistic: 'Maximum' });
      const queueId = queueIds.find((id) => id.startsWith(prefix));
      expect(json(alarm.Properties?.Dimensions)).toContain(`"${queueId}"`);
    }
  });

  it('alarms on the relay’s iterator age (5 minutes), its failed PutEvents and its parked events', () => {
    expect(alarmNamed(devApi, 'anze-dev-relay-iterator-age').Properties).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: 300_000,
    });
    expect(alarmNamed(devApi, 'anze-dev-relay-publish-failures').Properties).toMatchObject({
      Namespace: 'anze',
      MetricName: 'RelayPublishFailures',
      Dimensions: [{ Name: 'service', Value: 'anze-relay' }],
    });
    expect(alarmNamed(devApi, 'anze-dev-relay-parked-events').Properties).toMatchObject({ MetricName: 'RelayParkedEvents', Threshold: 0 });
  });

  it('alarms on the sign-in trigger’s errors and p99 duration, named not imported (anze-dev-pre-token)', () => {
    expect(alarmNamed(devApi, 'anze-dev-pre-token-errors').Properties).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: 'anze-dev-pre-token' }],
      Threshold: 0,
    });
    expect(alarmNamed(devApi, 'anze-dev-pre-token-duration').Properties).toMatchObject({
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 2000,
    });
    devIdentity.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'anze-dev-pre-token' });
  });

  it('alarms on STS AssumeRole failures the tenant-scoped client counts, summed over every context that assumes the tenant role', () => {
    const tenantRoleContexts = BOUNDED_CONTEXTS.filter((context) => permissionsOf(context.permissionsOf ?? context.name).tenantRole !== false);
    // At most 10 metrics per alarm's math expression: one alarm per group of 10 contexts.
    const groups = Math.ceil(tenantRoleContexts.length / 10);
    const names = Array.from({ length: groups }, (_, group) => (group === 0 ? 'anze-dev-sts-failures' : `anze-dev-sts-failures-${group + 1}`));
    const metrics = names.map((name) => json(alarmNamed(devApi, name).Properties?.Metrics)).join('');
    for (const { name } of tenantRoleContexts) expect(metrics).toContain(`{"Name":"service","Value":"anze-${name}"}`);
    expect(metrics).toContain('"MetricName":"StsAssumeRoleFailures"');
  });

  it('alarms on Scheduler failures and on the schedules function’s own errors', () => {
    const metrics = json(alarmNamed(devApi, 'anze-dev-scheduler-failures').Properties?.Metrics);
    for (const metric of ['TargetErrorCount', 'InvocationDroppedCount', 'InvocationsFailedToBeSentToDeadLetterCount']) {
      expect(metrics).toContain(`"MetricName":"${metric}"`);
    }
    expect(metrics).toContain('"Namespace":"AWS/Scheduler"');
    expect(alarmNamed(devApi, 'anze-dev-schedules-errors').Properties).toMatchObject({ MetricName: 'Errors', Threshold: 0 });
  });

  it('draws one dashboard per stage (anze-dev, anze-prod)', () => {
    devApi.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'anze-dev' });
    prodApi.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'anze-prod' });
    expect(Object.keys(resourcesOfType(devApi, 'AWS::CloudWatch::Dashboard'))).toHaveLength(1);
  });

  it('keeps the topic in the data stack, encrypted with a key CloudWatch may use, TLS only', () => {
    devData.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'anze-dev-alarms' });
    const [, topic] = resourceByPrefix(devData, 'AWS::SNS::Topic', 'AlarmTopic');
    const keyId = referencedLogicalId(topic.Properties?.KmsMasterKeyId);
    const key = resourcesOfType(devData, 'AWS::KMS::Key')[keyId ?? ''];
    expect(key?.Properties?.EnableKeyRotation).toBe(true);
    expect(json(key?.Properties?.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    expect(json(resourcesOfType(devData, 'AWS::SNS::TopicPolicy'))).toContain('"aws:SecureTransport":"false"');
  });

  it('README’s deployment section lists every alarm of the runbook', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    for (const suffix of Object.keys(ALARM_RUNBOOK)) expect(readme, suffix).toContain(`\`${suffix}\``);
  });
});

describe('issue 21: projections have dead letters at both failure points and can be replayed', () => {
  const queueId = () => Object.keys(resourcesOfType(devApi, 'AWS::SQS::Queue')).find((id) => id.startsWith('ProjectionsDeadLetters'));

  it('sends a failed asynchronous invocation to the projections dead-letter queue (onFailure), after 2 retries', () => {
    const configs = Object.values(resourcesOfType(devApi, 'AWS::Lambda::EventInvokeConfig')).filter((config) =>
      json(config.Properties?.FunctionName).includes('Projections'),
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]?.Properties?.MaximumRetryAttempts).toBe(2);
    expect(referencedLogicalId((configs[0]?.Properties?.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination)).toBe(queueId());
  });

  it('gives every rule target a dead-letter queue: projections → theirs, notifications → theirs (issue 16), schedules → the sweep’s', () => {
    const rules = Object.values(resourcesOfType(devApi, 'AWS::Events::Rule')).filter((rule) => rule.Properties?.EventBusName !== undefined);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      for (const target of rule.Properties?.Targets as { Arn: unknown; DeadLetterConfig?: { Arn: unknown } }[]) {
        const deadLetters = referencedLogicalId(target.DeadLetterConfig?.Arn);
        const expected = json(target.Arn).includes('Projections')
          ? /^ProjectionsDeadLetters/
          : json(target.Arn).includes('Notifications')
            ? /^NotificationsDeadLetters/
            : json(target.Arn).includes('WebhooksFanOut')
              ? /^WebhooksDeadLetters/
              : json(target.Arn).includes('ProvincialSync')
                ? /^ProvincialSync\w*DeadLetters/
                : /^DeadlineSweepDeadLetters/;
        expect(deadLetters, json(target.Arn)).toMatch(expected);
      }
    }
  });

  it('archives the bus’s events 35 days for `npm run replay:events`', () => {
    devData.hasResourceProperties('AWS::Events::Archive', {
      ArchiveName: 'anze-dev-events',
      RetentionDays: EVENT_ARCHIVE_RETENTION_DAYS,
      EventPattern: { source: ['anze'] },
    });
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['replay:events']).toBe('tsx infra/aws/replay-events.ts');
  });
});

describe('issue 21: reserved concurrency', () => {
  it('reserves concurrency for the sign-in trigger and caps the background functions', () => {
    devIdentity.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'anze-dev-pre-token',
      ReservedConcurrentExecutions: PRE_TOKEN_RESERVED_CONCURRENCY,
    });
    const [, projections] = resourceByPrefix(devApi, 'AWS::Lambda::Function', 'Projections');
    expect(projections.Properties?.ReservedConcurrentExecutions).toBe(BACKGROUND_RESERVED_CONCURRENCY.projections);
    const [, sweep] = resourceByPrefix(devApi, 'AWS::Lambda::Function', 'DeadlineSweepFunction');
    expect(sweep.Properties?.ReservedConcurrentExecutions).toBe(BACKGROUND_RESERVED_CONCURRENCY.schedules);
  });
});

describe('issue 21: data protection', () => {
  it('backs the main table up with AWS Backup: daily kept 35 days, yearly kept five years, in a retained vault', () => {
    const [, plan] = resourceByPrefix(prodData, 'AWS::Backup::BackupPlan', 'TableBackups');
    const rules = (plan.Properties?.BackupPlan as { BackupPlanRule: { RuleName: string; Lifecycle: { DeleteAfterDays: number }; ScheduleExpression: string }[] }).BackupPlanRule;
    expect(rules.map((rule) => [rule.RuleName, rule.Lifecycle.DeleteAfterDays, rule.ScheduleExpression])).toEqual([
      ['daily', TABLE_BACKUPS.dailyRetentionDays, 'cron(0 19 * * ? *)'],
      ['yearly', 1825, 'cron(0 19 1 1 ? *)'],
    ]);
    const [, selection] = resourceByPrefix(prodData, 'AWS::Backup::BackupSelection', 'TableBackups');
    expect(json(selection.Properties?.BackupSelection)).toContain('MainTable');
    const [, vault] = resourceByPrefix(prodData, 'AWS::Backup::BackupVault', 'BackupVault');
    expect(vault.DeletionPolicy).toBe('Retain');
  });

  it('retains every log group with a year’s retention, in every stage', () => {
    expect(LOG_RETENTION).toBe(365);
    for (const t of [devApi, devIdentity, prodApi, prodIdentity]) {
      const groups = Object.entries(resourcesOfType(t, 'AWS::Logs::LogGroup'));
      expect(groups.length).toBeGreaterThan(0);
      for (const [id, group] of groups) {
        expect(group.DeletionPolicy, id).toBe('Retain');
        expect(group.Properties?.RetentionInDays, id).toBe(365);
      }
    }
  });

  it('keeps no PITR on the idempotency table, decided: day-long records, a restore is only ever of the main table', () => {
    const [, table] = resourceByPrefix(prodData, 'AWS::DynamoDB::GlobalTable', 'IdempotencyTable');
    expect(json(table.Properties?.Replicas)).toContain('"PointInTimeRecoveryEnabled":false');
  });
});

describe('issue 21: edges', () => {
  it('puts the AWS managed rule groups on the CloudFront WebACL, after the rate rules, counting only the 8 KB body rule', () => {
    const acl = Object.values(resourcesOfType(Template.fromStack(dev.stacks.edge!), 'AWS::WAFv2::WebACL'))[0];
    const rules = acl?.Properties?.Rules as { Name: string; Priority: number; Statement: Record<string, unknown>; OverrideAction?: unknown }[];
    expect(rules.filter((rule) => rule.Statement.ManagedRuleGroupStatement).map((rule) => rule.Name)).toEqual(MANAGED_RULE_GROUPS.map((group) => group.name));
    const common = rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.OverrideAction).toEqual({ None: {} });
    expect(common?.Statement.ManagedRuleGroupStatement).toEqual({
      VendorName: 'AWS',
      Name: 'AWSManagedRulesCommonRuleSet',
      RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
    });
    const ratePriorities = rules.filter((rule) => rule.Statement.RateBasedStatement).map((rule) => rule.Priority);
    expect(Math.max(...ratePriorities)).toBeLessThan(common?.Priority ?? 0);
  });

  it('describes every WebACL in the characters CloudFormation accepts (cdk synth’s schema validation refused parentheses)', () => {
    const acls = [...Object.values(resourcesOfType(devApi, 'AWS::WAFv2::WebACL')), ...Object.values(resourcesOfType(Template.fromStack(dev.stacks.edge!), 'AWS::WAFv2::WebACL'))];
    expect(acls).toHaveLength(2);
    for (const acl of acls) expect(acl.Properties?.Description).toMatch(/^[a-zA-Z0-9=:#@/\-,.][a-zA-Z0-9+=:#@/\-,.\s]+[a-zA-Z0-9+=:#@/\-,.]{1,256}$/);
  });

  it('with its own origin domain, disables the execute-api endpoint and CloudFront reaches the API only there', () => {
    const [, httpApi] = resourceByPrefix(prodApi, 'AWS::ApiGatewayV2::Api', 'HttpApi');
    expect(httpApi.Properties?.DisableExecuteApiEndpoint).toBe(true);
    prodApi.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: PROD_CONTEXT.apiOriginDomain,
      DomainNameConfigurations: [{ CertificateArn: PROD_CONTEXT.apiCertificateArn, EndpointType: 'REGIONAL' }],
    });
    expect(Object.keys(resourcesOfType(prodApi, 'AWS::ApiGatewayV2::ApiMapping'))).toHaveLength(1);
    const origins = json(resourcesOfType(template(prod, 'web'), 'AWS::CloudFront::Distribution'));
    expect(origins).toContain(PROD_CONTEXT.apiOriginDomain);
    expect(origins).not.toContain('execute-api');
  });

  it('without one (dev), keeps the default endpoint, which is then CloudFront’s origin', () => {
    const [, httpApi] = resourceByPrefix(devApi, 'AWS::ApiGatewayV2::Api', 'HttpApi');
    expect(httpApi.Properties?.DisableExecuteApiEndpoint).toBe(false);
  });

  it('sends Cognito’s e-mail through SES in prod, and refuses a prod synth without a sender', () => {
    const [, pool] = resourceByPrefix(prodIdentity, 'AWS::Cognito::UserPool', 'UserPool');
    expect(pool.Properties?.EmailConfiguration).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: PROD_CONTEXT.sesFromEmail });
    expect(json(pool.Properties?.EmailConfiguration)).toContain(':identity/no-reply@anze.example.cn');
    expect(() => buildAnze({ context: { stage: 'prod' } })).toThrow(/sesFromEmail is required for prod/);
  });
});

describe('issue 21: the stage drives real differences', () => {
  it('dev: GOVERNANCE one day, everything removable, no deletion protection, Essentials', () => {
    const [, archive] = resourceByPrefix(devData, 'AWS::S3::Bucket', 'ArchiveBucket');
    expect(archive.Properties?.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } });
    expect(archive.DeletionPolicy).toBe('Delete');
    const [, table] = resourceByPrefix(devData, 'AWS::DynamoDB::GlobalTable', 'MainTable');
    expect(table.DeletionPolicy).toBe('Delete');
    expect(json(table.Properties?.Replicas)).toContain('"DeletionProtectionEnabled":false');
    const [, pool] = resourceByPrefix(devIdentity, 'AWS::Cognito::UserPool', 'UserPool');
    expect(pool.DeletionPolicy).toBe('Delete');
    expect(pool.Properties?.DeletionProtection).toBe('INACTIVE');
    expect(pool.Properties?.UserPoolTier).toBe('ESSENTIALS');
    expect(pool.Properties?.UserPoolAddOns).toBeUndefined();
    expect(dev.stacks.data.terminationProtection).toBe(false);
  });

  it('prod: COMPLIANCE five years, retained, deletion and termination protection, Plus with threat protection', () => {
    const [, archive] = resourceByPrefix(prodData, 'AWS::S3::Bucket', 'ArchiveBucket');
    expect(archive.Properties?.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1825 } } });
    expect(archive.DeletionPolicy).toBe('Retain');
    const [, table] = resourceByPrefix(prodData, 'AWS::DynamoDB::GlobalTable', 'MainTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(json(table.Properties?.Replicas)).toContain('"DeletionProtectionEnabled":true');
    const [, pool] = resourceByPrefix(prodIdentity, 'AWS::Cognito::UserPool', 'UserPool');
    expect(pool.Properties?.UserPoolTier).toBe('PLUS');
    expect(pool.Properties?.DeletionProtection).toBe('ACTIVE');
    expect(prod.stacks.data.terminationProtection).toBe(true);
    expect(prod.stacks.identity.terminationProtection).toBe(true);
  });

  it('derives the bus, archive bucket, topic and trigger names from the stage, so two stages share an account', () => {
    for (const [built, stage] of [[dev, 'dev'], [prod, 'prod']] as const) {
      const data = template(built, 'data');
      data.hasResourceProperties('AWS::Events::EventBus', { Name: `anze-${stage}` });
      data.hasResourceProperties('AWS::SNS::Topic', { TopicName: `anze-${stage}-alarms` });
      const [, archive] = resourceByPrefix(data, 'AWS::S3::Bucket', 'ArchiveBucket');
      expect(json(archive.Properties?.BucketName)).toContain(`anze-${stage}-archive-`);
    }
  });

  it('passes cdk-nag in prod too, with no unacknowledged finding', () => {
    expect(() => prod.app.synth()).not.toThrow();
    const report = new AwsSolutionsChecks().validateScope(prod.app);
    expect(report.violations.map((violation) => `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
