import { Aws } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AccountPrincipal, PolicyDocument, PolicyStatement, Role, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import {
  CITY_WIDE_AGENCIES,
  COUNTY_AGENCY,
  ENTERPRISE_SESSION_TAGS,
  enterpriseRoleStatements,
  REGULATOR_SESSION_TAGS,
  regulatorRoleStatements,
  tenantRoleStatements,
  type IsolationResources,
  type PolicyStatementJson,
} from './tenant-policy-documents.js';

/** The CDK document of the pure statements (tenant-policy-documents.ts), which the local IAM twin evaluates too. */
const policyDocumentOf = (statements: readonly PolicyStatementJson[]): PolicyDocument =>
  new PolicyDocument({ statements: statements.map((statement) => PolicyStatement.fromJson(statement)) });

export {
  leadingKeysCondition,
  REGULATOR_TABLE_ACTIONS,
  TENANT_ARCHIVE_ACTIONS,
  TENANT_ARCHIVE_PREFIX,
  TENANT_LEADING_KEYS,
  TENANT_TABLE_ACTIONS,
} from './tenant-policy-documents.js';

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
 * {@link regulatorRole} with the session tags `agency` and `county` of the token (ACL-4); for an enterprise user's
 * reads the {@link enterpriseRole} with the tag `uscc` (ACL-5). A bug in the repositories (layer 1) is then still stopped here.
 */
export class TenantIsolationRoles extends Construct {
  readonly tenantRole: Role;
  readonly regulatorRole: Role;
  /** ACL-5 (issue 21): an enterprise user's reads across insurers, tagged `uscc`. */
  readonly enterpriseRole: Role;
  /** What the roles' documents were built from (tokens): a test resolves the pure documents with them. */
  readonly documentResources: IsolationResources;

  constructor(scope: Construct, id: string, props: TenantIsolationRolesProps) {
    super(scope, id);
    const { table, archiveBucket } = props;
    if (props.assumedBy.length === 0) throw new Error('TenantIsolationRoles: no handler role may assume them');
    const callerArns = props.assumedBy.map((role) => role.roleArn);
    this.documentResources = { tableArn: table.tableArn, indexArns: props.indexArns, archiveBucketArn: archiveBucket.bucketArn };

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
      inlinePolicies: { TenantData: policyDocumentOf(tenantRoleStatements(this.documentResources)) },
    });

    // ACL-4 (issue 21): no regulator session without both scope tags, no other tag, and only the three agencies;
    // the county tag's value is then what the policy's LeadingKeys substitute (tenant-policy-documents.ts).
    this.regulatorRole = new Role(this, 'RegulatorReadRole', {
      assumedBy: new AccountPrincipal(Aws.ACCOUNT_ID)
        .withSessionTags()
        .withConditions({
          ArnEquals: { 'aws:PrincipalArn': callerArns },
          Null: { 'aws:RequestTag/agency': 'false', 'aws:RequestTag/county': 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [...REGULATOR_SESSION_TAGS] },
          StringEquals: { 'aws:RequestTag/agency': [...CITY_WIDE_AGENCIES, COUNTY_AGENCY] },
        }),
      description: 'anze regulator credentials: reads of the session tags agency and county scope, no writes of any kind',
      inlinePolicies: { RegulatorRead: policyDocumentOf(regulatorRoleStatements(this.documentResources)) },
    });

    // ACL-5 (issue 21): no enterprise session without its USCC tag, and no other tag beside it.
    this.enterpriseRole = new Role(this, 'EnterpriseReadRole', {
      assumedBy: new AccountPrincipal(Aws.ACCOUNT_ID)
        .withSessionTags()
        .withConditions({
          ArnEquals: { 'aws:PrincipalArn': callerArns },
          Null: { 'aws:RequestTag/uscc': 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [...ENTERPRISE_SESSION_TAGS] },
        }),
      description: 'anze enterprise credentials: Query of the GSI3 views ENT#<session tag uscc>#* only, no writes of any kind',
      inlinePolicies: { EnterpriseRead: policyDocumentOf(enterpriseRoleStatements(this.documentResources)) },
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
      caller.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.regulatorRole.roleArn] }),
      );
      caller.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.enterpriseRole.roleArn] }),
      );
    }
  }
}
