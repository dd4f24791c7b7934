import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { attachLocalServer, startLocalServer, type LocalServer, type LocalServerTicket } from './local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder through which browser test files take a started `npm start` (undefined: each starts its own). */
    e2eServerPool?: string;
  }
}

declare global {
  /** How many files of this run (and of its earlier reruns in watch mode) use the console suite: vitest.config.ts. */
  var __anzeConsoleSuiteFiles: number | undefined;
}

/**
 * A started `npm start` waiting for the next browser test file. Each file still gets its own fresh server (fresh data
 * folder, fresh DynamoDB Local, random operator password) — but the one for the next file boots while this file's
 * tests run (≈ 6–9 s a file on CI's two cores, most of it the JVM and the platform's imports, spent otherwise with
 * the browser idle). The servers are started by vitest's main process (the root's globalSetup), which
 * outlives the test files and stops whatever is left at the end; a file takes one by renaming its ticket, and stops it.
 *
 * The folder holds `want` (a file asked for a server: from now on up to {@link SPARES} are kept ready or booting), `ready-N.json` (a ticket),
 * `claimed-N.json` (taken), `failed.txt` (the last start failed: its error) and `server-N.log` (its output).
 */
/** As many spares as the browser group runs files at once (vitest.config.ts). */
const SPARES = 2;

export default function setupServerPool(project: TestProject): (() => Promise<void>) | undefined {
  // One pool, the root's (global-setup.ts: vitest runs a globalSetup for the root and again for every project).
  if (!project.isRootProject()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'anze-e2e-pool-'));
  project.provide('e2eServerPool', dir);
  // The servers start as the test files would start them: with the group's environment (rate limit scale, log level).
  const env = { ...process.env, ...(project.config.env as Record<string, string>) };
  const started: LocalServer[] = [];
  /** Servers booting now: up to {@link SPARES} spares, ready or booting, for the browser group's two workers. */
  let starting = 0;
  let serial = 0;
  const named = (prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix));

  const tick = () => {
    if (!existsSync(join(dir, 'want'))) return;
    const spares = named('ready-').length + starting;
    // No spare after the run's last browser file has its server.
    if (spares >= SPARES || spares + named('claimed-').length >= (globalThis.__anzeConsoleSuiteFiles ?? Number.POSITIVE_INFINITY)) return;
    starting += 1;
    serial += 1;
    const logFile = join(dir, `server-${serial}.log`);
    startLocalServer({ env, logFile })
      .then((server) => {
        started.push(server);
        const ticket: LocalServerTicket = { url: server.url, operatorPassword: server.operatorPassword, pid: server.pid, dataDir: server.dataDir, logFile };
        writeFileSync(join(dir, `ready-${serial}.json.tmp`), JSON.stringify(ticket));
        renameSync(join(dir, `ready-${serial}.json.tmp`), join(dir, `ready-${serial}.json`));
      })
      .catch((error: unknown) => writeFileSync(join(dir, 'failed.txt'), (error as Error).message))
      .finally(() => (starting -= 1));
  };
  const timer = setInterval(tick, 100);
  timer.unref();

  return async () => {
    clearInterval(timer);
    while (starting > 0) await sleep(100);
    // Spares nobody took, and servers of a file that died before its afterAll (a stopped one stops at once).
    await Promise.all(started.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * This file's `npm start`: the one the pool has ready (waiting for it while it boots), or, without a pool (another
 * vitest config) or with `ANZE_E2E_SERVER_POOL=off` (to compare, or to rule the pool out), one started here.
 */
export async function takeLocalServer(): Promise<LocalServer> {
  const dir = inject('e2eServerPool');
  if (!dir || !existsSync(dir) || process.env.ANZE_E2E_SERVER_POOL === 'off') return startLocalServer();
  writeFileSync(join(dir, 'want'), '');
  const deadline = Date.now() + 120_000;
  for (;;) {
    for (const name of readdirSync(dir).filter((entry) => /^ready-\d+\.json$/.test(entry))) {
      const claimed = join(dir, name.replace('ready-', 'claimed-'));
      try {
        renameSync(join(dir, name), claimed);
      } catch {
        continue; // taken by another file first
      }
      return attachLocalServer(JSON.parse(readFileSync(claimed, 'utf8')) as LocalServerTicket);
    }
    const failed = join(dir, 'failed.txt');
    if (existsSync(failed)) {
      const message = readFileSync(failed, 'utf8');
      rmSync(failed, { force: true });
      throw new Error(message);
    }
    if (Date.now() > deadline) throw new Error(`no npm start became ready in ${dir} within 120 s`);
    await sleep(50);
  }
}
