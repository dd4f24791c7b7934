import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../functions/adapters/dynamodb/cursor.js';
import { keys, ownerPrefix } from '../../../functions/adapters/dynamodb/keys.js';

describe('the key builder', () => {
  it('starts every tenant key with T#<tenantId># so a tenant prefix never matches a longer tenant id', () => {
    const key = keys.user({ kind: 'tenant', tenantId: 'ab' }, 'u1');
    expect(key).toEqual({ PK: 'T#ab#USER#u1', SK: 'PROFILE' });
    expect(key.PK.startsWith('T#ab#')).toBe(true);
    expect(keys.user({ kind: 'tenant', tenantId: 'abc' }, 'u1').PK.startsWith('T#ab#')).toBe(false);
    expect(keys.userListing({ kind: 'tenant', tenantId: 'ab' })).toBe('T#ab#USER');
  });

  it('puts regulator data under R#, platform data under P#', () => {
    expect(ownerPrefix({ kind: 'regulator', regulatorId: 'emb-city' })).toBe('R#emb-city');
    expect(keys.tenant('t1').PK).toBe('P#TENANT#t1');
    expect(keys.credential('picc-admin').PK).toBe('P#LOGIN#picc-admin');
  });

  it('refuses ids containing the separator or other characters that could forge a key', () => {
    for (const bad of ['a#b', '', 'a b', 'x/y', 'ä']) {
      expect(() => keys.user({ kind: 'tenant', tenantId: bad }, 'u1')).toThrow(/unsafe/);
      expect(() => keys.user({ kind: 'tenant', tenantId: 't1' }, bad)).toThrow(/unsafe/);
    }
  });

  it('keeps an outbox event in its aggregate partition, ordered by zero-padded sequence', () => {
    const aggregate = keys.user({ kind: 'tenant', tenantId: 't1' }, 'u1');
    expect(keys.outbox(aggregate, 2)).toEqual({ PK: 'T#t1#USER#u1', SK: 'OUTBOX#0000000002' });
    expect(keys.outbox(aggregate, 10).SK > keys.outbox(aggregate, 9).SK).toBe(true);
  });
});

describe('the prevention-fee keys (FEE-1, FEE-2)', () => {
  it('keep a year’s ledger in one tenant partition, entries ordered by zero-padded number, apart from counters and marks', () => {
    expect(keys.feeYear('t1', 2024)).toEqual({ PK: 'T#t1#FEE-LEDGER#2024', SK: 'COUNTERS' });
    expect(keys.feeEntry('t1', 2024, 51)).toEqual({ PK: 'T#t1#FEE-LEDGER#2024', SK: 'ENTRY#0000000051' });
    expect(keys.feeEntry('t1', 2024, 10).SK > keys.feeEntry('t1', 2024, 9).SK).toBe(true);
    expect(keys.feeReversalMark('t1', 2024, 51).SK.startsWith(keys.feeEntryPrefix)).toBe(false);
    expect(keys.premiumReceipt('t1', 'p1', 'r1')).toEqual({ PK: 'T#t1#FEE-POLICY#p1', SK: 'RECEIPT#r1' });
    expect(keys.feePolicyReceived('t1', 'p1').PK.startsWith('T#t1#')).toBe(true);
  });

  it('refuses a year or a number that could not be a key part', () => {
    expect(() => keys.feeYear('t1', 24)).toThrow(/unsafe year/);
    expect(() => keys.feeEntry('t1', 2024, 0)).toThrow(/unsafe sequence/);
    expect(() => keys.feeEntry('t1', 2024, 1.5)).toThrow(/unsafe sequence/);
    expect(() => keys.premiumReceipt('t1', 'p#1', 'r1')).toThrow(/unsafe/);
  });
});

describe('pagination cursors', () => {
  const partition = { name: 'GSI1PK', value: 'T#t1#USER' };

  it('round-trips a LastEvaluatedKey', () => {
    const key = { PK: 'T#t1#USER#u9', SK: 'PROFILE', GSI1PK: 'T#t1#USER', GSI1SK: 'u9' };
    expect(decodeCursor(encodeCursor(key), partition)).toEqual(key);
    expect(decodeCursor(undefined, partition)).toBeUndefined();
  });

  it('refuses a cursor from another partition, a forged one and garbage, naming the cursor field', () => {
    const other = encodeCursor({ PK: 'T#t2#USER#u1', SK: 'PROFILE', GSI1PK: 'T#t2#USER', GSI1SK: 'u1' });
    for (const cursor of [other, 'not-base64-json', encodeCursor({ GSI1PK: 'T#t1#USER', n: 1 } as never), Buffer.from('[1]').toString('base64url')]) {
      expect(() => decodeCursor(cursor, partition)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }));
    }
  });
});
