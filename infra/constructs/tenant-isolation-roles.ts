import { Aws } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AccountPrincipal, Effect, PolicyDocument, PolicyStatement, Role, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/**
 * The IAM condition value of ARCHITECTURE.md §3. The `#` after the tenant id matters: without it tenant `ab`
 * would match `T#abc…`, i.e. another tenant's items.
 */
export const TENANT_LEADING_KEYS = 'T#${aws:PrincipalTag/tenantId}#*';
/** Where a tenant's archives live in the archive bucket. */
export const TENANT_ARCHIVE_PREFIX = 'tenants/${aws:PrincipalTag/tenantId}/*';

/**
 * Item-level actions, including those `TransactWriteItems` is authorised as (Put/Update/Delete/ConditionCheck).
 * Scan is left out on purpose: it carries no `dynamodb:LeadingKeys`, and `ForAllValues` over an absent key is
 * true, so a Scan would walk every tenant.
 */
export const TENANT_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * Items whose partition key (of the table, or of the index queried) matches one of `patterns`. `ForAllValues`
 * alone is vacuously true for a request that carries no LeadingKeys at all, hence the `Null` check beside it.
 */
export const leadingKeysCondition = (patterns: readonly string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
  Null: { 'dynamodb:LeadingKeys': 'false' },
});

/**
 * What a tenant session may do with its own archive objects (SVC-10, SVC-13). Writes carry their compliance
 * retention (`x-amz-object-lock-*`), which S3 authorises as s3:PutObjectRetention; in COMPLIANCE mode a
 * retention can only be lengthened, never shortened or removed. s3:GetObjectRetention makes HeadObject and
 * GetObject return the retain-until date. HeadObject is authorised as s3:GetObject. No delete of any kind:
 * nothing in the application deletes an archive within its five years.
 */
export const TENANT_ARCHIVE_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:GetObjectRetention', 's3:PutObjectRetention'] as const;

export const REGULATOR_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

export interface TenantIsolationRolesProps {
  readonly table: ITableV2;
  readonly archiveBucket: IBucket;
  /** The bucket ARN as cdk-nag prints it, to acknowledge the two archive-prefix findings by their exact id. */
  readonly archiveBucketArnAsNagSees: string;
  /**
   * ARNs of the table's indexes, each named (from the table definition) rather than `index/*`: a new index is
   * added to the definition and so here, and no policy grants an index nobody declared.
   */
  readonly indexArns: readonly string[];
  /** Execution roles of the handlers that serve insurers and regulators. */
  readonly assumedBy: readonly IRole[];
}

/**
 * Tenant isolation, layer 2 (ARCHITECTURE.md §3): the credentials a handler works with once it knows who
 * calls. For an insurer it assumes {@link tenantRole} with the session tag `tenantId` taken from the verified
 * token, and IAM itself refuses any key outside `T#<tenantId>#`; for a regulator it assumes the read-only
 * {@link regulatorRole}. A bug in the repositories (layer 1) is then still stopped here.
 */
export class TenantIsolationRoles extends Construct {
  readonly tenantRole: Role;
  readonly regulatorRole: Role;

  constructor(scope: Construct, id: string, props: TenantIsolationRolesProps) {
    super(scope, id);
    const { table, archiveBucket } = props;
    if (props.assumedBy.length === 0) throw new Error('TenantIsolationRoles: no handler role may assume them');
    const callerArns = props.assumedBy.map((role) => role.roleArn);
    const tableAndIndexes = [table.tableArn, ...props.indexArns];

    // Trust the account, narrowed to the handlers' execution roles by ARN: unlike a role principal, an ARN
    // condition survives the role being replaced, and one statement covers every handler.
    const tenantPrincipal = new AccountPrincipal(Aws.ACCOUNT_ID)
      .withSessionTags()
      .withConditions({
        ArnEquals: { 'aws:PrincipalArn': callerArns },
        // No session without the tenant tag, and no other tag beside it. Tag values cannot contain `*`, `?` or
        // `#` (STS rejects them), so the tag cannot widen the LeadingKeys pattern.
        Null: { 'aws:RequestTag/tenantId': 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenantId'] },
      });

    this.tenantRole = new Role(this, 'TenantScopedRole', {
      assumedBy: tenantPrincipal,
      description: 'anze tenant-scoped credentials: DynamoDB keys and archive objects of the session tag tenantId only',
      inlinePolicies: {
        TenantData: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'TenantItemsOnly',
              effect: Effect.ALLOW,
              actions: [...TENANT_TABLE_ACTIONS],
              resources: tableAndIndexes,
              conditions: leadingKeysCondition([TENANT_LEADING_KEYS]),
            }),
            new PolicyStatement({
              sid: 'TenantArchivesOnly',
              effect: Effect.ALLOW,
              actions: [...TENANT_ARCHIVE_ACTIONS],
              resources: [archiveBucket.arnForObjects(TENANT_ARCHIVE_PREFIX)],
            }),
          ],
        }),
      },
    });

    this.regulatorRole = new Role(this, 'RegulatorReadRole', {
      assumedBy: new AccountPrincipal(Aws.ACCOUNT_ID).withConditions({
        ArnEquals: { 'aws:PrincipalArn': callerArns },
      }),
      description: 'anze regulator credentials: cross-tenant reads, no writes of any kind',
      inlinePolicies: {
        RegulatorRead: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'ReadItems',
              actions: [...REGULATOR_TABLE_ACTIONS],
              resources: tableAndIndexes,
            }),
            new PolicyStatement({
              sid: 'ReadArchives',
              actions: ['s3:GetObject', 's3:GetObjectRetention'],
              resources: [archiveBucket.arnForObjects('*')],
            }),
          ],
        }),
      },
    });

    acknowledge(this.tenantRole, {
      id: `AwsSolutions-IAM5[Resource::${props.archiveBucketArnAsNagSees}/tenants/<aws:PrincipalTag/tenantId>/*]`,
      reason:
        'The wildcard is the point: objects under tenants/<session tag tenantId>/ only, which is the archive half of tenant isolation (ARCHITECTURE.md §3); archive keys are generated per document.',
    });
    acknowledge(this.regulatorRole, {
      id: `AwsSolutions-IAM5[Resource::${props.archiveBucketArnAsNagSees}/*]`,
      reason:
        'Regulators verify archives of every tenant (cross-tenant read by design, ARCHITECTURE.md §4); s3:GetObject only, the bucket is object-locked and the role has no write action.',
    });

    for (const caller of props.assumedBy) {
      caller.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.tenantRole.roleArn] }),
      );
      caller.addToPrincipalPolicy(new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [this.regulatorRole.roleArn] }));
    }
  }
}
