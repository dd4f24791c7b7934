import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  ArchiveExists,
  ArchiveRetained,
  isSafeArchiveKey,
  type ArchivedObject,
  type ArchiveStore,
} from '../../../domain/archive/archive-store.js';

const META_SUFFIX = '.archive-meta.json';

/**
 * The archive on one machine. There is no local S3 with object lock (TOOLCHAIN.md), so this store enforces
 * the rules itself: files are created exclusively (`wx`) and made read-only, metadata with the digest and
 * retain-until sits beside each file, and delete is refused before retain-until. Someone with the disk can
 * still edit a file — which verification against the digest kept in the table then reports.
 */
export class LocalFsArchiveStore implements ArchiveStore {
  constructor(private readonly root: string) {}

  async put(input: { key: string; body: Uint8Array; contentType: string; retainUntil: Date; now: Date }): Promise<ArchivedObject> {
    const path = this.pathOf(input.key);
    await mkdir(dirname(path), { recursive: true });
    const object: ArchivedObject = {
      key: input.key,
      sha256: createHash('sha256').update(input.body).digest('hex'),
      size: input.body.byteLength,
      contentType: input.contentType,
      storedAt: input.now.toISOString(),
      retainUntil: input.retainUntil.toISOString(),
    };
    // The metadata is claimed first and exclusively: of two concurrent writers only one gets past here.
    const meta = await this.createExclusive(`${path}${META_SUFFIX}`, input.key);
    try {
      await meta.writeFile(JSON.stringify(object));
    } finally {
      await meta.close();
    }
    const file = await this.createExclusive(path, input.key);
    try {
      await file.writeFile(input.body);
      await file.sync();
    } finally {
      await file.close();
    }
    await Promise.all([chmod(path, 0o444), chmod(`${path}${META_SUFFIX}`, 0o444)]);
    return object;
  }

  async get(key: string): Promise<{ body: Uint8Array; object: ArchivedObject } | undefined> {
    const path = this.pathOf(key);
    try {
      const [body, meta] = await Promise.all([readFile(path), readFile(`${path}${META_SUFFIX}`, 'utf8')]);
      return { body: new Uint8Array(body), object: JSON.parse(meta) as ArchivedObject };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string, now: Date): Promise<void> {
    const stored = await this.get(key);
    if (!stored) return;
    if (now.toISOString() < stored.object.retainUntil) throw new ArchiveRetained(key, stored.object.retainUntil);
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}${META_SUFFIX}`, { force: true });
  }

  private pathOf(key: string): string {
    if (!isSafeArchiveKey(key) || key.endsWith(META_SUFFIX)) throw new Error(`unsafe archive key ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }

  private async createExclusive(path: string, key: string) {
    try {
      return await open(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveExists(key);
      throw error;
    }
  }
}
