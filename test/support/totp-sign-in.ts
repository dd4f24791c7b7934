import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stepAt, totpCode, STEP_SECONDS } from '../../functions/adapters/auth/totp.js';

/**
 * Issue 21: signing in as a person with an authenticator app would, for tests, the browser suite and the bench.
 * An operator or regulator without TOTP is answered an enrolment-only token (`mfa: SETUP_REQUIRED`): this enrols
 * it (`POST /auth/mfa/setup`, then `/auth/mfa/verify` with the first code) and keeps the secret; a user with TOTP
 * is challenged (401 MFA_CODE_REQUIRED) and answered with the code of the kept secret. Codes are single use, so
 * each sign-in takes a later time step than the last one of that user (the server accepts one step ahead), and
 * waits for the next step when both are used.
 *
 * The secrets live in one file per machine, keyed by server and user name: the browser files share servers
 * across worker processes, and a server's operator enrols once.
 */
const WALLET = join(tmpdir(), 'anze-test-totp');

interface Held {
  secret: string;
  lastStep: number;
  /** When it was written: a restarted server on the same data (another port) takes the user's latest. */
  at?: number;
}

/** One file per server and user, so parallel test processes never write the same file. */
const fileOf = (key: string) => join(WALLET, `${encodeURIComponent(key)}.json`);
const keyOf = (baseUrl: string, username: string) => `${new URL(baseUrl).origin}|${username}`;
const readHeld = (file: string): Held | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Held;
  } catch {
    return undefined;
  }
};
const remember = (key: string, held: Held) => {
  mkdirSync(WALLET, { recursive: true });
  writeFileSync(fileOf(key), JSON.stringify({ ...held, at: Date.now() }));
};
/** This server's entry of the user, else the user's latest on any server (a restart on the same data). */
const heldFor = (key: string): Held | undefined => {
  const own = readHeld(fileOf(key));
  if (own) return own;
  const suffix = `${encodeURIComponent(key.slice(key.indexOf('|')))}.json`;
  const others = existsSync(WALLET) ? readdirSync(WALLET).filter((name) => name.endsWith(suffix)) : [];
  return others.map((name) => readHeld(join(WALLET, name))).filter((held): held is Held => held !== undefined).sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];
};

/** The secret a test enrolled for `username` on the server at `baseUrl` (for tests that compute codes). */
export const heldSecret = (baseUrl: string, username: string): string | undefined => heldFor(keyOf(baseUrl, username))?.secret;

/** The code of the next unused step of `key`'s secret (waiting for the clock when the current and next are used). */
async function nextCode(key: string, secret: string): Promise<string> {
  const last = heldFor(key)?.lastStep ?? -1;
  let step = Math.max(stepAt(new Date()), last + 1);
  while (step > stepAt(new Date()) + 1) await sleep(((step - 1) * STEP_SECONDS * 1000 - Date.now()) + 50);
  step = Math.max(step, stepAt(new Date()));
  remember(key, { secret, lastStep: step });
  return totpCode(secret, step);
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

const post = async (baseUrl: string, path: string, body: unknown, token?: string): Promise<Answer> => {
  const response = await fetch(`${new URL(baseUrl).origin}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
};

/** Signs in by password — enrolling or answering the challenge as needed — and answers the 200 of the full token. */
export async function signInWithTotp(baseUrl: string, username: string, password: string): Promise<Answer> {
  const key = keyOf(baseUrl, username);
  const first = await post(baseUrl, '/auth/login', { username, password });
  if (first.status === 200 && first.body.mfa === 'SETUP_REQUIRED') {
    const restricted = first.body.accessToken as string;
    const setup = await post(baseUrl, '/auth/mfa/setup', {}, restricted);
    if (setup.status !== 200) return setup;
    const secret = setup.body.secret as string;
    remember(key, { secret, lastStep: -1 });
    return post(baseUrl, '/auth/mfa/verify', { code: await nextCode(key, secret) }, restricted);
  }
  const challenged = first.status === 401 && (first.body.error as { code?: string } | undefined)?.code === 'MFA_CODE_REQUIRED';
  const secret = heldFor(key)?.secret;
  if (!challenged || !secret) return first;
  return post(baseUrl, '/auth/login', { username, password, code: await nextCode(key, secret) });
}
