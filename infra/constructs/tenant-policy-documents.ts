/**
 * The policy documents of isolation layer 2 (ARCHITECTURE.md §3), as plain IAM JSON: the one source both the CDK
 * app (infra/constructs/tenant-isolation-roles.ts builds the roles' inline policies from it) and the local IAM twin
 * (functions/adapters/iam-twin/) read. No CDK import here: the local runtime and the Lambda bundles load this file,
 * and neither may pull in aws-cdk-lib. Table, index and bucket ARNs are parameters — CDK tokens on synth, concrete
 * ARNs locally — so the twin evaluates the very statements the template carries.
 */

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
 * What a tenant session may do with its own archive objects (SVC-10, SVC-13). Writes carry their compliance
 * retention (`x-amz-object-lock-*`), which S3 authorises as s3:PutObjectRetention; in COMPLIANCE mode a
 * retention can only be lengthened, never shortened or removed. s3:GetObjectRetention makes HeadObject and
 * GetObject return the retain-until date. HeadObject is authorised as s3:GetObject. No delete of any kind:
 * nothing in the application deletes an archive within its five years.
 */
export const TENANT_ARCHIVE_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:GetObjectRetention', 's3:PutObjectRetention'] as const;

export const REGULATOR_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const REGULATOR_ARCHIVE_ACTIONS = ['s3:GetObject', 's3:GetObjectRetention'] as const;

/** A condition block: operator → condition key → value(s). */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** One IAM policy statement as the template carries it (only what our policies use). */
export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: PolicyCondition;
}

/**
 * Items whose partition key (of the table, or of the index queried) matches one of `patterns`. `ForAllValues`
 * alone is vacuously true for a request that carries no LeadingKeys at all, hence the `Null` check beside it.
 */
export const leadingKeysCondition = (patterns: readonly string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
  Null: { 'dynamodb:LeadingKeys': 'false' },
});

export interface IsolationResources {
  readonly tableArn: string;
  /** Each index named, never `index/*`: no policy grants an index nobody declared. */
  readonly indexArns: readonly string[];
  readonly archiveBucketArn: string;
}

/** The tenant role's statements: the session tag `tenantId`'s items and archive objects, nothing else. */
export function tenantRoleStatements(resources: IsolationResources): PolicyStatementJson[] {
  return [
    {
      Sid: 'TenantItemsOnly',
      Effect: 'Allow',
      Action: [...TENANT_TABLE_ACTIONS],
      Resource: [resources.tableArn, ...resources.indexArns],
      Condition: leadingKeysCondition([TENANT_LEADING_KEYS]),
    },
    {
      Sid: 'TenantArchivesOnly',
      Effect: 'Allow',
      Action: [...TENANT_ARCHIVE_ACTIONS],
      Resource: [`${resources.archiveBucketArn}/${TENANT_ARCHIVE_PREFIX}`],
    },
  ];
}

/**
 * The regulator role's statements: reads across tenants, no write of any kind (ACL-2). No agency or county
 * condition yet: ACL-4's county scope is layer 1 only until regulator sessions carry those tags (issue 21).
 */
export function regulatorRoleStatements(resources: IsolationResources): PolicyStatementJson[] {
  return [
    { Sid: 'ReadItems', Effect: 'Allow', Action: [...REGULATOR_TABLE_ACTIONS], Resource: [resources.tableArn, ...resources.indexArns] },
    { Sid: 'ReadArchives', Effect: 'Allow', Action: [...REGULATOR_ARCHIVE_ACTIONS], Resource: [`${resources.archiveBucketArn}/*`] },
  ];
}
