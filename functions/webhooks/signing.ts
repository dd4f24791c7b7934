import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the secret is `whsec_` + base64 of random bytes; a
 * signature is `v1,` + base64 of HMAC-SHA256, keyed by those bytes, over `<webhook-id>.<webhook-timestamp>.<body>`.
 * A few lines of node:crypto; the tests check them with the `standardwebhooks` package, an independent verifier.
 */
export const SECRET_PREFIX = 'whsec_';

/** A new secret: 32 random bytes (the specification asks for 24 to 64). */
export const newSigningSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

/** Secrets' key bytes, decoded once (issue 17, throughput: every attempt signs); a handful of endpoints' secrets. */
const keys = new Map<string, KeyObject>();

export function signature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 1000) keys.clear();
    key = createSecretKey(Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64'));
    keys.set(secret, key);
  }
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/**
 * The three headers of one attempt. During a rotation's 24 h overlap every signing secret signs, and the
 * signatures are sent space-separated in the one `webhook-signature` header, as the specification allows.
 */
export function webhookHeaders(secrets: readonly string[], messageId: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'anze-webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, messageId, timestamp, body)).join(' '),
  };
}
