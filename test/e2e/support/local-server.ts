import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /** The server's process (its process group's leader) and its data folder. */
  readonly pid: number;
  readonly dataDir: string;
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
export async function startLocalServer(
  options: {
    readonly timeoutMs?: number;
    /** The environment the server starts with (default: this process's). */
    readonly env?: NodeJS.ProcessEnv;
    /** Also writes everything the server prints to this file (a server started for another process: server-pool.ts). */
    readonly logFile?: string;
  } = {},
): Promise<LocalServer> {
  ensureConsoleBuilt(REPO_ROOT);
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-e2e-'));
  const operatorPassword = `Operator-${Math.random().toString(36).slice(2, 10)}-2026`;
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['infra/local/main.ts'], {
    cwd: REPO_ROOT,
    // Demo logins yes, business demo data no: each browser test makes the records it looks at.
    env: {
      ...(options.env ?? process.env),
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
  const log = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.logFile) appendFileSync(options.logFile, chunk);
  };
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const stop = async () => {
    await stopGroup(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    const url = READY.exec(output)?.[1];
    if (url) return { url, operatorPassword, pid: child.pid as number, dataDir, output: () => output, stop };
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

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
};

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup(pid, 'SIGINT');
    // Unref'd: a server that stopped at once must not keep this process alive for the rest of the 10 s.
    await Promise.race([exited, sleep(10_000, undefined, { ref: false })]);
  }
  // Whatever the server left behind in its group (it should be nothing).
  signalGroup(pid, 'SIGKILL');
}

/** What another process needs to use and stop a server it did not start (server-pool.ts). */
export interface LocalServerTicket {
  readonly url: string;
  readonly operatorPassword: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly logFile: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server started by another process (the pool in vitest's main process, which reaps it): stopped the same way,
 * SIGINT to its group, then SIGKILL to whatever is left after 10 s; its output is its log file.
 */
export function attachLocalServer(ticket: LocalServerTicket): LocalServer {
  return {
    url: ticket.url,
    operatorPassword: ticket.operatorPassword,
    pid: ticket.pid,
    dataDir: ticket.dataDir,
    output: () => {
      try {
        return readFileSync(ticket.logFile, 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      signalGroup(ticket.pid, 'SIGINT');
      const deadline = Date.now() + 10_000;
      while (alive(ticket.pid) && Date.now() < deadline) await sleep(50);
      signalGroup(ticket.pid, 'SIGKILL');
      rmSync(ticket.dataDir, { recursive: true, force: true });
    },
  };
}
