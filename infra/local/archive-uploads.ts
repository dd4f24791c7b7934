import { existsSync, readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArchiveExists, attachmentDisposition, isSafeArchiveKey, type ArchiveStore } from '../../domain/archive/archive-store.js';
import {
  LOCAL_ARCHIVE_PATH,
  verifyLocalDownload,
  verifyLocalUpload,
  type LocalUploadGrant,
} from '../../functions/adapters/archive/local-upload-signature.js';
import { isSha256Hex, sha256Hex, sha256HexToBase64 } from '../../functions/adapters/archive/sha256.js';
import { replaceFileSync } from './replace-file.js';

/**
 * A local secret (32 random bytes, hex), made on first start and kept in the data folder (mode 0600), like the
 * token key: the upload secret, and the pagination cursor key (`ANZE_CURSOR_KEY`, issue 12 #11).
 */
export function ensureSecretFile(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  replaceFileSync(file, secret, 0o600);
  return secret;
}

/** The upload secret, made on first start and kept in the data folder (mode 0600), like the token key. */
export const ensureUploadSecret = (file: string): string => ensureSecretFile(file);

export interface LocalArchiveUploadsOptions {
  readonly store: ArchiveStore;
  readonly secret: string;
  readonly now?: () => Date;
}

type Refusal = readonly [status: number, code: string, message: string];

/**
 * The local twin of a presigned S3 PUT (SVC-13 evidence straight to storage): answers
 * `PUT /local-archive/<key>?expires&sha256&size&retain&sig`. No bearer token — the HMAC over the ticket is
 * the authorisation, as a presigned URL's signature is on S3. Like S3 it refuses a changed ticket or
 * Content-Type (403), an expired one (403), a checksum header other than the ticket's (400), more bytes than
 * the ticket names (413), bytes whose SHA-256 is not the ticket's (400) and an existing key (409); then it
 * writes through the archive store, so write-once and retention hold.
 *
 * @returns a request listener that answers `true` when the path was its own.
 */
export function localArchiveUploads(options: LocalArchiveUploadsOptions) {
  const now = options.now ?? (() => new Date());
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(LOCAL_ARCHIVE_PATH)) return false;
    const origin = request.headers.origin;
    // The console may be on another origin than the URL in the ticket (localhost vs 127.0.0.1): the
    // signature, not the origin, decides, so any origin may send the preflight.
    const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'origin' } : {};
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'PUT, GET',
        'access-control-allow-headers': 'content-type, x-amz-checksum-sha256',
        'access-control-max-age': '600',
      });
      response.end();
      return true;
    }

    if (request.method === 'GET' || request.method === 'HEAD') {
      const download = await serveDownload(url, options.store, options.secret, now());
      if ('refusal' in download) {
        const [status, code, message] = download.refusal;
        response.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
        response.end(JSON.stringify({ error: { code, message } }));
        return true;
      }
      // Never inline (issue 12 #9): saved as a file, not sniffed into HTML, and sandboxed should anything render it.
      response.writeHead(200, {
        ...cors,
        'content-type': download.contentType,
        'content-length': String(download.body.byteLength),
        'content-disposition': download.disposition,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : download.body);
      return true;
    }

    const refusal = await accept(request, url, options.store, options.secret, now());
    if (refusal) {
      const [status, code, message] = refusal;
      // The body may be unread: close the connection rather than drain an upload we refuse.
      response.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', 'x-request-id': randomUUID(), connection: 'close' });
      response.end(JSON.stringify({ error: { code, message } }));
      return true;
    }
    const checksum = request.headers['x-amz-checksum-sha256'] as string;
    response.writeHead(200, { ...cors, 'x-amz-checksum-sha256': checksum, 'content-length': '0' });
    response.end();
    return true;
  };
}

/** Checks a download link (key, expiry and file name, signed) and reads the file; or a refusal like S3's. */
async function serveDownload(
  url: URL,
  store: ArchiveStore,
  secret: string,
  now: Date,
): Promise<{ refusal: Refusal } | { body: Uint8Array; contentType: string; disposition: string }> {
  const key = url.pathname.slice(LOCAL_ARCHIVE_PATH.length);
  if (!isSafeArchiveKey(key)) return { refusal: [400, 'INVALID_KEY', `not an archive key: ${JSON.stringify(key)}`] };
  const expires = Number(url.searchParams.get('expires'));
  const fileName = url.searchParams.get('name') ?? '';
  const signature = url.searchParams.get('sig') ?? '';
  if (!Number.isSafeInteger(expires) || !verifyLocalDownload(secret, { key, expires, fileName }, signature)) {
    return { refusal: [403, 'SIGNATURE_DOES_NOT_MATCH', 'the signature does not match the download link'] };
  }
  if (now.getTime() > expires * 1000) return { refusal: [403, 'LINK_EXPIRED', `the download link expired at ${new Date(expires * 1000).toISOString()}`] };
  const stored = await store.get(key);
  if (!stored) return { refusal: [404, 'NO_SUCH_KEY', 'the archive holds no such file'] };
  return { body: stored.body, contentType: stored.object.contentType, disposition: attachmentDisposition(fileName) };
}

/** Checks the request against its ticket and stores the bytes; a refusal, or `undefined` once stored. */
async function accept(request: IncomingMessage, url: URL, store: ArchiveStore, secret: string, now: Date): Promise<Refusal | undefined> {
  if (request.method !== 'PUT') return [405, 'METHOD_NOT_ALLOWED', `only PUT uploads to ${LOCAL_ARCHIVE_PATH}`];
  const key = url.pathname.slice(LOCAL_ARCHIVE_PATH.length);
  if (!isSafeArchiveKey(key)) return [400, 'INVALID_KEY', `not an archive key: ${JSON.stringify(key)}`];

  const query = url.searchParams;
  const expires = Number(query.get('expires'));
  const size = Number(query.get('size'));
  const sha256 = query.get('sha256') ?? '';
  const retain = query.get('retain') ?? '';
  const signature = query.get('sig') ?? '';
  if (!Number.isSafeInteger(expires)) return [400, 'INVALID_TICKET', 'expires must be unix seconds'];
  if (!Number.isSafeInteger(size) || size < 0) return [400, 'INVALID_TICKET', 'size must be a non-negative integer'];
  if (!isSha256Hex(sha256)) return [400, 'INVALID_TICKET', 'sha256 must be 64 lower-case hex digits'];
  if (Number.isNaN(Date.parse(retain))) return [400, 'INVALID_TICKET', 'retain must be an ISO instant'];

  const contentType = request.headers['content-type'] ?? '';
  const grant: LocalUploadGrant = { key, expires, sha256, size, retain, contentType };
  if (!verifyLocalUpload(secret, grant, signature)) {
    return [403, 'SIGNATURE_DOES_NOT_MATCH', 'the signature does not match the ticket: key, query and Content-Type must be as issued'];
  }
  if (now.getTime() > expires * 1000) return [403, 'TICKET_EXPIRED', `the upload ticket expired at ${new Date(expires * 1000).toISOString()}`];
  if (request.headers['x-amz-checksum-sha256'] !== sha256HexToBase64(sha256)) {
    return [400, 'CHECKSUM_HEADER_MISMATCH', 'x-amz-checksum-sha256 must be the base64 SHA-256 the ticket was issued for'];
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > size) return [413, 'PAYLOAD_TOO_LARGE', `the ticket allows ${size} bytes, the request declares ${declared}`];

  const body = await readAtMost(request, size);
  if (!body) return [413, 'PAYLOAD_TOO_LARGE', `the ticket allows ${size} bytes`];
  const actual = sha256Hex(body);
  if (actual !== sha256) {
    return [400, 'BAD_DIGEST', `SVC-10: the bytes' SHA-256 ${actual} is not the ticket's ${sha256}`];
  }
  try {
    await store.put({ key, body, contentType, retainUntil: new Date(retain), now });
  } catch (error) {
    if (error instanceof ArchiveExists) return [409, 'ARCHIVE_EXISTS', error.message];
    throw error;
  }
  return undefined;
}

/** The body, or `undefined` as soon as it grows past `limit` bytes. */
function readAtMost(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}
