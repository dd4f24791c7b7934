import { describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { TENANT_LEADING_KEYS } from '../../infra/constructs/tenant-isolation-roles.js';
import { WEBHOOK_KEYS } from '../../infra/constructs/webhook-delivery.js';
import { CALENDAR_LEADING_KEYS, permissionsOf } from '../../infra/stacks/context-permissions.js';
import {
  asArray,
  referencedLogicalId,
  resourceByPrefix,
  resourcesOfType,
  statementsOfRole,
  synthAnze,
  type PolicyStatementJson,
} from './synth.js';

const { templates } = synthAnze();
const api = templates.api;

const [tenantRoleId, tenantRole] = resourceByPrefix(api, 'AWS::IAM::Role', 'IsolationTenantScopedRole');
const [regulatorRoleId, regulatorRole] = resourceByPrefix(api, 'AWS::IAM::Role', 'IsolationRegulatorReadRole');
const [enterpriseRoleId, enterpriseRole] = resourceByPrefix(api, 'AWS::IAM::Role', 'IsolationEnterpriseReadRole');

const actionsOf = (statement: PolicyStatementJson): readonly string[] => asArray(statement.Action);
const touchesDynamoDb = (statement: PolicyStatementJson) => actionsOf(statement).some((action) => action.startsWith('dynamodb:'));
const touchesMainTable = (statement: PolicyStatementJson) => {
  const resources = JSON.stringify(statement.Resource);
  return resources.includes('MainTable') && !resources.includes('StreamArn');
};
const leadingKeysOf = (statement: PolicyStatementJson): unknown =>
  statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];

/** IAM `StringLike` after policy-variable substitution: `*` is any run of characters, `?` one character. */
function iamStringLike(pattern: string, value: string, principalTags: Record<string, string>): boolean {
  const substituted = pattern.replace(/\$\{aws:PrincipalTag\/([^}]+)\}/g, (_, tag: string) => principalTags[tag] ?? '');
  const regex = substituted
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`).test(value);
}

/** The execution roles of the HTTP context functions, by their Powertools service name. */
/** Each HTTP function's role, with the context whose permissions it holds (a file function holds its context's). */
function contextRoleIds(): [permissionsName: string, roleId: string][] {
  const roles: [string, string][] = [];
  for (const fn of Object.values(resourcesOfType(api, 'AWS::Lambda::Function'))) {
    const service = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables.POWERTOOLS_SERVICE_NAME;
    const context = BOUNDED_CONTEXTS.find((candidate) => `anze-${candidate.name}` === service);
    const roleId = referencedLogicalId(fn.Properties?.Role);
    if (context && roleId) roles.push([context.permissionsOf ?? context.name, roleId]);
  }
  return roles;
}

describe('tenant-scoped role (ARCHITECTURE.md §3, layer 2)', () => {
  const statements = statementsOfRole(api, tenantRoleId);
  const dynamoStatements = statements.filter(touchesDynamoDb);

  it('conditions every DynamoDB statement on exactly T#${aws:PrincipalTag/tenantId}#*', () => {
    expect(TENANT_LEADING_KEYS).toBe('T#${aws:PrincipalTag/tenantId}#*');
    expect(dynamoStatements.length).toBeGreaterThan(0);
    for (const statement of dynamoStatements) {
      expect(statement.Effect).toBe('Allow');
      expect(leadingKeysOf(statement)).toEqual(['T#${aws:PrincipalTag/tenantId}#*']);
      // ForAllValues holds vacuously for a request without LeadingKeys: the key must be present.
      expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      expect(touchesMainTable(statement)).toBe(true);
    }
  });

  it('reaches its own tenant and never a tenant whose id merely starts the same (the trailing #)', () => {
    const tags = { tenantId: 'ab' };
    expect(iamStringLike(TENANT_LEADING_KEYS, 'T#ab#POLICY#p1', tags)).toBe(true);
    expect(iamStringLike(TENANT_LEADING_KEYS, 'T#ab#USER', tags)).toBe(true);
    expect(iamStringLike(TENANT_LEADING_KEYS, 'T#abc#POLICY#p1', tags)).toBe(false);
    expect(iamStringLike(TENANT_LEADING_KEYS, 'T#ab', tags)).toBe(false);
    expect(iamStringLike(TENANT_LEADING_KEYS, 'P#TENANT#ab', tags)).toBe(false);
    expect(iamStringLike(TENANT_LEADING_KEYS, 'R#ab#EVALUATION#1', tags)).toBe(false);
  });

  it('allows item actions only: no Scan (it carries no LeadingKeys) and no wildcard actions', () => {
    const actions = dynamoStatements.flatMap(actionsOf);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem']));
  });

  it('SVC-10 reads and writes archives, with their retention, under tenants/${aws:PrincipalTag/tenantId}/ only, and deletes nothing', () => {
    const s3Statements = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:')));
    expect(s3Statements).toHaveLength(1);
    expect([...actionsOf(s3Statements[0] as PolicyStatementJson)].sort()).toEqual([
      's3:GetObject',
      's3:GetObjectRetention',
      's3:PutObject',
      's3:PutObjectRetention',
    ]);
    expect(asArray(s3Statements[0]?.Resource)).toHaveLength(1);
    expect(JSON.stringify(s3Statements[0]?.Resource)).toMatch(/:s3:::anze-dev-archive-.*\/tenants\/\$\{aws:PrincipalTag\/tenantId\}\/\*"\]\]\}$/);
    expect(statements.flatMap(actionsOf).filter((action) => /^s3:(Delete|BypassGovernance|PutBucket|ListBucket)/.test(action))).toEqual([]);
  });

  it('SVC-13 a presigned upload signed by one tenant\'s session reaches only that tenant\'s prefix', () => {
    const pattern = 'tenants/${aws:PrincipalTag/tenantId}/*';
    expect(JSON.stringify(statements.find((statement) => statement.Sid === 'TenantArchivesOnly')?.Resource)).toContain(pattern);
    const tags = { tenantId: 't1' };
    expect(iamStringLike(pattern, 'tenants/t1/uploads/u1/photo.jpg', tags)).toBe(true);
    expect(iamStringLike(pattern, 'tenants/t12/uploads/u1/photo.jpg', tags)).toBe(false);
    expect(iamStringLike(pattern, 'tenants/t2/archives/a1/service-record.json', tags)).toBe(false);
  });

  it('has no other statement and no managed policy', () => {
    expect(statements).toHaveLength(dynamoStatements.length + 1);
    expect(tenantRole.Properties?.ManagedPolicyArns).toBeUndefined();
  });

  it('is assumable only by the context functions, with AssumeRole + TagSession and the tenantId tag required', () => {
    const trust = (tenantRole.Properties?.AssumeRolePolicyDocument as { Statement: PolicyStatementJson[] }).Statement;
    expect(trust).toHaveLength(1);
    const [statement] = trust as [PolicyStatementJson];
    expect([...actionsOf(statement)].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(statement.Condition?.Null).toEqual({ 'aws:RequestTag/tenantId': 'false' });
    expect(statement.Condition?.['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['tenantId'] });
    const callers = asArray(statement.Condition?.ArnEquals?.['aws:PrincipalArn'] as unknown).map(referencedLogicalId);
    expect(new Set(callers)).toEqual(new Set(contextRoleIds().map(([, roleId]) => roleId)));
  });
});

describe('regulator read-only role', () => {
  /** Everything a regulator's session may do. Anything else in its policies is a write or an escalation. */
  const READ_ACTIONS = new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 's3:GetObject', 's3:GetObjectRetention']);
  const statements = statementsOfRole(api, regulatorRoleId);

  it('has only read actions, in every policy attached to it', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) expect(READ_ACTIONS, `${action} is not a read action`).toContain(action);
    }
    expect(regulatorRole.Properties?.ManagedPolicyArns).toBeUndefined();
  });

  it('reads the main table and its indexes, not the idempotency table', () => {
    const dynamo = statements.filter(touchesDynamoDb);
    expect(dynamo.every(touchesMainTable)).toBe(true);
    expect(JSON.stringify(dynamo)).not.toContain('IdempotencyTable');
  });

  it('ACL-4 (issue 21) is assumed with the session tags agency and county only, by the context functions', () => {
    const trust = (regulatorRole.Properties?.AssumeRolePolicyDocument as { Statement: PolicyStatementJson[] }).Statement;
    expect(trust).toHaveLength(1);
    const [statement] = trust as [PolicyStatementJson];
    expect([...actionsOf(statement)].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(statement.Condition?.Null).toEqual({ 'aws:RequestTag/agency': 'false', 'aws:RequestTag/county': 'false' });
    expect(statement.Condition?.['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['agency', 'county'] });
    expect([...asArray(statement.Condition?.StringEquals?.['aws:RequestTag/agency'] as unknown as string[])].sort()).toEqual(['EMB_CITY', 'EMB_COUNTY', 'NFRA']);
    const callers = asArray(statement.Condition?.ArnEquals?.['aws:PrincipalArn'] as unknown).map(referencedLogicalId);
    expect(new Set(callers)).toEqual(new Set(contextRoleIds().map(([, roleId]) => roleId)));
    // Each caller may tag the session it assumes.
    for (const [, roleId] of contextRoleIds()) {
      const assume = statementsOfRole(api, roleId).find((candidate) => JSON.stringify(candidate.Resource).includes(regulatorRoleId));
      expect([...actionsOf(assume as PolicyStatementJson)].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    }
  });

  it('ACL-4 (issue 21) conditions every DynamoDB read on LeadingKeys and the session’s tags: no read of the whole table', () => {
    const dynamo = statements.filter(touchesDynamoDb);
    for (const statement of dynamo) {
      expect(leadingKeysOf(statement), JSON.stringify(statement)).toBeDefined();
      expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      expect(Object.keys(statement.Condition?.StringEquals ?? {})).toContain('aws:PrincipalTag/agency');
    }
    const county = { agency: 'EMB_COUNTY', county: '140902' };
    const reads = (tags: Record<string, string>, key: string) =>
      dynamo.some((statement) => {
        const tagged = Object.entries(statement.Condition?.StringEquals ?? {}).every(([name, values]) => asArray(values as string | string[]).includes(tags[name.replace('aws:PrincipalTag/', '')] ?? ''));
        return tagged && asArray(leadingKeysOf(statement) as string[]).some((pattern) => iamStringLike(pattern, key, tags));
      });
    // A county EMB's session reaches its county's hazard partition, not another county's; the city EMB's every one.
    expect(reads(county, keys.regulatorHazards('140902'))).toBe(true);
    expect(reads(county, keys.regulatorHazards('140981'))).toBe(false);
    expect(reads({ agency: 'EMB_CITY', county: 'ALL' }, keys.regulatorHazards('140981'))).toBe(true);
    expect(reads({ agency: 'EMB_COUNTY', county: 'ALL' }, keys.regulatorHazards('140981'))).toBe(false);
    // RPT-1: submitted reports are the city EMB's and the NFRA's, not a county EMB's.
    expect(reads({ agency: 'NFRA', county: 'ALL' }, 'REG#REPORT-SUBMITTED')).toBe(true);
    expect(reads(county, 'REG#REPORT-SUBMITTED')).toBe(false);
    // REG-1 (issue 21): the register's county listing and counters are read in the session, a county EMB its own county's.
    expect(reads(county, 'R#register#COUNT#140902')).toBe(true);
    expect(reads(county, 'R#register#COUNT#140981')).toBe(false);
    // Platform data, the register's imports and the other regulator-owned items are not the regulator session's at
    // all (an entry by USCC is: the enterprises' names on an insurer's records).
    for (const key of ['P#TENANT', 'P#LOGIN#x', 'R#register#IMPORT#x', 'R#supervision#COUNT#2026', 'REG#NOTICE', 'R#blacklist#x']) {
      expect(reads({ agency: 'EMB_CITY', county: 'ALL' }, key), key).toBe(false);
    }
  });
});

describe('ACL-4 (issue 21): no HTTP function reads the county-keyed regulator views with its own role', () => {
  it('REG#HAZARD is in no context function’s own grants: the hazard view is read in the regulator session only', () => {
    for (const [contextName, roleId] of contextRoleIds()) {
      const patterns = statementsOfRole(api, roleId).flatMap((statement) => asArray((leadingKeysOf(statement) ?? []) as string[]));
      expect(patterns.filter((pattern) => pattern.startsWith('REG#HAZARD')), contextName).toEqual([]);
    }
  });
});

describe("context functions' own execution roles", () => {
  it('touch the main table only under the LeadingKeys their context is granted, reads apart, and never Scan', () => {
    const READS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
    for (const [contextName, roleId] of contextRoleIds()) {
      const permissions = permissionsOf(contextName);
      const own = permissions.ownLeadingKeys;
      const statements = statementsOfRole(api, roleId);
      const onMainTable = statements.filter((statement) => touchesDynamoDb(statement) && touchesMainTable(statement));
      const readOnly = onMainTable.filter((statement) => actionsOf(statement).every((action) => READS.includes(action)));
      const writing = onMainTable.filter((statement) => !readOnly.includes(statement));
      expect(writing).toHaveLength(own.length > 0 ? 1 : 0);
      for (const statement of writing) {
        expect(leadingKeysOf(statement)).toEqual(own);
        expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      }
      // Reads: the loaded calendar years for every context, plus the context's own shared views.
      expect(readOnly).toHaveLength(1);
      // issue 12 #1: and the principal records, for the request-time check of every token.
      // RULES-1: and the rule-set versions the city EMB publishes, which every context decides under.
      expect(leadingKeysOf(readOnly[0] as never)).toEqual([...CALENDAR_LEADING_KEYS, 'P#LOGIN#*', 'R#rule-sets#*', ...(permissions.readLeadingKeys ?? [])]);
      expect(readOnly[0]?.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      expect(statements.flatMap(actionsOf)).not.toContain('dynamodb:Scan');
      // Tenant data itself is reached only through the tenant-scoped role.
      // Issue 14 (SUP-5, ACL-2): the one exception, the supervision function's notices and access log — exactly
      // those two key shapes, whose ids hold no `#`, so no other tenant item matches them.
      // Issue 17: the webhooks function's subscriptions and messages, in their owner's partition beside the
      // platform's routing directory — the webhook key shapes only (infra/constructs/webhook-delivery.ts).
      const narrow =
        contextName === 'supervision'
          ? ['T#*#NOTICE#*', 'T#*#ACCESS-LOG']
          : contextName === 'webhooks'
            ? WEBHOOK_KEYS.filter((pattern) => pattern.startsWith('T#'))
            : [];
      expect(own.filter((pattern) => pattern.startsWith('T#') && !pattern.includes('#USER'))).toEqual(narrow);
    }
  });
});

describe('SUP-5, ACL-2 (issue 14): the supervision function writes notices and the access log, nothing else of a tenant', () => {
  const likeIam = (pattern: string, key: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(key);
  const own = permissionsOf('supervision').ownLeadingKeys;
  const writable = (key: string) => own.some((pattern) => likeIam(pattern, key));

  it('matches a notice (and its outbox items, in the same partition) and the access log of any tenant', () => {
    for (const key of [keys.notice('t1', 'n1').PK, keys.outbox(keys.notice('t2', 'n2'), 3).PK, keys.accessLog('t1')]) expect(writable(key), key).toBe(true);
  });

  it("matches none of the tenant's own records: policies, services, hazards, complaints, fee ledgers, plans, filings, users", () => {
    const tenantKeys = [
      keys.policy('t1', 'p1').PK,
      keys.policyNumber('t1', 'PICC/2026/NOTICE').PK,
      keys.service('t1', 's1').PK,
      keys.hazard('t1', 'h1').PK,
      keys.complaint('t1', 'c1').PK,
      keys.feeYear('t1', 2026).PK,
      keys.feePolicy('t1', 'NOTICE'),
      keys.servicePlan('t1', 'p1').PK,
      keys.qualification('t1', 2026).PK,
      keys.upload('t1', 'u1').PK,
      keys.archiveRecord('t1', 'a1').PK,
      keys.user({ kind: 'tenant', tenantId: 't1' }, 'u1').PK,
    ];
    expect(tenantKeys.filter(writable)).toEqual([]);
  });
});

describe('the enterprise read role (ACL-5, issue 21)', () => {
  it('is assumed with the session tag uscc only, by the context functions, each of which may tag its session', () => {
    const trust = (enterpriseRole.Properties?.AssumeRolePolicyDocument as { Statement: PolicyStatementJson[] }).Statement;
    expect(trust).toHaveLength(1);
    const [statement] = trust as [PolicyStatementJson];
    expect([...actionsOf(statement)].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(statement.Condition?.Null).toEqual({ 'aws:RequestTag/uscc': 'false' });
    expect(statement.Condition?.['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['uscc'] });
    const callers = asArray(statement.Condition?.ArnEquals?.['aws:PrincipalArn'] as unknown).map(referencedLogicalId);
    expect(new Set(callers)).toEqual(new Set(contextRoleIds().map(([, roleId]) => roleId)));
    for (const [, roleId] of contextRoleIds()) {
      const assume = statementsOfRole(api, roleId).find((candidate) => JSON.stringify(candidate.Resource).includes(enterpriseRoleId));
      expect([...actionsOf(assume as PolicyStatementJson)].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    }
  });

  it('queries only its own GSI3 partitions and writes nothing', () => {
    const statements = statementsOfRole(api, enterpriseRoleId);
    expect(statements.flatMap((statement) => [...actionsOf(statement)])).toEqual(['dynamodb:Query']);
    expect(leadingKeysOf(statements[0] as PolicyStatementJson)).toEqual(['ENT#${aws:PrincipalTag/uscc}#*']);
    expect(enterpriseRole.Properties?.ManagedPolicyArns).toBeUndefined();
  });
});
