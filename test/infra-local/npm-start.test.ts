import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/platform.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/** `npm start` as a new user runs it (infra/local/main.ts is what the script runs), on a fresh data folder. */
const dataDir = mkdtempSync(join(tmpdir(), 'anze-start-'));
const PASSWORD = 'Start-test-2026';

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  output: string;
}

function start(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ANZE_DATA_DIR: dataDir, ANZE_OPERATOR_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const started = { child, url: '', output: '' };
    const onData = (chunk: Buffer) => {
      started.output += chunk.toString();
      const url = /anze is running at (http:\/\/[\d.]+:\d+)/.exec(started.output)?.[1];
      if (url && !started.url) resolve({ ...started, url, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${started.output}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves the platform, prints the demo logins, and stops cleanly on Ctrl-C', async () => {
    const first = await start();
    expect(first.output).toMatch(/picc-admin\s+insurer-admin/);
    expect(first.output).toMatch(/password for all: Anze-demo-2026/);
    // Issue 16: where the local mail sink writes each notification e-mail (.eml).
    expect(first.output).toContain(`each message is an .eml file in ${join(dataDir, 'mail')}`);
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const signIn = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const exited = exitOf(first.child);
    first.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'dynamodb', 'shared-local-instance.db'))).toBe(true);
  }, 120_000);

  it('starts again on the same data: nothing seeded twice, the operator and demo users still sign in', async () => {
    const again = await start();
    try {
      expect(again.output).toMatch(/ent-demo\s+enterprise/);
      // Issue 21: the operator enrols its authenticator at this first full sign-in.
      const operator = await signInWithTotp(again.url, 'operator', PASSWORD);
      const { accessToken } = operator.body as { accessToken: string };
      const tenants = await fetch(`${again.url}/api/v1/platform/tenants?limit=100`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = (await tenants.json()) as { items: unknown[] };
      expect(body.items).toHaveLength(3);
    } finally {
      const exited = exitOf(again.child);
      again.child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  }, 120_000);
});
