import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamodb/keys.js';
import { withLocalIam, type TwinSession } from '../../../functions/adapters/iam-twin/dynamodb-twin.js';
import { CROSS_TENANT_VIEWS, indexKeysWritten, tenantMayWriteIndexKey } from '../../../functions/adapters/iam-twin/gsi-keys.js';

const USCC = '91140902100079190P';

describe('issue 21: the index keys a tenant session writes (ACL-1, the GSI half of layer 2)', () => {
  it('reads every GSI partition key a write sets: whole items, batches, transactions and SET clauses', () => {
    expect(indexKeysWritten('PutItemCommand', { Item: { PK: { S: 'T#a#X' }, GSI1PK: { S: 'T#a#L' }, GSI3PK: { S: `ENT#${USCC}#POLICY` }, GSI1SK: { S: 'x' } } })).toEqual([
      { index: 'GSI1', value: 'T#a#L' },
      { index: 'GSI3', value: `ENT#${USCC}#POLICY` },
    ]);
    expect(
      indexKeysWritten('TransactWriteItemsCommand', {
        TransactItems: [
          { Put: { Item: { GSI4PK: { S: 'REG#HAZARD#140902' } } } },
          {
            Update: {
              UpdateExpression: 'SET #a0 = :v0, #a1 = :v1 REMOVE #r0',
              ExpressionAttributeNames: { '#a0': 'status', '#a1': 'GSI2PK', '#r0': 'GSI4PK' },
              ExpressionAttributeValues: { ':v0': { S: 'OPEN' }, ':v1': { S: 'T#b#SERVICE-DUE' } },
            },
          },
          { ConditionCheck: { Key: { PK: { S: 'T#a#Y' } } } },
        ],
      }),
    ).toEqual([
      { index: 'GSI4', value: 'REG#HAZARD#140902' },
      { index: 'GSI2', value: 'T#b#SERVICE-DUE' },
    ]);
    expect(indexKeysWritten('BatchWriteItemCommand', { RequestItems: { main: [{ PutRequest: { Item: { GSI1PK: 'T#a#Q' } } }, { DeleteRequest: { Key: {} } }] } })).toEqual([
      { index: 'GSI1', value: 'T#a#Q' },
    ]);
  });

  it('ACL-1 ACL-5 admits the tenant’s own prefix and each documented cross-tenant view on its index only — never another tenant’s prefix', () => {
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI1', value: keys.policyListing('ab') })).toBe(true);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI1', value: keys.policyListing('abc') })).toBe(false);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI2', value: keys.servicesDue('b') })).toBe(false);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI3', value: keys.enterprisePolicies(USCC) })).toBe(true);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI1', value: keys.enterprisePolicies(USCC) })).toBe(false);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI4', value: keys.regulatorHazards('140902') })).toBe(true);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI4', value: keys.escalatedComplaints('140902') })).toBe(true);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI1', value: keys.tenantListing })).toBe(false);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI2', value: keys.syncDue })).toBe(true);
    expect(tenantMayWriteIndexKey('ab', { index: 'GSI2', value: keys.supervisionEdges })).toBe(false);
    for (const view of CROSS_TENANT_VIEWS) expect(view.why.length, view.pattern.source).toBeGreaterThan(20);
  });
});

describe('issue 21: the twin refuses a tenant session’s write of another tenant’s index key', () => {
  const saved = process.env.ANZE_TABLE;
  beforeEach(() => {
    process.env.ANZE_TABLE = 'twin-main';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ANZE_TABLE;
    else process.env.ANZE_TABLE = saved;
  });

  /** A client that never reaches a network: a call the twin lets through ends at the build step with `{}`. */
  function twinClient(session: TwinSession): DynamoDBDocumentClient {
    const client = new DynamoDBClient({ region: 'cn-north-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    client.middlewareStack.add(() => async () => ({ output: { $metadata: {} } as never, response: {} }), { step: 'build', name: 'stopHere' });
    return DynamoDBDocumentClient.from(withLocalIam(client, session));
  }
  const tenantA = { name: 'tenant-a', role: 'tenant', principalTags: { tenantId: 'a' } } as const;
  const refused = { name: 'AccessDeniedException', $metadata: expect.objectContaining({ httpStatusCode: 400 }) };

  it('ACL-1: an item of tenant a (its table key allowed by LeadingKeys) carrying GSI1PK of tenant b fails; its own and the enterprise view pass', async () => {
    const doc = twinClient(tenantA);
    const item = { PK: 'T#a#POLICY#1', SK: 'P', GSI1PK: 'T#a#POLICY', GSI3PK: `ENT#${USCC}#POLICY` };
    await expect(doc.send(new PutCommand({ TableName: 'twin-main', Item: item }))).resolves.toBeDefined();
    await expect(doc.send(new PutCommand({ TableName: 'twin-main', Item: { ...item, GSI1PK: 'T#b#POLICY' } }))).rejects.toMatchObject(refused);
    await expect(
      doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'twin-main', Item: { ...item, GSI2PK: 'T#b#SERVICE-DUE' } } }] })),
    ).rejects.toMatchObject(refused);
    await expect(
      doc.send(
        new UpdateCommand({
          TableName: 'twin-main',
          Key: { PK: 'T#a#POLICY#1', SK: 'P' },
          UpdateExpression: 'SET #k = :v',
          ExpressionAttributeNames: { '#k': 'GSI4PK' },
          ExpressionAttributeValues: { ':v': 'T#b#POLICY-START' },
        }),
      ),
    ).rejects.toMatchObject(refused);
  });
});
