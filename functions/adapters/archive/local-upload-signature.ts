import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the local runtime answers direct uploads, the twin of a presigned S3 PUT. */
export const LOCAL_ARCHIVE_PATH = '/local-archive/';

/**
 * What a local upload ticket allows, all of it signed: one key, until `expires`, bytes with `sha256` and at
 * most `size` long, retained until `retain`, sent with `contentType`. The content type travels as a header,
 * not in the URL, exactly as S3's signed `content-type` header does.
 */
export interface LocalUploadGrant {
  readonly key: string;
  /** Unix seconds. */
  readonly expires: number;
  readonly sha256: string;
  readonly size: number;
  /** ISO instant. */
  readonly retain: string;
  readonly contentType: string;
}

function messageOf(grant: LocalUploadGrant): string {
  // Versioned and newline-separated: no field can contain a newline (keys, hex, ISO, integers), and a
  // content type with one would simply fail to verify.
  return ['anze-local-upload-v1', 'PUT', grant.key, grant.expires, grant.sha256, grant.size, grant.retain, grant.contentType].join('\n');
}

/**
 * The HMAC-SHA256 (hex) that authorises a local upload, as a presigned URL's signature does on S3.
 *
 * @example
 * const sig = signLocalUpload(secret, { key, expires, sha256, size, retain, contentType: 'image/jpeg' });
 */
export function signLocalUpload(secret: string, grant: LocalUploadGrant): string {
  return createHmac('sha256', secret).update(messageOf(grant)).digest('hex');
}

/** Constant-time comparison of `signature` with the one `grant` should carry. */
export function verifyLocalUpload(secret: string, grant: LocalUploadGrant, signature: string): boolean {
  const expected = Buffer.from(signLocalUpload(secret, grant), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The ticket URL: base, path with the key, and the signed grant in the query (all but the content type). */
export function localUploadUrl(baseUrl: string, grant: LocalUploadGrant, signature: string): string {
  const query = new URLSearchParams({
    expires: String(grant.expires),
    sha256: grant.sha256,
    size: String(grant.size),
    retain: grant.retain,
    sig: signature,
  });
  return `${baseUrl.replace(/\/+$/, '')}${LOCAL_ARCHIVE_PATH}${grant.key}?${query.toString()}`;
}

/** What a local download link allows, all of it signed: one key, until `expires`, saved as `fileName`. */
export interface LocalDownloadGrant {
  readonly key: string;
  /** Unix seconds. */
  readonly expires: number;
  readonly fileName: string;
}

const downloadMessageOf = (grant: LocalDownloadGrant): string => ['anze-local-download-v1', 'GET', grant.key, grant.expires, grant.fileName].join('\n');

/** The HMAC-SHA256 (hex) that authorises a local download, as a presigned GET's signature does on S3. */
export function signLocalDownload(secret: string, grant: LocalDownloadGrant): string {
  return createHmac('sha256', secret).update(downloadMessageOf(grant)).digest('hex');
}

/** Constant-time comparison of `signature` with the one `grant` should carry. */
export function verifyLocalDownload(secret: string, grant: LocalDownloadGrant, signature: string): boolean {
  const expected = Buffer.from(signLocalDownload(secret, grant), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The download link: base, path with the key, and the signed grant in the query. */
export function localDownloadUrl(baseUrl: string, grant: LocalDownloadGrant, signature: string): string {
  const query = new URLSearchParams({ expires: String(grant.expires), name: grant.fileName, sig: signature });
  return `${baseUrl.replace(/\/+$/, '')}${LOCAL_ARCHIVE_PATH}${grant.key}?${query.toString()}`;
}
