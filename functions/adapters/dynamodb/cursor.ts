import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ValidationFailed } from '../../../domain/kernel/errors.js';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, encrypted and authenticated with AES-256-GCM.
 *
 * A raw key names the items it points at — a regulator's cross-tenant view (GSI4) would hand out other
 * tenants' ids in plain base64 JSON (issue 12 #11) — so a cursor is `v1.` + base64url(iv ‖ ciphertext ‖ tag):
 * nothing of the key can be read without the cursor key, and the GCM tag (a MAC over the ciphertext and the
 * listing it was issued for) makes a forged, truncated or altered cursor, or one of another listing, fail to
 * open. The plaintext is padded to a multiple of {@link PAD_TO} bytes, so even the key's length shows little.
 *
 * A cursor is client input, so decoding checks, too, that it belongs to the partition being listed and its
 * sort-key condition: whatever the cause, a cursor that does not fit is the caller's 400 on `cursor`.
 */
export type PageKey = Record<string, string>;

/** A listing's condition on its sort key: a prefix, an upper bound (exclusive) or one value. */
export type SortKeyCondition = { readonly beginsWith: string } | { readonly lessThan: string } | { readonly equals: string };

/** The partition a cursor was issued for: the key attribute (`PK`, `GSI4PK`, …) and its value. */
export interface CursorPartition {
  readonly name: string;
  readonly value: string;
}

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PAD_TO = 64;
/** The longest cursor the listing query accepts (functions/http/zod.ts); anything longer is not ours anyway. */
const MAX_CURSOR_CHARS = 2048;

/**
 * The 32-byte AES key, derived (HKDF-SHA256) from `ANZE_CURSOR_KEY`: any secret string of at least 32
 * characters — on AWS generated in Secrets Manager and set on every function by CDK, locally kept in the data
 * folder (`cursor-key`, made on first start like the upload secret). Without it, a Lambda refuses to page
 * (cursors must open in every container); any other process (tests, scripts) uses a key of its own lifetime.
 */
function cursorKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const material = env.ANZE_CURSOR_KEY;
  if (material !== undefined && material !== '') {
    if (material.length < 32) throw new Error('ANZE_CURSOR_KEY must be a secret of at least 32 characters');
    if (derived?.material !== material) {
      derived = { material, key: Buffer.from(hkdfSync('sha256', material, 'anze', 'anze/pagination-cursor/v1', 32)) };
    }
    return derived.key;
  }
  if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error('ANZE_CURSOR_KEY is not set: pagination cursors cannot be issued or read');
  return (processKey ??= randomBytes(32));
}
let derived: { readonly material: string; readonly key: Buffer } | undefined;
let processKey: Buffer | undefined;

/** What the tag binds a cursor to besides its bytes: the index and partition it was issued for. */
const boundTo = (partition: CursorPartition): Buffer => Buffer.from(`anze-cursor\u0000${partition.name}\u0000${partition.value}`, 'utf8');

/**
 * The cursor of the page after `key` in `partition`, or `undefined` on the last page.
 *
 * @example
 * const cursor = encodeCursor(out.LastEvaluatedKey, { name: 'GSI4PK', value: 'REG#HAZARD' }); // 'v1.k3Jx…'
 */
export function encodeCursor(key: PageKey | undefined, partition: CursorPartition): string | undefined {
  if (!key) return undefined;
  const json = JSON.stringify(key);
  // JSON.parse ignores trailing spaces, so padding needs no length field.
  const plaintext = Buffer.from(json.padEnd(Math.ceil((json.length + 1) / PAD_TO) * PAD_TO, ' '), 'utf8');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(boundTo(partition));
  const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}${sealed.toString('base64url')}`;
}

/**
 * The key a cursor stands for, checked to have been issued for this partition and to fit `sortKey`, the
 * listing's sort-key condition when it has one: a cursor from the same partition but outside it (another
 * county's page of a county-scoped view, ACL-4) would make DynamoDB refuse the Query, so it is the caller's bad
 * cursor (400) like a forged one.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: CursorPartition,
  sortKey?: { name: string; condition: SortKeyCondition },
): PageKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const invalid = () => new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this listing issued' }]);
  if (cursor.length > MAX_CURSOR_CHARS || !cursor.startsWith(VERSION)) throw invalid();
  const body = cursor.slice(VERSION.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw invalid();
  const sealed = Buffer.from(body, 'base64url');
  // Only the one encoding we issue: Node would otherwise ignore stray trailing characters.
  if (sealed.length < IV_BYTES + TAG_BYTES + PAD_TO || sealed.toString('base64url') !== body) throw invalid();
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(), sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(boundTo(partition));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    parsed = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed);
  if (entries.length > 6 || !entries.every(([, v]) => typeof v === 'string')) throw invalid();
  const key = Object.fromEntries(entries) as PageKey;
  if (key[partition.name] !== partition.value) throw invalid();
  if (sortKey && !satisfies(key[sortKey.name], sortKey.condition)) throw invalid();
  return key;
}

function satisfies(value: string | undefined, condition: SortKeyCondition): boolean {
  if (value === undefined) return false;
  if ('beginsWith' in condition) return value.startsWith(condition.beginsWith);
  if ('lessThan' in condition) return value < condition.lessThan;
  return value === condition.equals;
}
