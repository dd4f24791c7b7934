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
    expect(decodeCursor(encodeCursor(key, partition), partition)).toEqual(key);
    expect(encodeCursor(undefined, partition)).toBeUndefined();
    expect(decodeCursor(undefined, partition)).toBeUndefined();
  });

  it('refuses a cursor from another partition, a forged one and garbage, naming the cursor field', () => {
    const otherPartition = { name: 'GSI1PK', value: 'T#t2#USER' };
    const other = encodeCursor({ PK: 'T#t2#USER#u1', SK: 'PROFILE', GSI1PK: 'T#t2#USER', GSI1SK: 'u1' }, otherPartition);
    for (const cursor of [other, 'not-base64-json', encodeCursor({ GSI1PK: 'T#t1#USER', n: 1 } as never, partition), Buffer.from('[1]').toString('base64url')]) {
      expect(() => decodeCursor(cursor, partition)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }));
    }
  });

  it('issue 12 #11: a cursor is ciphertext — no key, tenant id or attribute name can be read from it', () => {
    const key = { PK: 'T#tenant-picc#HAZARD#h42', SK: 'PROFILE', GSI4PK: 'REG#HAZARD', GSI4SK: '140902#2026-11-01#h42' };
    const cursor = encodeCursor(key, { name: 'GSI4PK', value: 'REG#HAZARD' }) as string;
    expect(cursor).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    for (const decoding of [Buffer.from(cursor, 'base64url'), Buffer.from(cursor.slice(3), 'base64url'), Buffer.from(cursor.slice(3), 'base64')]) {
      for (const text of [decoding.toString('utf8'), decoding.toString('latin1')]) {
        // The attribute name as a plaintext cursor would carry it (`"PK"`): two bare letters turn up in random bytes by
        // chance (this test failed once that way), three or more with quotes practically never.
        for (const secret of ['tenant-picc', 'HAZARD', 'h42', '140902', '"PK"', 'PROFILE']) expect(text).not.toContain(secret);
      }
    }
    // The same key twice gives two different cursors (a fresh IV each time), so cursors cannot be compared either.
    expect(encodeCursor(key, { name: 'GSI4PK', value: 'REG#HAZARD' })).not.toBe(cursor);
  });

  it('issue 12 #11: the old base64 JSON cursor, a truncated, a bit-flipped and a re-bound one are all 400 on `cursor`', () => {
    const key = { PK: 'T#t1#USER#u9', SK: 'PROFILE', GSI1PK: 'T#t1#USER', GSI1SK: 'u9' };
    const cursor = encodeCursor(key, partition) as string;
    const flipped = Buffer.from(cursor.slice(3), 'base64url');
    flipped[20] = (flipped[20] as number) ^ 1;
    const forged = [
      Buffer.from(JSON.stringify(key), 'utf8').toString('base64url'),
      `v1.${Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')}`,
      cursor.slice(0, -4),
      cursor.slice(0, 40),
      `v1.${flipped.toString('base64url')}`,
      `${cursor}A`,
      'v1.',
      'v1.!!!!',
      `v1.${'A'.repeat(3000)}`,
    ];
    for (const bad of forged) {
      expect(() => decodeCursor(bad, partition), bad.slice(0, 40)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }));
    }
    // Issued for one partition, presented to another that happens to hold the same key names: refused by the tag.
    expect(() => decodeCursor(cursor, { name: 'GSI1PK', value: 'T#t1#USERX' })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }));
  });

  it('issue 12 #11: cursors open across processes that share ANZE_CURSOR_KEY, and not under another key', () => {
    const saved = process.env.ANZE_CURSOR_KEY;
    try {
      process.env.ANZE_CURSOR_KEY = 'a'.repeat(64);
      const cursor = encodeCursor({ GSI1PK: 'T#t1#USER', GSI1SK: 'u1' }, partition);
      expect(decodeCursor(cursor, partition)).toEqual({ GSI1PK: 'T#t1#USER', GSI1SK: 'u1' });
      process.env.ANZE_CURSOR_KEY = 'b'.repeat(64);
      expect(() => decodeCursor(cursor, partition)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }));
      process.env.ANZE_CURSOR_KEY = 'short';
      expect(() => encodeCursor({ GSI1PK: 'T#t1#USER' }, partition)).toThrow(/at least 32/);
    } finally {
      if (saved === undefined) delete process.env.ANZE_CURSOR_KEY;
      else process.env.ANZE_CURSOR_KEY = saved;
    }
  });
});
