import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TotpAuthenticator } from '../../../domain/identity/mfa.js';

/**
 * Issue 21: TOTP (RFC 6238 over RFC 4226) with node:crypto — about twenty lines, so no otplib (whose v13 splits
 * into a core, a crypto and a base32 plugin). SHA-1, six digits, 30 s: what every authenticator app does by default.
 */
export const STEP_SECONDS = 30;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    for (bits += 8; bits >= 5; bits -= 5) out += BASE32[(value >>> (bits - 5)) & 31];
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = ((value << 5) | index) & 0xfff;
    bits += 5;
    if (bits >= 8) bytes.push((value >>> (bits -= 8)) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The six-digit code of `secret` (base32) for time step `step` (RFC 4226 dynamic truncation). */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export const stepAt = (now: Date): number => Math.floor(now.getTime() / 1000 / STEP_SECONDS);

export class NodeTotpAuthenticator implements TotpAuthenticator {
  newSecret(): string {
    return base32Encode(randomBytes(20));
  }

  otpauthUri(secret: string, account: string): string {
    const issuer = 'anze';
    return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=${STEP_SECONDS}`;
  }

  matchingStep(secret: string, code: string, now: Date): number | undefined {
    if (!/^[0-9]{6}$/.test(code)) return undefined;
    const current = stepAt(now);
    // Every candidate is compared (in constant time), so the answer's timing says nothing about which step matched.
    let matched: number | undefined;
    for (const step of [current - 1, current, current + 1]) {
      if (timingSafeEqual(Buffer.from(totpCode(secret, step)), Buffer.from(code)) && matched === undefined) matched = step;
    }
    return matched;
  }
}
