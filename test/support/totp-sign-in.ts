import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stepAt, totpCode, STEP_SECONDS } from '../../functions/adapters/auth/totp.js';

/**
 * Issue 21: signing in as a person with an authenticator app would, for tests, the browser suite and the bench.
 * An operator or regulator without TOTP is answered an enrolment-only token (`mfa: SETUP_REQUIRED`): this enrols
 * it (`POST /auth/mfa/setup`, then `/auth/mfa/verify` with the first code) and keeps the secret; a user with TOTP
 * is challenged (`challenge: MFA_CODE`) and answered with the code of the kept secret. Codes are single use, so
 * each sign-in takes a later time step than the last one of that user (the server accepts one step ahead), and
 * waits for the next step when both are used.
 *
 * The secrets live in one file per machine, keyed by server and user name: the browser files share servers
 * across worker processes, and a server's operator enrols once. A test that restarts a server on the same data
 * (another port) names that data as the `wallet`, so the restart finds its users' secrets — never another
 * server's (a guess by user name alone once handed a fault test another server's token: 401).
 */
const WALLET = join(tmpdir(), 'anze-test-totp');

interface Held {
  secret: string;
  lastStep: number;
  /** The last full sign-in's answer (API) or console session (browser), and when: reused instead of waiting for a step. */
  signedIn?: { readonly body: Record<string, unknown>; readonly at: number };
  session?: { readonly json: string; readonly at: number };
}

/** A kept sign-in is reused for at most this long (tokens live an hour). */
const REUSE_MS = 40 * 60_000;

/** One file per server and user, so parallel test processes never write the same file. */
const fileOf = (key: string) => join(WALLET, `${encodeURIComponent(key)}.json`);
const keyOf = (baseUrl: string, username: string, wallet?: string) => `${wallet ?? new URL(baseUrl).origin}|${username}`;
const readHeld = (file: string): Held | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Held;
  } catch {
    return undefined;
  }
};
const remember = (key: string, held: Held) => {
  mkdirSync(WALLET, { recursive: true });
  writeFileSync(fileOf(key), JSON.stringify(held));
};
/** This server's (or wallet's) entry of the user. */
const heldFor = (key: string): Held | undefined => readHeld(fileOf(key));

/** The secret a test enrolled for `username` on the server at `baseUrl` (for tests that compute codes). */
export const heldSecret = (baseUrl: string, username: string): string | undefined => heldFor(keyOf(baseUrl, username))?.secret;

/** Issue 21, browser tests: keeps the secret the console's enrolment page showed, and answers the next code of a user. */
export const rememberEnrolled = (baseUrl: string, username: string, secret: string): void => remember(keyOf(baseUrl, username), { secret, lastStep: -1 });
export async function nextCodeOf(baseUrl: string, username: string): Promise<string | undefined> {
  const key = keyOf(baseUrl, username);
  const held = heldFor(key);
  return held && nextCode(key, held.secret);
}

/** Whether the user's next code would have to wait for the clock (both usable steps spent). */
const mustWait = (key: string): boolean => Math.max(stepAt(new Date()), (heldFor(key)?.lastStep ?? -1) + 1) > stepAt(new Date()) + 1;

/**
 * Browser tests: the console session (session storage) of the user's last sign-in, when a code would mean waiting
 * up to 30 s for the clock — a person would still be signed in; `keepSession` stores one after a sign-in.
 */
export function reusableSession(baseUrl: string, username: string): string | undefined {
  const key = keyOf(baseUrl, username);
  const session = heldFor(key)?.session;
  return mustWait(key) && session && Date.now() - session.at < REUSE_MS ? session.json : undefined;
}
export function keepSession(baseUrl: string, username: string, json: string): void {
  const key = keyOf(baseUrl, username);
  const held = heldFor(key);
  if (held) remember(key, { ...held, session: { json, at: Date.now() } });
}

/** The code of the next unused step of `key`'s secret (waiting for the clock when the current and next are used). */
async function nextCode(key: string, secret: string): Promise<string> {
  const last = heldFor(key)?.lastStep ?? -1;
  let step = Math.max(stepAt(new Date()), last + 1);
  while (step > stepAt(new Date()) + 1) await sleep(((step - 1) * STEP_SECONDS * 1000 - Date.now()) + 50);
  step = Math.max(step, stepAt(new Date()));
  remember(key, { ...heldFor(key), secret, lastStep: step });
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

/**
 * Signs in by password — enrolling or answering the challenge as needed — and answers the 200 of the full token.
 * `wallet`: where the user's secret is kept when not by the server's address (a server restarted on the same data).
 */
export async function signInWithTotp(baseUrl: string, username: string, password: string, wallet?: string): Promise<Answer> {
  const key = keyOf(baseUrl, username, wallet);
  const first = await post(baseUrl, '/auth/login', { username, password });
  if (first.status === 200 && first.body.mfa === 'SETUP_REQUIRED') {
    const restricted = first.body.accessToken as string;
    const setup = await post(baseUrl, '/auth/mfa/setup', {}, restricted);
    if (setup.status !== 200) return setup;
    const secret = setup.body.secret as string;
    remember(key, { secret, lastStep: -1 });
    return kept(key, await post(baseUrl, '/auth/mfa/verify', { code: await nextCode(key, secret) }, restricted));
  }
  const challenged = first.status === 200 && first.body.challenge === 'MFA_CODE';
  const held = heldFor(key);
  if (!challenged || !held) return first;
  // The password was right and the account is active (the challenge comes after those checks): rather than wait
  // for the clock, the answer of the user's last sign-in serves again while its token lives.
  if (mustWait(key) && held.signedIn && Date.now() - held.signedIn.at < REUSE_MS) return { status: 200, body: held.signedIn.body, headers: first.headers };
  return kept(key, await post(baseUrl, '/auth/login', { username, password, code: await nextCode(key, held.secret) }));
}

/** Keeps a full sign-in's answer for reuse. */
function kept(key: string, answer: Answer): Answer {
  const held = heldFor(key);
  if (answer.status === 200 && held) remember(key, { ...held, signedIn: { body: answer.body, at: Date.now() } });
  return answer;
}
