import * as z from 'zod/mini';

/** Issue 21: a code of an authenticator app (RFC 6238): six digits. */
export const totpCodeSchema = z.string().check(z.regex(/^[0-9]{6}$/, 'six digits of the authenticator app (issue 21)'));

export const mfaSetupResponse = z.object({
  secret: z.string().check(z.meta({ description: 'Base32 shared secret, shown once, for typing into an authenticator app' })),
  otpauthUri: z.string().check(z.meta({ description: 'The same secret as an otpauth://totp URI (QR code)' })),
});

export const mfaVerifyBody = z.strictObject({ code: totpCodeSchema });
