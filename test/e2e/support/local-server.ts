import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureConsoleBuilt } from './web-build.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The demo password `npm start` seeds for every demo login. */
export const DEMO_PASSWORD = 'Anze-demo-2026';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` as printed by the server. */
  readonly url: string;
  readonly operatorPassword: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const READY = /anze is running at (http:\/\/\S+)/;

/**
 * `npm start` exactly as a new user runs it (`tsx infra/local/main.ts`), on a fresh data folder and a
 * free port. Stops with SIGINT (the server's clean shutdown), then kills its whole process group
 * (DynamoDB Local's JVM included) if anything is left, and removes the data folder.
 */
export async function startLocalServer(options: { readonly timeoutMs?: number } = {}): Promise<LocalServer> {
  ensureConsoleBuilt(REPO_ROOT);
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-e2e-'));
  const operatorPassword = `Operator-${Math.random().toString(36).slice(2, 10)}-2026`;
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['infra/local/main.ts'], {
    cwd: REPO_ROOT,
    // Demo logins yes, business demo data no: each browser test makes the records it looks at.
    env: {
      ...process.env,
      ANZE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      ANZE_OPERATOR_PASSWORD: operatorPassword,
      ANZE_DEMO_BUSINESS: 'false',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const stop = async () => {
    await stopGroup(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    const url = READY.exec(output)?.[1];
    if (url) return { url, operatorPassword, output: () => output, stop };
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`npm start exited before it was ready:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start printed no "anze is running at" line in time:\n${output}`);
    }
    await sleep(100);
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup('SIGINT');
    await Promise.race([exited, sleep(10_000)]);
  }
  // Whatever the server left behind in its group (it should be nothing).
  signalGroup('SIGKILL');
}
