import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveExists, ArchiveRetained, retainUntilFor } from '../../../domain/archive/archive-store.js';
import { LocalFsArchiveStore } from '../../../functions/adapters/archive/local-fs-archive-store.js';

const NOW = new Date('2026-11-28T08:00:00.000Z');
const body = new TextEncoder().encode('{"service":"s1","items":["隐患排查"]}');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SVC-10 the local write-once archive store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'anze-archive-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('SVC-10 keeps five years from archiving: retain-until is the archiving instant plus five years', () => {
    expect(retainUntilFor(NOW, 5).toISOString()).toBe('2031-11-28T08:00:00.000Z');
    expect(retainUntilFor(new Date('2024-02-29T00:00:00Z'), 5).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });

  it('SVC-10 stores bytes with their SHA-256 and returns them unchanged after a restart', async () => {
    const stored = await new LocalFsArchiveStore(root).put({
      key: 'tenants/t1/services/s1/record.json',
      body,
      contentType: 'application/json',
      retainUntil: retainUntilFor(NOW, 5),
      now: NOW,
    });
    expect(stored).toMatchObject({ sha256: sha256(body), size: body.byteLength, retainUntil: '2031-11-28T08:00:00.000Z' });
    const reopened = await new LocalFsArchiveStore(root).get('tenants/t1/services/s1/record.json');
    expect(reopened?.body).toEqual(body);
    expect(reopened?.object.sha256).toBe(stored.sha256);
  });

  it('SVC-10 refuses to overwrite an archive, and the first bytes stay', async () => {
    const store = new LocalFsArchiveStore(root);
    const input = { key: 'tenants/t1/a.json', body, contentType: 'application/json', retainUntil: retainUntilFor(NOW, 5), now: NOW };
    await store.put(input);
    await expect(store.put({ ...input, body: new TextEncoder().encode('changed') })).rejects.toBeInstanceOf(ArchiveExists);
    expect((await store.get('tenants/t1/a.json'))?.body).toEqual(body);
  });

  it('SVC-10 refuses delete before retain-until and allows it after', async () => {
    const store = new LocalFsArchiveStore(root);
    await store.put({ key: 'tenants/t1/b.json', body, contentType: 'application/json', retainUntil: retainUntilFor(NOW, 5), now: NOW });
    await expect(store.delete('tenants/t1/b.json', new Date('2031-11-28T07:59:59.999Z'))).rejects.toBeInstanceOf(ArchiveRetained);
    expect(await store.get('tenants/t1/b.json')).toBeDefined();
    await store.delete('tenants/t1/b.json', new Date('2031-11-28T08:00:00.000Z'));
    expect(await store.get('tenants/t1/b.json')).toBeUndefined();
  });

  it('SVC-10 makes a tampered file visible: its bytes no longer match the recorded digest', async () => {
    const store = new LocalFsArchiveStore(root);
    const stored = await store.put({ key: 'tenants/t1/c.json', body, contentType: 'application/json', retainUntil: retainUntilFor(NOW, 5), now: NOW });
    const path = join(root, 'tenants', 't1', 'c.json');
    chmodSync(path, 0o644);
    writeFileSync(path, 'forged record');
    const reread = await store.get('tenants/t1/c.json');
    expect(sha256(reread?.body as Uint8Array)).not.toBe(stored.sha256);
  });

  it('refuses keys outside a tenant folder or with path tricks', async () => {
    const store = new LocalFsArchiveStore(root);
    const base = { body, contentType: 'text/plain', retainUntil: retainUntilFor(NOW, 5), now: NOW };
    for (const key of ['tenants/t1/../t2/x', '../x', 'tenants//x', 'other/t1/x', 'tenants/t#1/x']) {
      await expect(store.put({ ...base, key })).rejects.toThrow(/unsafe archive key/);
    }
  });
});
