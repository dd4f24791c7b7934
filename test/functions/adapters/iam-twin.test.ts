import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate, type AuthorisationRequest } from '../../../functions/adapters/iam-twin/evaluate.js';
import { dynamoDbAuthorisations, type LocalTables } from '../../../functions/adapters/iam-twin/dynamodb-requests.js';
import { authoriseArchiveCall, authoriseDynamoDbCall, localIsolationResources, withLocalIam } from '../../../functions/adapters/iam-twin/dynamodb-twin.js';
import { MAIN_TABLE } from '../../../functions/adapters/dynamodb/table-definition.js';
import {
  regulatorRoleStatements,
  tenantRoleStatements,
  type PolicyStatementJson,
} from '../../../infra/constructs/tenant-policy-documents.js';

const TABLE = 'arn:aws:dynamodb:cn-north-1:000000000000:table/anze-main';
const resources = { tableArn: TABLE, indexArns: ['GSI1', 'GSI2', 'GSI3', 'GSI4'].map((name) => `${TABLE}/index/${name}`), archiveBucketArn: 'arn:aws:s3:::archive' };
const tenantStatements = tenantRoleStatements(resources);

const tenantRequest = (tenantId: string, action: string, leadingKeys?: readonly string[], resource = TABLE): AuthorisationRequest => ({
  action,
  resource,
  principalTags: { tenantId },
  conditionKeys: leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {},
});

describe('IAM twin evaluator (ARCHITECTURE.md §3, layer 2)', () => {
  it('allows a tenant its own partition and refuses tenant `abc`’s to the session of `ab` (the trailing #)', () => {
    expect(evaluate(tenantStatements, tenantRequest('ab', 'dynamodb:GetItem', ['T#ab#POLICY#p1'])).allowed).toBe(true);
    expect(evaluate(tenantStatements, tenantRequest('ab', 'dynamodb:GetItem', ['T#abc#POLICY#p1']))).toEqual({ allowed: false, reason: 'implicit-deny' });
    expect(evaluate(tenantStatements, tenantRequest('ab', 'dynamodb:GetItem', ['T#ab'])).allowed).toBe(false);
    expect(evaluate(tenantStatements, tenantRequest('ab', 'dynamodb:Query', ['P#TENANT'], `${TABLE}/index/GSI1`)).allowed).toBe(false);
  });

  it('refuses a request with one foreign key among its own (ForAllValues) and one with no LeadingKeys (Null)', () => {
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:BatchGetItem', ['T#a#X', 'T#a#Y'])).allowed).toBe(true);
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:BatchGetItem', ['T#a#X', 'T#b#Y'])).allowed).toBe(false);
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:Query')).allowed).toBe(false);
  });

  it('refuses an action the role does not list (Scan), another table, an undeclared index, and a session without the tag', () => {
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:Scan', ['T#a#X'])).allowed).toBe(false);
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:GetItem', ['T#a#X'], `${TABLE}-other`)).allowed).toBe(false);
    expect(evaluate(tenantStatements, tenantRequest('a', 'dynamodb:Query', ['T#a#X'], `${TABLE}/index/GSI9`)).allowed).toBe(false);
    expect(evaluate(tenantStatements, { ...tenantRequest('a', 'dynamodb:GetItem', ['T#a#X']), principalTags: {} }).allowed).toBe(false);
  });

  it('matches actions case-insensitively with wildcards, lets an explicit Deny win, and reads a substituted tag literally', () => {
    const statements: PolicyStatementJson[] = [
      { Sid: 'All', Effect: 'Allow', Action: ['dynamodb:Get*'], Resource: ['*'] },
      { Sid: 'NoSecret', Effect: 'Deny', Action: ['dynamodb:*'], Resource: [`${TABLE}-secret`] },
    ];
    expect(evaluate(statements, tenantRequest('a', 'DynamoDB:GetItem'))).toEqual({ allowed: true, statement: 'All' });
    expect(evaluate(statements, tenantRequest('a', 'dynamodb:GetItem', undefined, `${TABLE}-secret`))).toEqual({
      allowed: false,
      reason: 'explicit-deny',
      statement: 'NoSecret',
    });
    const tagged: PolicyStatementJson[] = [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/tenants/${aws:PrincipalTag/tenantId}/*'] }];
    expect(evaluate(tagged, { ...tenantRequest('a.b', 's3:GetObject'), resource: 'arn:aws:s3:::b/tenants/a.b/x' }).allowed).toBe(true);
    expect(evaluate(tagged, { ...tenantRequest('a.b', 's3:GetObject'), resource: 'arn:aws:s3:::b/tenants/aXb/x' }).allowed).toBe(false);
  });

  it('evaluates StringEquals, ForAnyValue and Null "true", and refuses to guess an unknown operator', () => {
    const statement = (Condition: PolicyStatementJson['Condition']): PolicyStatementJson[] => [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['*'], Condition }];
    const request = (keys: Record<string, readonly string[]>): AuthorisationRequest => ({ action: 's3:ListBucket', resource: 'arn:aws:s3:::b', principalTags: { tenantId: 'a' }, conditionKeys: keys });
    expect(evaluate(statement({ StringEquals: { 's3:prefix': 'tenants/${aws:PrincipalTag/tenantId}/' } }), request({ 's3:prefix': ['tenants/a/'] })).allowed).toBe(true);
    expect(evaluate(statement({ StringEquals: { 's3:prefix': 'tenants/${aws:PrincipalTag/tenantId}/' } }), request({ 's3:prefix': ['tenants/b/'] })).allowed).toBe(false);
    expect(evaluate(statement({ StringLike: { 's3:prefix': 'tenants/${aws:PrincipalTag/tenantId}/*' } }), request({})).allowed).toBe(false);
    expect(evaluate(statement({ 'ForAnyValue:StringLike': { k: ['x*'] } }), request({ k: ['a', 'xy'] })).allowed).toBe(true);
    expect(evaluate(statement({ Null: { k: 'true' } }), request({})).allowed).toBe(true);
    expect(evaluate(statement({ Null: { k: 'true' } }), request({ k: ['v'] })).allowed).toBe(false);
    expect(() => evaluate(statement({ NumericLessThan: { k: '1' } }), request({ k: ['0'] }))).toThrow(/not supported/);
  });

  it('lets the regulator role read insurers’ partitions and write nothing (ACL-2)', () => {
    const regulator = regulatorRoleStatements(resources);
    const city = (action: string, leadingKeys?: readonly string[], resource = TABLE): AuthorisationRequest => ({
      ...tenantRequest('', action, leadingKeys, resource),
      principalTags: { agency: 'EMB_CITY', county: 'ALL' },
    });
    expect(evaluate(regulator, city('dynamodb:Query', ['T#a#POLICY'], `${TABLE}/index/GSI1`)).allowed).toBe(true);
    expect(evaluate(regulator, city('dynamodb:PutItem', ['T#a#POLICY#p'])).allowed).toBe(false);
    expect(evaluate(regulator, city('dynamodb:Scan')).allowed).toBe(false);
    // A session without its scope tags reads nothing.
    expect(evaluate(regulator, tenantRequest('', 'dynamodb:Query', ['T#a#POLICY'], `${TABLE}/index/GSI1`)).allowed).toBe(false);
  });

  it('ACL-4 (issue 21): a county EMB’s session reads its county’s hazard partition and no other; city-wide sessions every one', () => {
    const regulator = regulatorRoleStatements(resources);
    const query = (agency: string, county: string, key: string): AuthorisationRequest => ({
      action: 'dynamodb:Query',
      resource: `${TABLE}/index/GSI4`,
      principalTags: { agency, county },
      conditionKeys: { 'dynamodb:LeadingKeys': [key] },
    });
    expect(evaluate(regulator, query('EMB_COUNTY', '140902', 'REG#HAZARD#140902')).allowed).toBe(true);
    expect(evaluate(regulator, query('EMB_COUNTY', '140902', 'REG#HAZARD#140981')).allowed).toBe(false);
    expect(evaluate(regulator, query('EMB_COUNTY', 'ALL', 'REG#HAZARD#140981')).allowed).toBe(false);
    expect(evaluate(regulator, query('EMB_CITY', 'ALL', 'REG#HAZARD#140981')).allowed).toBe(true);
    expect(evaluate(regulator, query('NFRA', 'ALL', 'REG#REPORT-SUBMITTED')).allowed).toBe(true);
    expect(evaluate(regulator, query('EMB_COUNTY', '140902', 'REG#REPORT-SUBMITTED')).allowed).toBe(false);
  });
});

const tables: LocalTables = { tableArn: (name) => `arn:t/${name}`, definitionOf: (name) => (name === 'main' ? MAIN_TABLE : undefined) };

describe('what IAM authorises per DynamoDB call', () => {
  it('takes a Query’s LeadingKeys from its key condition, of the index it names', () => {
    expect(
      dynamoDbAuthorisations(
        'QueryCommand',
        {
          TableName: 'main',
          IndexName: 'GSI1',
          KeyConditionExpression: '#sk BETWEEN :a AND :b AND #pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
          ExpressionAttributeValues: { ':pk': { S: 'T#a#USER' }, ':a': { S: '1' }, ':b': { S: '2' } },
        },
        tables,
      ),
    ).toEqual([{ action: 'dynamodb:Query', resource: 'arn:t/main/index/GSI1', leadingKeys: ['T#a#USER'] }]);
    expect(dynamoDbAuthorisations('QueryCommand', { TableName: 'main', KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': 'T#b#X' } }, tables)).toEqual([
      { action: 'dynamodb:Query', resource: 'arn:t/main', leadingKeys: ['T#b#X'] },
    ]);
  });

  it('splits a transaction into its items’ actions and a batch per table', () => {
    expect(
      dynamoDbAuthorisations(
        'TransactWriteItemsCommand',
        {
          TransactItems: [
            { Put: { TableName: 'main', Item: { PK: 'T#a#X', SK: '1' } } },
            { Update: { TableName: 'main', Key: { PK: 'T#a#Y', SK: '1' } } },
            { Delete: { TableName: 'main', Key: { PK: 'T#a#Z', SK: '1' } } },
            { ConditionCheck: { TableName: 'main', Key: { PK: 'T#b#W', SK: '1' } } },
          ],
        },
        tables,
      ).map((request) => `${request.action} ${request.leadingKeys?.join(',')}`),
    ).toEqual(['dynamodb:PutItem T#a#X', 'dynamodb:UpdateItem T#a#Y', 'dynamodb:DeleteItem T#a#Z', 'dynamodb:ConditionCheckItem T#b#W']);
    expect(
      dynamoDbAuthorisations(
        'BatchWriteItemCommand',
        { RequestItems: { main: [{ PutRequest: { Item: { PK: 'T#a#1' } } }, { DeleteRequest: { Key: { PK: 'T#a#2' } } }] } },
        tables,
      ),
    ).toEqual([{ action: 'dynamodb:BatchWriteItem', resource: 'arn:t/main', leadingKeys: ['T#a#1', 'T#a#2'] }]);
    expect(dynamoDbAuthorisations('ScanCommand', { TableName: 'main' }, tables)).toEqual([{ action: 'dynamodb:Scan', resource: 'arn:t/main' }]);
  });
});

describe('the twin in a client’s middleware stack', () => {
  const saved = process.env.ANZE_TABLE;
  beforeEach(() => {
    process.env.ANZE_TABLE = 'twin-main';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ANZE_TABLE;
    else process.env.ANZE_TABLE = saved;
  });

  /** A client that never reaches a network: a call the twin lets through ends at the build step with `{}`. */
  function twinClient(tenantId: string): DynamoDBDocumentClient {
    const client = new DynamoDBClient({ region: 'cn-north-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    client.middlewareStack.add(() => async () => ({ output: { $metadata: {} } as never, response: {} }), { step: 'build', name: 'stopHere' });
    return DynamoDBDocumentClient.from(withLocalIam(client, { name: `tenant-${tenantId}`, role: 'tenant', principalTags: { tenantId } }));
  }

  it('lets a tenant session read and write its own items, in a transaction too', async () => {
    const doc = twinClient('a');
    await expect(doc.send(new GetCommand({ TableName: 'twin-main', Key: { PK: 'T#a#POLICY#1', SK: 'P' } }))).resolves.toBeDefined();
    await expect(
      doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'twin-main', Item: { PK: 'T#a#POLICY#1', SK: 'P' } } }] })),
    ).resolves.toBeDefined();
    await expect(
      doc.send(new QueryCommand({ TableName: 'twin-main', IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :p', ExpressionAttributeValues: { ':p': 'T#a#X-DUE' } })),
    ).resolves.toBeDefined();
  });

  it('fails another tenant’s key, a foreign batch key, a Scan and another table as DynamoDB’s AccessDeniedException', async () => {
    const doc = twinClient('a');
    const refused = { name: 'AccessDeniedException', $fault: 'client', $metadata: expect.objectContaining({ httpStatusCode: 400 }) };
    await expect(doc.send(new GetCommand({ TableName: 'twin-main', Key: { PK: 'T#b#POLICY#1', SK: 'P' } }))).rejects.toMatchObject(refused);
    await expect(doc.send(new PutCommand({ TableName: 'twin-main', Item: { PK: 'T#abc#POLICY#1', SK: 'P' } }))).rejects.toMatchObject(refused);
    await expect(
      doc.send(new BatchGetCommand({ RequestItems: { 'twin-main': { Keys: [{ PK: 'T#a#1', SK: '1' }, { PK: 'T#b#1', SK: '1' }] } } })),
    ).rejects.toMatchObject(refused);
    await expect(doc.send(new ScanCommand({ TableName: 'twin-main' }))).rejects.toMatchObject(refused);
    await expect(doc.send(new GetCommand({ TableName: 'anze-idempotency', Key: { id: 'T#a#x' } }))).rejects.toMatchObject(refused);
  });

  it('remembers an answer per session tags and request, never across them (issue 20: the warm path)', () => {
    const call = (tenantId: string, pk: string) => () =>
      authoriseDynamoDbCall({ name: `tenant-${tenantId}`, role: 'tenant', principalTags: { tenantId } }, 'GetItemCommand', { TableName: 'twin-main', Key: { PK: { S: pk }, SK: { S: '1' } } });
    for (let round = 0; round < 3; round += 1) {
      expect(call('a', 'T#a#X')).not.toThrow();
      expect(call('a', 'T#b#X')).toThrow(/not authorized/);
      expect(call('b', 'T#b#X')).not.toThrow();
      expect(call('b', 'T#a#X')).toThrow(/not authorized/);
    }
    // Another table is another statement set: what was allowed on twin-main is not on it.
    process.env.ANZE_TABLE = 'twin-other';
    expect(call('a', 'T#a#X')).toThrow(/not authorized/);
  });

  it('names the refused action, resource and keys the way IAM does', () => {
    expect(() =>
      authoriseDynamoDbCall({ name: 'tenant-a', role: 'tenant', principalTags: { tenantId: 'a' } }, 'UpdateItemCommand', {
        TableName: 'twin-main',
        Key: { PK: { S: 'T#b#X' }, SK: { S: '1' } },
      }),
    ).toThrow(`is not authorized to perform: dynamodb:UpdateItem on resource: ${localIsolationResources().tableArn}`);
  });
});

describe('the archive prefix check (SVC-10, ARCHITECTURE.md §3)', () => {
  const tenant = { name: 'tenant-ab', role: 'tenant', principalTags: { tenantId: 'ab' } } as const;
  const regulator = { name: 'regulator-read', role: 'regulator', principalTags: {} } as const;
  const denied = { name: 'AccessDenied', $metadata: expect.objectContaining({ httpStatusCode: 403 }) };

  it('lets a tenant session read and write under tenants/<its id>/ only — not tenants/abc/, and never delete', () => {
    expect(() => authoriseArchiveCall(tenant, 's3:PutObject', 'tenants/ab/archives/a1/record.json')).not.toThrow();
    expect(() => authoriseArchiveCall(tenant, 's3:GetObject', 'tenants/abc/archives/a1/record.json')).toThrow(expect.objectContaining(denied));
    expect(() => authoriseArchiveCall(tenant, 's3:GetObject', 'tenants/b/archives/a1/record.json')).toThrow(expect.objectContaining(denied));
    expect(() => authoriseArchiveCall(tenant, 's3:DeleteObject', 'tenants/ab/archives/a1/record.json')).toThrow(expect.objectContaining(denied));
  });

  it('ACL-2 lets the regulator session read every tenant’s archive and write none', () => {
    expect(() => authoriseArchiveCall(regulator, 's3:GetObject', 'tenants/b/archives/a1/record.json')).not.toThrow();
    expect(() => authoriseArchiveCall(regulator, 's3:PutObject', 'tenants/b/archives/a1/record.json')).toThrow(expect.objectContaining(denied));
  });
});
