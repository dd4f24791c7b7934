import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { IDEMPOTENCY_TABLE, MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { acknowledge } from '../constructs/nag.js';
import { tableFromDefinition } from '../constructs/table-from-definition.js';

/** Archived documents must be kept five years (ARCHITECTURE.md §7). */
export const ARCHIVE_RETENTION_DAYS = 5 * 365;

/**
 * The EventBridge bus of ARCHITECTURE.md §6, by its documented name. Physical names collide between stages
 * in one account; anze expects one account per stage, which is also what keeps IAM blast radii apart.
 */
export const EVENT_BUS_NAME = 'anze';

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

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = tableFromDefinition(this, 'MainTable', { definition: MAIN_TABLE, durable: true });
    // For `npm run bootstrap:operator` (ANZE_TABLE).
    new CfnOutput(this, 'MainTableName', { value: this.table.tableName, description: 'ANZE_TABLE for npm run bootstrap:operator' });
    // Idempotency records live a day (functions/middleware/idempotency.ts): nothing to recover, nothing to keep.
    this.idempotencyTable = tableFromDefinition(this, 'IdempotencyTable', { definition: IDEMPOTENCY_TABLE, durable: false });

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
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(ARCHIVE_RETENTION_DAYS)),
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'archive/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
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
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.eventBus = new EventBus(this, 'EventBus', { eventBusName: EVENT_BUS_NAME });
  }
}
