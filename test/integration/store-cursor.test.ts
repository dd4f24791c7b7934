import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbEndpoint } from '../support/dynamodb-lease.js';
import { ValidationFailed } from '../../domain/kernel/errors.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { ensureTable } from '../../infra/local/tables.js';

/**
 * A listing's cursor is checked against the listing before DynamoDB sees it: another partition's cursor, and a
 * same-partition cursor outside the sort-key condition (another county's page of a county-scoped view, ACL-4),
 * are the caller's bad input (400), never a refused Query (500).
 */
let client: DynamoDBClient;
let store: Store;
const PARTITION = 'REG#TEST-CURSOR';

beforeAll(async () => {
  process.env.ANZE_DYNAMODB_ENDPOINT = await dynamoDbEndpoint();
  client = new DynamoDBClient(dynamoDbClientConfig());
  const table = `cursor${randomBytes(4).toString('hex')}-anze-main`;
  await ensureTable(client, MAIN_TABLE, table);
  store = new Store(toDocumentClient(client), table, systemClock);
  await store.putMany(
    ['140902#2026-11-01#a', '140902#2026-11-02#b', '140981#2026-11-03#c', '140981#2026-11-04#d'].map((sortKey) => ({
      PK: `T#t1#ITEM#${sortKey.slice(-1)}`,
      SK: 'PROFILE',
      GSI4PK: PARTITION,
      GSI4SK: sortKey,
    })),
  );
});
afterAll(() => client?.destroy());

describe('cursors of a listing (Store.page)', () => {
  it('pages through one county with its own cursors', async () => {
    const first = await store.page<{ GSI4SK: string }>({ index: 'GSI4', partition: PARTITION, sortKey: { beginsWith: '140902#' }, limit: 1 });
    expect(first.nextCursor).toBeDefined();
    const second = await store.page<{ GSI4SK: string }>({ index: 'GSI4', partition: PARTITION, sortKey: { beginsWith: '140902#' }, limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.GSI4SK)).toEqual(['140902#2026-11-01#a', '140902#2026-11-02#b']);
  });

  it('ACL-4 refuses a cursor from another county of the same partition with a 400 on `cursor`', async () => {
    const elsewhere = await store.page({ index: 'GSI4', partition: PARTITION, sortKey: { beginsWith: '140981#' }, limit: 1 });
    const steered = store.page({ index: 'GSI4', partition: PARTITION, sortKey: { beginsWith: '140902#' }, limit: 1, cursor: elsewhere.nextCursor });
    await expect(steered).rejects.toBeInstanceOf(ValidationFailed);
    await expect(steered).rejects.toMatchObject({ details: [{ field: 'cursor' }] });
  });

  it('issue 12 #11: a regulator\'s cursor over the cross-tenant view (GSI4) reveals no tenant id, and a forged one is 400 on `cursor`', async () => {
    const first = await store.page({ index: 'GSI4', partition: PARTITION, limit: 1 });
    const cursor = first.nextCursor as string;
    // The page's last key is T#t1#ITEM#a: no decoding of the cursor shows the tenant, the key or the county.
    for (const text of [Buffer.from(cursor, 'base64url'), Buffer.from(cursor.replace(/^v1\./, ''), 'base64url')].flatMap((bytes) => [bytes.toString('utf8'), bytes.toString('latin1')])) {
      for (const secret of ['T#t1', 't1#ITEM', 'ITEM#a', '140902', 'GSI4SK', 'PROFILE']) expect(text).not.toContain(secret);
    }
    // The cursor the old encoding would have issued for the same key (base64 JSON) is no longer a cursor.
    const rawKey = Buffer.from(JSON.stringify({ PK: 'T#t1#ITEM#a', SK: 'PROFILE', GSI4PK: PARTITION, GSI4SK: '140902#2026-11-01#a' })).toString('base64url');
    await expect(store.page({ index: 'GSI4', partition: PARTITION, limit: 1, cursor: rawKey })).rejects.toMatchObject({ details: [{ field: 'cursor' }] });
    const next = await store.page<{ GSI4SK: string }>({ index: 'GSI4', partition: PARTITION, limit: 1, cursor });
    expect(next.items.map((item) => item.GSI4SK)).toEqual(['140902#2026-11-02#b']);
  });

  it('refuses a cursor beyond an upper bound and one of another partition', async () => {
    const late = await store.page({ index: 'GSI4', partition: PARTITION, sortKey: { beginsWith: '140981#' }, limit: 1 });
    await expect(store.page({ index: 'GSI4', partition: PARTITION, sortKey: { lessThan: '140902#2026-11-02' }, limit: 1, cursor: late.nextCursor })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    await expect(store.page({ index: 'GSI4', partition: 'REG#OTHER', limit: 1, cursor: late.nextCursor })).rejects.toBeInstanceOf(ValidationFailed);
  });
});
