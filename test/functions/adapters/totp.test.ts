import { describe, expect, it } from 'vitest';
import { base32Encode, NodeTotpAuthenticator, totpCode } from '../../../functions/adapters/auth/totp.js';

/** RFC 6238 Appendix B's SHA-1 secret, "12345678901234567890", as an authenticator app takes it (base32). */
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('issue 21: TOTP of the local twin (RFC 6238 with node:crypto)', () => {
  it('issue 21: answers RFC 6238 Appendix B’s SHA-1 codes (their last six digits) at 59 s, 1111111109 s and 2000000000 s', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpCode(RFC_SECRET, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(RFC_SECRET, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(RFC_SECRET, Math.floor(2000000000 / 30))).toBe('279037');
  });

  it('issue 21: accepts a code one 30 s step either side of now and no further, and names the step it matched', () => {
    const totp = new NodeTotpAuthenticator();
    const now = new Date(1111111109 * 1000);
    const step = Math.floor(1111111109 / 30);
    for (const offset of [-1, 0, 1]) expect(totp.matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step + offset), now)).toBe(step + offset);
    for (const offset of [-2, 2]) expect(totp.matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step + offset), now)).toBeUndefined();
    expect(totp.matchingStep(RFC_SECRET, '12345', now)).toBeUndefined();
    expect(totp.matchingStep(RFC_SECRET, 'abcdef', now)).toBeUndefined();
  });

  it('issue 21: makes 160-bit secrets, each new, in base32, and an otpauth URI naming the account', () => {
    const totp = new NodeTotpAuthenticator();
    const [first, second] = [totp.newSecret(), totp.newSecret()];
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    expect(first).not.toBe(second);
    expect(totp.otpauthUri(first, 'emb-city')).toBe(`otpauth://totp/anze%3Aemb-city?secret=${first}&issuer=anze&algorithm=SHA1&digits=6&period=30`);
  });
});
