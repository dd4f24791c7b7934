/**
 * Port of the write-once archive (SVC-10: kept at least five years, never altered or destroyed).
 * Two adapters implement it: S3 with object lock in COMPLIANCE mode on AWS, and a filesystem store that
 * enforces the same rules on one machine.
 */
export interface ArchivedObject {
  /** `tenants/<tenantId>/…` — the prefix the tenant-scoped IAM role is limited to. */
  readonly key: string;
  /** Lower-case hex SHA-256 of the bytes, also recorded in the table for later verification. */
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly storedAt: string;
  readonly retainUntil: string;
}

/**
 * Whose credentials an archive store acts with (ARCHITECTURE.md §3, isolation layer 2), chosen by the composition
 * root from the caller's token — never from the key about to be checked: a tenant's session reaches only
 * `tenants/<tenantId>/…` (IAM's prefix on AWS, the local IAM twin locally), so a key built for another tenant
 * is refused; the regulators' session reads every tenant's prefix and writes nothing (ACL-2).
 */
export type ArchiveSession =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly agency: string; readonly county?: string };

/** The session of an insurer's own archive (ACL-1). */
export const tenantArchive = (tenantId: string): ArchiveSession => ({ kind: 'tenant', tenantId });
/**
 * A regulator's read-only session (ACL-2: reads across tenants, no write), tagged with its agency and county as
 * every regulator session is (ACL-4) — the archive's read grant itself is not county-scoped: which keys a county
 * EMB may read is decided from the policies in its view before a key is read.
 */
export const regulatorArchive = (regulator: { readonly agency: string; readonly county?: string }): ArchiveSession => ({
  kind: 'regulator',
  agency: regulator.agency,
  ...(regulator.county === undefined ? {} : { county: regulator.county }),
});

/** A store acting with one session's credentials; composition roots hand these out per request. */
export type ArchiveStoreFor = (session: ArchiveSession) => ArchiveStore;

export interface ArchiveStore {
  /** Stores new bytes; an existing key is never replaced (`ArchiveExists`). */
  put(input: { key: string; body: Uint8Array; contentType: string; retainUntil: Date; now: Date }): Promise<ArchivedObject>;
  get(key: string): Promise<{ body: Uint8Array; object: ArchivedObject } | undefined>;
  /** The object's metadata without its bytes, or `undefined` when absent. */
  head(key: string): Promise<ArchivedObject | undefined>;
  /** Refused before the retention date (`ArchiveRetained`). */
  delete(key: string, now: Date): Promise<void>;
  /**
   * SVC-10: keeps an object at least until `retainUntil` — a file archived earlier (an evidence upload) becomes
   * part of an archive later and is kept five years from then. Retention only ever lengthens: a later retain-until
   * already set is kept. `undefined` when the key is absent.
   */
  extendRetention(input: { key: string; retainUntil: Date; now: Date }): Promise<ArchivedObject | undefined>;
  /**
   * A one-time upload straight to storage, never through a Lambda body (SVC-13 evidence): a presigned S3 PUT on
   * AWS, the same shape locally. The store enforces what the ticket names — the key is written once, the bytes
   * must have `sha256`, and they are retained until `retainUntil`.
   */
  presignUpload(input: UploadRequest): Promise<UploadTicket>;
  /**
   * A short-lived link to read one archived file straight from storage, always as a download (issue 12 #9):
   * `Content-Disposition: attachment` (a presigned S3 GET's `response-content-disposition`; locally with
   * `X-Content-Type-Options: nosniff` too), so nothing in the archive is ever rendered inline by a browser.
   */
  presignDownload(input: DownloadRequest): Promise<DownloadTicket>;
}

/** What a download link is for: one key, saved as `fileName`, usable for `expiresInSeconds` from `now`. */
export interface DownloadRequest {
  readonly key: string;
  readonly fileName: string;
  readonly now: Date;
  readonly expiresInSeconds: number;
}

/** How a client downloads one file: `GET url` before `expiresAt`. */
export interface DownloadTicket {
  readonly key: string;
  readonly url: string;
  readonly method: 'GET';
  readonly expiresAt: string;
}

/**
 * The `Content-Disposition` of every archive download: `attachment`, with the name as ASCII (anything else
 * replaced by `_`, quotes and backslashes included) and as RFC 5987 UTF-8, so 现场照片.jpg keeps its name.
 *
 * @example
 * attachmentDisposition('现场.jpg'); // `attachment; filename="__.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg`
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'file';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** What an upload ticket is for: one key, written once with bytes of `sha256`, retained until `retainUntil`. */
export interface UploadRequest {
  readonly key: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly size: number;
  readonly retainUntil: Date;
  readonly now: Date;
  readonly expiresInSeconds: number;
}

/** How a client uploads one file: `method` to `url` with exactly `headers`, before `expiresAt`. */
export interface UploadTicket {
  readonly key: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export class ArchiveExists extends Error {
  constructor(readonly key: string) {
    super(`SVC-10: archive ${key} exists and is write-once`);
  }
}

export class ArchiveRetained extends Error {
  constructor(
    readonly key: string,
    readonly retainUntil: string,
  ) {
    super(`SVC-10: archive ${key} is retained until ${retainUntil}`);
  }
}

/** SVC-10: retain-until is at least the archiving time plus five years (the rule set may say more). */
export function retainUntilFor(archivedAt: Date, years: number): Date {
  const until = new Date(archivedAt.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}

const SAFE_KEY = /^tenants\/[A-Za-z0-9_-]+\/(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/;

/** Archive keys always sit under one tenant and contain no `..` or empty segment. */
export function isSafeArchiveKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.split('/').some((segment) => segment === '.' || segment === '..');
}

/** Lower-case hex SHA-256 of some bytes, the form the table records beside every archive (SVC-10). */
export type Sha256Hex = (bytes: Uint8Array) => string;
