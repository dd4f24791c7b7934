import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';
import { replaceFileSync } from './replace-file.js';

/** The local token key pair, made on first start and kept in the data folder (mode 0600). */
export async function ensureJwtKeyPair(file: string): Promise<LocalKeyPair> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeyPair;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const pair: LocalKeyPair = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
  };
  replaceFileSync(file, JSON.stringify(pair), 0o600);
  return pair;
}
