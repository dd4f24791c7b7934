import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type Archive, EventBus, Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { IDEMPOTENCY_TABLE, MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { acknowledge } from '../constructs/nag.js';
import { tableFromDefinition } from '../constructs/table-from-definition.js';
import { alarmTopicName, ARCHIVE_RETENTION_DAYS, eventBusName, stageProfile } from './stage-profile.js';

export { ARCHIVE_RETENTION_DAYS };

/** How long the bus archive keeps events for `npm run replay:events` (infra/aws/replay-events.ts). */
export const EVENT_ARCHIVE_RETENTION_DAYS = 35;
/** AWS Backup copies of the main table besides PITR (35 days): daily kept 35 days, yearly kept as long as the archive. */
export const TABLE_BACKUPS = { dailyRetentionDays: 35, yearlyRetentionDays: ARCHIVE_RETENTION_DAYS } as const;

/**
 * The archive bucket's name, fixed rather than generated: the scoped roles in the API stack name it in their
 * policies (`…/tenants/${aws:PrincipalTag/tenantId}/*`), and a name reads better there — and in an audit —
 * than a cross-stack output. Account and region keep it globally unique.
 *
 * @param pseudo how account and region are written: CloudFormation pseudo parameters by default, or the
 *   `<AWS::AccountId>` form cdk-nag prints, to name a finding.
 */
export function archiveBucketName(
  stage: string,
  pseudo: { readonly account: string; readonly region: string } = { account: Aws.ACCOUNT_ID, region: Aws.REGION },
): string {
  return `anze-${stage}-archive-${pseudo.account}-${pseudo.region}`;
}

/**
 * The headers a browser sends with a presigned evidence upload (SVC-13), all of them signed
 * (functions/adapters/archive/s3-archive-store.ts): CORS must allow exactly these.
 */
export const ARCHIVE_UPLOAD_HEADERS = [
  'content-type',
  'if-none-match',
  'x-amz-checksum-sha256',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
] as const;

/**
 * Where the console runs, for the archive bucket's CORS rule: its custom domain, or else any CloudFront
 * domain — the distribution's own name is generated in the web stack, which is deployed after this one. The
 * origin only lets a browser read the answer; what authorises an upload is the presigned signature.
 */
export function consoleOrigins(settings: { readonly customDomain?: { readonly domainName: string }; readonly corsOrigins: readonly string[] }): string[] {
  const own = settings.customDomain ? `https://${settings.customDomain.domainName}` : 'https://*.cloudfront.net';
  return [own, ...settings.corsOrigins];
}

export interface DataStackProps extends StackProps {
  readonly stage: string;
  /** Browser origins that may PUT presigned evidence uploads into the archive bucket ({@link consoleOrigins}). */
  readonly uploadOrigins: readonly string[];
}

/**
 * The stateful half: what must survive any redeploy of the code. Everything here is retained on stack
 * deletion, and nothing here changes when a handler does.
 */
export class DataStack extends Stack {
  readonly table: TableV2;
  readonly idempotencyTable: TableV2;
  readonly archiveBucket: Bucket;
  readonly eventBus: EventBus;
  readonly eventArchive: Archive;
  readonly backupPlan: BackupPlan;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    const profile = stageProfile(props.stage);
    this.table = tableFromDefinition(this, 'MainTable', {
      definition: MAIN_TABLE,
      durable: true,
      deletionProtection: profile.deletionProtection,
      removalPolicy: profile.removalPolicy,
    });
    // For `npm run bootstrap:operator` (ANZE_TABLE).
    new CfnOutput(this, 'MainTableName', { value: this.table.tableName, description: 'ANZE_TABLE for npm run bootstrap:operator' });
    /*
     * No PITR on the idempotency table, decided (issue 21): its records live a day (functions/middleware/idempotency.ts)
     * and only stop a retried POST from running twice within that day. A restore makes a new table and would
     * only ever be of the main table; an emptied idempotency table costs at worst one duplicate retry, which the
     * main table's conditional writes (versions, unique keys) refuse anyway.
     */
    this.idempotencyTable = tableFromDefinition(this, 'IdempotencyTable', {
      definition: IDEMPOTENCY_TABLE,
      durable: false,
      deletionProtection: false,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    /*
     * AWS Backup besides PITR: PITR goes back 35 days and lives with the table (a deleted table takes its
     * PITR with it after 35 days); the vault's copies are separate from the table and the yearly ones are kept
     * as long as the archives they index. The vault is retained in every stage: recovery points cannot be
     * deleted with a stack, and a generated name never collides on a redeploy.
     */
    const vault = new BackupVault(this, 'BackupVault', { removalPolicy: RemovalPolicy.RETAIN });
    this.backupPlan = new BackupPlan(this, 'TableBackups', {
      backupVault: vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'daily',
          // 03:00 Asia/Shanghai (19:00 UTC), after the day's business and before the 08:00 sweep.
          scheduleExpression: Schedule.cron({ minute: '0', hour: '19' }),
          deleteAfter: Duration.days(TABLE_BACKUPS.dailyRetentionDays),
        }),
        new BackupPlanRule({
          ruleName: 'yearly',
          scheduleExpression: Schedule.cron({ minute: '0', hour: '19', day: '1', month: '1' }),
          deleteAfter: Duration.days(TABLE_BACKUPS.yearlyRetentionDays),
        }),
      ],
    });
    const selection = this.backupPlan.addSelection('MainTable', { resources: [BackupResource.fromArn(this.table.tableArn)] });
    acknowledge(selection, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The role AWS Backup assumes to back the main table up: AWS maintains this service-role policy as Backup gains resource types; the selection names the one table it applies to.',
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Who read or wrote an archive is audit evidence: keep it as long as the archives themselves.
      lifecycleRules: [{ expiration: Duration.days(ARCHIVE_RETENTION_DAYS + 30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, {
      id: 'AwsSolutions-S1',
      reason:
        'This is the server-access-log destination of the archive bucket; logging it into itself would loop, and a third bucket would only move the question.',
    });

    /*
     * SSE-S3 rather than KMS: object lock in compliance mode already makes archives immutable, and a customer
     * managed key would need key-policy grants for every tenant-scoped session and the regulator role, a second
     * place where tenant isolation could go wrong, plus a KMS call per read. The SHA-256 digest in the table is
     * what proves integrity.
     */
    this.archiveBucket = new Bucket(this, 'ArchiveBucket', {
      bucketName: archiveBucketName(props.stage),
      objectLockEnabled: true,
      // COMPLIANCE five years in prod, GOVERNANCE one day elsewhere (stage-profile.ts).
      objectLockDefaultRetention: profile.archiveLock,
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'archive/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Issue 20, cost: evidence is read in the weeks after a service and then seldom, yet kept five years.
        // Intelligent-Tiering moves an object unread for 30 days to Infrequent Access and after 90 to Archive
        // Instant Access (milliseconds, no retrieval fee), about a sixth of Standard's price; the object lock
        // holds in every tier. Objects under 128 KB stay in Frequent Access, unmonitored and uncharged for it.
        { transitions: [{ storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] },
      ],
      // SVC-13: the console PUTs evidence straight to the bucket with a presigned URL, never through a Lambda.
      cors: [
        {
          allowedOrigins: [...props.uploadOrigins],
          allowedMethods: [HttpMethods.PUT],
          allowedHeaders: [...ARCHIVE_UPLOAD_HEADERS],
          exposedHeaders: ['etag', 'x-amz-checksum-sha256', 'x-amz-version-id'],
          maxAge: 600,
        },
      ],
      removalPolicy: profile.removalPolicy,
    });

    this.eventBus = new EventBus(this, 'EventBus', { eventBusName: eventBusName(props.stage) });
    // What `npm run replay:events` replays from (a projection fixed, a dead-lettered event window): idempotent
    // subscribers (projections read the aggregate as it is now) make a replay safe.
    this.eventArchive = this.eventBus.archive('EventArchive', {
      archiveName: `anze-${props.stage}-events`,
      description: 'anze: every event on the bus, for replay after a subscriber failure',
      eventPattern: { source: ['anze'] },
      retention: Duration.days(EVENT_ARCHIVE_RETENTION_DAYS),
    });

    /*
     * Where every alarm of the stage goes (infra/constructs/operations-alarms.ts). A customer managed key:
     * CloudWatch cannot publish to a topic under the AWS managed SNS key, so the key's policy names it.
     */
    const alarmKey = new Key(this, 'AlarmTopicKey', {
      description: 'anze: encrypts the alarm topic; CloudWatch alarms may use it to publish',
      enableKeyRotation: true,
      removalPolicy: profile.removalPolicy,
    });
    alarmKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: alarmTopicName(props.stage),
      displayName: `anze ${props.stage} alarms`,
      masterKey: alarmKey,
      enforceSSL: true,
    });
    this.alarmTopic.grantPublish(new ServicePrincipal('cloudwatch.amazonaws.com'));
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn, description: 'Subscribe the on-call address: aws sns subscribe --protocol email' });
  }
}
