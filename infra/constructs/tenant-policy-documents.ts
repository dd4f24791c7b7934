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
 * Regulator sessions (ACL-2, ACL-4; issue 21): the regulator role is assumed with two session tags taken from the
 * verified token — `agency` (EMB_CITY | EMB_COUNTY | NFRA) and `county`. The city EMB and the NFRA see the whole
 * city and carry {@link CITY_WIDE_COUNTY}: it can never be an area code (those are digits or `XZ-EDZ`,
 * domain/kernel/area.ts), and STS refuses `*`, `?` and `#` in a tag value, so no tag widens a pattern.
 */
export const REGULATOR_SESSION_TAGS = ['agency', 'county'] as const;
export const CITY_WIDE_COUNTY = 'ALL';
export const CITY_WIDE_AGENCIES = ['EMB_CITY', 'NFRA'] as const;
export const COUNTY_AGENCY = 'EMB_COUNTY';

/**
 * Regulator views keyed by county (keys.ts): one partition per county, so `dynamodb:LeadingKeys` holds a county
 * EMB's session to `…#${aws:PrincipalTag/county}` and a city-wide session reads every county's (issue 21): SVC-7's
 * hazards, CMP-6's escalated complaints, CLM-1's declined claims, SUP-2's notices, SYNC-1's records and the
 * supervision overview's counters (`R#supervision#COUNT#<year>#<county>`, any year), and REG-1's register as the
 * regulators list it (GSI1 `R#register#ENT-COUNTY#<county>` and its counters `R#register#COUNT#<county>`). A record
 * of no known county is under `NONE`, which no county EMB's tag can be: the city-wide sessions' only.
 */
export const COUNTY_KEYED_REGULATOR_VIEWS = [
  'REG#HAZARD',
  'REG#COMPLAINT-ESCALATED',
  'REG#CLAIM-DECLINED',
  'REG#NOTICE',
  'REG#SYNC',
  'R#supervision#COUNT#*',
  'R#register#ENT-COUNTY',
  'R#register#COUNT',
] as const;

/**
 * What every regulator session reads that is not keyed by county (ACL-4 stays in layer 1 for these, with the
 * reason): insurers' own partitions (`T#<tenant>#…`: policies, services, hazards, complaints, fee years — keyed by
 * insurer, a county EMB's county is a filter on the insurer's listing, ARCHITECTURE.md §2) and an enterprise's
 * policies across insurers (GSI3 `ENT#<uscc>#POLICY`, the archive folder; the enterprise's county is on each
 * policy, checked in code) and the register's entries by USCC (`R#register#ENT#<uscc>`: the enterprises' names on
 * an insurer's complaints; the entry states its county). No write of any kind (ACL-2).
 */
export const REGULATOR_INSURER_DATA_KEYS = ['T#*', 'ENT#*#POLICY', 'R#register#ENT#*'] as const;

/**
 * What only the city-wide sessions read: RPT-1's submitted reports (`REG#REPORT…`, GSI3/GSI4 — the city EMB and
 * the NFRA are their addressees, a county EMB is not) and QUAL-4's paper filings (`R#qualification-paper#…`).
 */
export const CITY_WIDE_REGULATOR_KEYS = ['REG#REPORT', 'REG#REPORT-SUBMITTED', 'R#qualification-paper#*'] as const;

const cityWide = { StringEquals: { 'aws:PrincipalTag/county': CITY_WIDE_COUNTY, 'aws:PrincipalTag/agency': [...CITY_WIDE_AGENCIES] } };

/**
 * The regulator role's statements: reads only (ACL-2), and what a session reads follows its tags (ACL-4): a county
 * EMB reaches its county's partitions of the county-keyed views and none of another county's; the city EMB and
 * the NFRA every county's, and the city-wide records.
 */
export function regulatorRoleStatements(resources: IsolationResources): PolicyStatementJson[] {
  const tableAndIndexes = [resources.tableArn, ...resources.indexArns];
  return [
    {
      Sid: 'InsurerDataReads',
      Effect: 'Allow',
      Action: [...REGULATOR_TABLE_ACTIONS],
      Resource: tableAndIndexes,
      Condition: { ...leadingKeysCondition([...REGULATOR_INSURER_DATA_KEYS]), StringEquals: { 'aws:PrincipalTag/agency': [...CITY_WIDE_AGENCIES, COUNTY_AGENCY] } },
    },
    {
      Sid: 'OwnCountyViews',
      Effect: 'Allow',
      Action: [...REGULATOR_TABLE_ACTIONS],
      Resource: tableAndIndexes,
      Condition: {
        ...leadingKeysCondition(COUNTY_KEYED_REGULATOR_VIEWS.map((view) => `${view}#\${aws:PrincipalTag/county}`)),
        StringEquals: { 'aws:PrincipalTag/agency': COUNTY_AGENCY },
      },
    },
    {
      Sid: 'CityWideReads',
      Effect: 'Allow',
      Action: [...REGULATOR_TABLE_ACTIONS],
      Resource: tableAndIndexes,
      Condition: { ...leadingKeysCondition([...COUNTY_KEYED_REGULATOR_VIEWS.map((view) => `${view}#*`), ...CITY_WIDE_REGULATOR_KEYS]), ...cityWide },
    },
    { Sid: 'ReadArchives', Effect: 'Allow', Action: [...REGULATOR_ARCHIVE_ACTIONS], Resource: [`${resources.archiveBucketArn}/*`] },
  ];
}

/**
 * Enterprise sessions (ACL-5, issue 21): an enterprise user's reads across insurers — its policies, services,
 * hazards, complaints, claims and alarms, each a GSI3 partition `ENT#<uscc>#<ENTITY>` (functions/adapters/dynamodb/
 * keys.ts) — run in the enterprise role assumed with the session tag `uscc` from the verified token. A USCC is 18
 * digits and capitals (domain/kernel/uscc.ts), and STS refuses `*`, `?` and `#` in a tag, so the tag cannot widen
 * the pattern. What an enterprise does (confirm, rectify, complain) is written through its insurer's tenant session,
 * the insurer found from the enterprise's own policy, never from input.
 */
export const ENTERPRISE_SESSION_TAGS = ['uscc'] as const;
export const ENTERPRISE_VIEW_KEYS = 'ENT#${aws:PrincipalTag/uscc}#*';
/** The one index the enterprise views live in (table-definition.ts). */
export const ENTERPRISE_VIEW_INDEX = 'GSI3';

/** The enterprise role's one statement: Query of its own GSI3 partitions; no table read, no write of any kind. */
export function enterpriseRoleStatements(resources: IsolationResources): PolicyStatementJson[] {
  const index = resources.indexArns.filter((arn) => arn.endsWith(`/index/${ENTERPRISE_VIEW_INDEX}`));
  if (index.length !== 1) throw new Error(`enterpriseRoleStatements: the table has no index ${ENTERPRISE_VIEW_INDEX}`);
  return [{ Sid: 'OwnEnterpriseViews', Effect: 'Allow', Action: ['dynamodb:Query'], Resource: index, Condition: leadingKeysCondition([ENTERPRISE_VIEW_KEYS]) }];
}
