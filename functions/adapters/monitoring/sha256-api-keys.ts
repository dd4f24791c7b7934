import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeys } from '../../../domain/monitoring/api-key.port.js';

/** `anzm_<16 hex: lookup id>_<32 random bytes, base64url>`. */
const SHAPE = /^anzm_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** MON-2: keys of 32 random bytes, stored as SHA-256 (a key of that entropy needs no slow hash). */
export class Sha256ApiKeys implements ApiKeys {
  issue() {
    const lookupId = randomBytes(8).toString('hex');
    const apiKey = `anzm_${lookupId}_${randomBytes(32).toString('base64url')}`;
    return { apiKey, keyPrefix: `anzm_${lookupId}`, lookupId, keyHash: sha256(apiKey).toString('hex') };
  }

  parse(apiKey: string) {
    const match = SHAPE.exec(apiKey);
    return match ? { lookupId: match[1] as string, keyPrefix: `anzm_${match[1]}` } : undefined;
  }

  matches(apiKey: string, keyHash: string): boolean {
    const expected = Buffer.from(keyHash, 'hex');
    const actual = sha256(apiKey);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
