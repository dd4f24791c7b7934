import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  ArchiveExists,
  ArchiveRetained,
  isSafeArchiveKey,
  type ArchivedObject,
  type ArchiveStore,
  type DownloadRequest,
  type DownloadTicket,
  type UploadRequest,
  type UploadTicket,
} from '../../../domain/archive/archive-store.js';
import { localDownloadUrl, localUploadUrl, signLocalDownload, signLocalUpload } from './local-upload-signature.js';
import { isSha256Hex, sha256Hex, sha256HexToBase64 } from './sha256.js';

const META_SUFFIX = '.archive-meta.json';
/** Where {@link LocalFsArchiveStore.put} writes a file in full before linking it into place: not a key (keys start `tenants/`). */
const STAGING = '.staging';

/** A value fixed now, or read when needed (the local server's URL is known only once it listens). */
type Setting = string | (() => string | undefined);

export interface LocalFsArchiveStoreOptions {
  /** Origin of the local server that answers `PUT /local-archive/<key>` (infra/local/archive-uploads.ts). */
  readonly uploadBaseUrl?: Setting;
  /** The HMAC key both this store and the upload endpoint hold, made once per data folder. */
  readonly uploadSecret?: Setting;
}

/**
 * The archive on one machine. There is no local S3 with object lock (TOOLCHAIN.md), so this store enforces
 * the rules itself: files are linked into place exclusively, whole, and made read-only, metadata with the digest and
 * retain-until sits beside each file, and delete is refused before retain-until. Someone with the disk can
 * still edit a file — which verification against the digest kept in the table then reports.
 *
 * @example
 * const store = new LocalFsArchiveStore('.data/archive', { uploadBaseUrl: 'http://127.0.0.1:3000', uploadSecret });
 */
export class LocalFsArchiveStore implements ArchiveStore {
  constructor(
    private readonly root: string,
    private readonly options: LocalFsArchiveStoreOptions = {},
  ) {}

  /**
   * Write-once and atomic, as S3's PutObject is: a crash (`kill -9`, power) leaves either no archive or a whole one.
   * The bytes and their metadata are written in full under staging names, then linked into place; the link of the
   * bytes is the commit, and it is exclusive, so of two writers only one makes it. A crash between that link and
   * the metadata's leaves the bytes alone: the next put of the key (a replayed event) completes their metadata
   * from the stored bytes and answers {@link ArchiveExists}, as S3 would answer a second write-once put.
   */
  async put(input: { key: string; body: Uint8Array; contentType: string; retainUntil: Date; now: Date }): Promise<ArchivedObject> {
    const path = this.pathOf(input.key);
    await mkdir(dirname(path), { recursive: true });
    const object: ArchivedObject = {
      key: input.key,
      sha256: sha256Hex(input.body),
      size: input.body.byteLength,
      contentType: input.contentType,
      storedAt: input.now.toISOString(),
      retainUntil: input.retainUntil.toISOString(),
    };
    const bytes = await this.staged(input.body);
    try {
      try {
        await link(bytes, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        await this.completeMetadata(path, input);
        throw new ArchiveExists(input.key);
      }
      const recorded = await this.linkMetadata(path, object, { replaceUnlike: true });
      await chmod(path, 0o444);
      return recorded;
    } finally {
      await rm(bytes, { force: true });
    }
  }

  /** A file of `content` under a fresh name in the staging folder (same disk: a link from it is atomic), synced. */
  private async staged(content: Uint8Array | string): Promise<string> {
    const folder = join(this.root, STAGING);
    await mkdir(folder, { recursive: true });
    const path = join(folder, `${randomUUID()}.part`);
    const file = await open(path, 'wx', 0o444);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    return path;
  }

  /**
   * Links `object` into place as the metadata of the bytes at `path`, exclusively. Metadata already there is kept
   * when it describes these bytes (another writer completed it first); with `replaceUnlike`, metadata of other
   * bytes (left by a crash of this store's earlier order, which wrote the metadata first) is replaced, because
   * the caller has just committed the bytes it describes.
   */
  private async linkMetadata(path: string, object: ArchivedObject, options: { replaceUnlike: boolean }): Promise<ArchivedObject> {
    const metaPath = `${path}${META_SUFFIX}`;
    const staged = await this.staged(JSON.stringify(object));
    try {
      await link(staged, metaPath);
      return object;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const there = JSON.parse(await readFile(metaPath, 'utf8')) as ArchivedObject;
      if (there.sha256 === object.sha256 || !options.replaceUnlike) return there;
      await rename(staged, metaPath);
      return object;
    } finally {
      await rm(staged, { force: true });
    }
  }

  /** Bytes committed without their metadata (a crash between the two links): the metadata, from the bytes stored. */
  private async completeMetadata(path: string, input: { key: string; contentType: string; retainUntil: Date; now: Date }): Promise<void> {
    if (await stat(`${path}${META_SUFFIX}`).then(() => true, () => false)) return;
    const stored = new Uint8Array(await readFile(path));
    await this.linkMetadata(
      path,
      {
        key: input.key,
        sha256: sha256Hex(stored),
        size: stored.byteLength,
        contentType: input.contentType,
        storedAt: input.now.toISOString(),
        retainUntil: input.retainUntil.toISOString(),
      },
      { replaceUnlike: false },
    );
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

  /**
   * The recorded metadata, the bytes left unread. The digest is the one recorded at write time, as S3's
   * stored checksum is; an edit on disk after that shows only when the bytes are read and hashed.
   */
  async head(key: string): Promise<ArchivedObject | undefined> {
    const path = this.pathOf(key);
    try {
      // Bytes without their metadata (a crash between put's two links) are not an archive yet; metadata without
      // bytes (left by the store's earlier order, metadata first) is not one either.
      const [meta] = await Promise.all([readFile(`${path}${META_SUFFIX}`, 'utf8'), stat(path)]);
      return JSON.parse(meta) as ArchivedObject;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string, now: Date): Promise<void> {
    const object = await this.head(key);
    if (!object) return;
    if (now.toISOString() < object.retainUntil) throw new ArchiveRetained(key, object.retainUntil);
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}${META_SUFFIX}`, { force: true });
  }

  /**
   * SVC-10: the twin of S3's PutObjectRetention in COMPLIANCE mode: the recorded retain-until only ever moves
   * later. The metadata is replaced whole (staged read-only, then renamed over it), as put writes it.
   */
  async extendRetention(input: { key: string; retainUntil: Date; now: Date }): Promise<ArchivedObject | undefined> {
    const object = await this.head(input.key);
    if (!object) return undefined;
    const retainUntil = input.retainUntil.toISOString();
    if (object.retainUntil >= retainUntil) return object;
    const extended: ArchivedObject = { ...object, retainUntil };
    const next = await this.staged(JSON.stringify(extended));
    try {
      await rename(next, `${this.pathOf(input.key)}${META_SUFFIX}`);
    } finally {
      await rm(next, { force: true });
    }
    return extended;
  }

  /**
   * SVC-13 evidence goes straight to storage: a URL on the local server, signed with the data folder's
   * upload secret, that names the key, expiry, digest, size and retention. The endpoint checks all of it and
   * then calls {@link put}, so write-once and retention hold as for any other archive.
   */
  async presignUpload(input: UploadRequest): Promise<UploadTicket> {
    this.pathOf(input.key);
    if (!isSha256Hex(input.sha256)) throw new Error(`sha256 must be 64 lower-case hex digits, got ${JSON.stringify(input.sha256)}`);
    if (!Number.isSafeInteger(input.size) || input.size < 0) throw new Error(`size must be a non-negative integer, got ${input.size}`);
    if (!Number.isSafeInteger(input.expiresInSeconds) || input.expiresInSeconds <= 0) {
      throw new Error(`expiresInSeconds must be a positive integer, got ${input.expiresInSeconds}`);
    }
    const baseUrl = read(this.options.uploadBaseUrl);
    const secret = read(this.options.uploadSecret);
    if (!baseUrl || !secret) {
      throw new Error('local uploads need uploadBaseUrl and uploadSecret (ANZE_LOCAL_ARCHIVE_URL, ANZE_LOCAL_UPLOAD_SECRET)');
    }
    const expires = Math.floor(input.now.getTime() / 1000) + input.expiresInSeconds;
    const grant = {
      key: input.key,
      expires,
      sha256: input.sha256,
      size: input.size,
      retain: input.retainUntil.toISOString(),
      contentType: input.contentType,
    };
    return {
      key: input.key,
      url: localUploadUrl(baseUrl, grant, signLocalUpload(secret, grant)),
      method: 'PUT',
      headers: { 'content-type': input.contentType, 'x-amz-checksum-sha256': sha256HexToBase64(input.sha256) },
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /**
   * The twin of a presigned S3 GET: a link on the local server, signed with the upload secret, that names the
   * key, expiry and file name; the server answers it as an attachment with `X-Content-Type-Options: nosniff`
   * (infra/local/archive-uploads.ts), so nothing in the archive is rendered inline (issue 12 #9).
   */
  async presignDownload(input: DownloadRequest): Promise<DownloadTicket> {
    this.pathOf(input.key);
    if (!Number.isSafeInteger(input.expiresInSeconds) || input.expiresInSeconds <= 0) {
      throw new Error(`expiresInSeconds must be a positive integer, got ${input.expiresInSeconds}`);
    }
    const baseUrl = read(this.options.uploadBaseUrl);
    const secret = read(this.options.uploadSecret);
    if (!baseUrl || !secret) {
      throw new Error('local downloads need uploadBaseUrl and uploadSecret (ANZE_LOCAL_ARCHIVE_URL, ANZE_LOCAL_UPLOAD_SECRET)');
    }
    const expires = Math.floor(input.now.getTime() / 1000) + input.expiresInSeconds;
    const grant = { key: input.key, expires, fileName: input.fileName };
    return { key: input.key, url: localDownloadUrl(baseUrl, grant, signLocalDownload(secret, grant)), method: 'GET', expiresAt: new Date(expires * 1000).toISOString() };
  }

  private pathOf(key: string): string {
    if (!isSafeArchiveKey(key) || key.endsWith(META_SUFFIX)) throw new Error(`unsafe archive key ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }
}

const read = (setting: Setting | undefined): string | undefined => (typeof setting === 'function' ? setting() : setting);
