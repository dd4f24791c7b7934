import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../../../domain/archive/archive-store.js';

/** Lower-case hex SHA-256, the form the table records beside every archive (SVC-10). */
export const sha256Hex: Sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex');

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a lower-case hex SHA-256 digest. */
export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);

/**
 * S3 carries a full-object SHA-256 as base64 of the 32 digest bytes (`x-amz-checksum-sha256`); the table and
 * the API carry hex. These two convert between them.
 */
export const sha256HexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

/** `undefined` when the value is not the base64 of exactly 32 bytes (e.g. a multipart `…-N` composite). */
export function sha256Base64ToHex(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(base64)) return undefined;
  return Buffer.from(base64, 'base64').toString('hex');
}
