import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../../infra/local/static-files.js';

/**
 * Issue 15, first visit: what a browser with an empty cache downloads to show the sign-in page, and when the
 * page can be used. Shared by the budget test (test/e2e/first-visit.e2e.test.ts) and `npm run bench`.
 */

export interface FirstVisitFile {
  /** Path on the server (`/assets/i18n-….js`). */
  readonly path: string;
  readonly type: 'script' | 'stylesheet' | 'document' | 'other';
  /** `content-encoding` of the answer (`identity` when none). */
  readonly encoding: string;
  /** Body bytes as sent, compressed (Resource Timing's encodedBodySize). */
  readonly encodedBytes: number;
  /** Body bytes once decompressed, what the browser parses (decodedBodySize). */
  readonly decodedBytes: number;
  /** Arrived before the sign-in button could be used. */
  readonly beforeInteractive: boolean;
}

export interface FirstVisitRun {
  /** From the start of navigation to an enabled 登录 button in the sign-in form (the page's own clock). */
  readonly interactiveMs: number;
  /** Every file of the visit until the network was quiet (lazy chunks fetched after the form included). */
  readonly files: readonly FirstVisitFile[];
}

/**
 * Records, on the page's clock (navigation start = 0), the moment the sign-in form's submit button exists
 * and is enabled. An init script, so the test runner's own latency does not count.
 */
const INTERACTIVE_PROBE = `(() => {
  const ready = () => [...document.querySelectorAll('form button[type="submit"]')]
    .some((button) => !button.disabled && button.textContent.replace(/\\s/g, '') === '登录');
  const observer = new MutationObserver(() => {
    if (window.__anzeInteractiveAt === undefined && ready()) {
      window.__anzeInteractiveAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})()`;

const TYPES: Record<string, FirstVisitFile['type']> = { '.js': 'script', '.mjs': 'script', '.css': 'stylesheet' };

interface Timing {
  readonly name: string;
  readonly responseEnd: number;
  readonly encodedBodySize: number;
  readonly decodedBodySize: number;
}

/**
 * One cold visit of `/login`: a new browser context (empty cache, no stored session, a fresh profile).
 * Sizes are the page's Resource and Navigation Timing entries (same origin, so not zeroed); the encoding is
 * each answer's `content-encoding` header.
 */
export async function measureFirstVisit(browser: Browser, baseUrl: string): Promise<FirstVisitRun> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 800 } });
  try {
    await context.addInitScript({ content: INTERACTIVE_PROBE });
    const page = await context.newPage();
    const encodings = new Map<string, string>();
    page.on('response', (response) => encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'identity'));
    await page.goto('/login', { waitUntil: 'commit' });
    await page.waitForFunction(() => (globalThis as { __anzeInteractiveAt?: number }).__anzeInteractiveAt !== undefined, undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // Functions, not strings: the console's CSP (script-src 'self') refuses strings evaluated in the page.
    const { interactiveMs, timings } = await page.evaluate((): { interactiveMs: number; timings: Timing[] } => {
      // The browser's Performance (this file is type-checked with Node's, which has no navigation entries).
      const browserPerformance = performance as unknown as { getEntriesByType(type: string): Timing[] };
      return {
        interactiveMs: (globalThis as { __anzeInteractiveAt?: number }).__anzeInteractiveAt ?? Number.NaN,
        timings: [...browserPerformance.getEntriesByType('navigation'), ...browserPerformance.getEntriesByType('resource')].map((entry) => ({
          name: entry.name,
          responseEnd: entry.responseEnd,
          encodedBodySize: entry.encodedBodySize,
          decodedBodySize: entry.decodedBodySize,
        })),
      };
    });
    const files = timings.map((timing, index): FirstVisitFile => {
      const path = new URL(timing.name).pathname;
      return {
        path,
        type: index === 0 ? 'document' : (TYPES[extname(path)] ?? 'other'),
        encoding: encodings.get(path) ?? 'identity',
        encodedBytes: timing.encodedBodySize,
        decodedBytes: timing.decodedBodySize,
        beforeInteractive: timing.responseEnd <= interactiveMs,
      };
    });
    return { interactiveMs, files };
  } finally {
    await context.close();
  }
}

export interface FirstVisitTotals {
  readonly scripts: number;
  readonly jsEncoded: number;
  readonly jsDecoded: number;
  readonly jsEncodedBeforeInteractive: number;
  readonly cssEncoded: number;
  readonly allEncoded: number;
}

/** Sums of a run's files by kind, in bytes. */
export function firstVisitTotals(run: FirstVisitRun): FirstVisitTotals {
  const scripts = run.files.filter((file) => file.type === 'script');
  const sum = (files: readonly FirstVisitFile[], key: 'encodedBytes' | 'decodedBytes') => files.reduce((total, file) => total + file[key], 0);
  return {
    scripts: scripts.length,
    jsEncoded: sum(scripts, 'encodedBytes'),
    jsDecoded: sum(scripts, 'decodedBytes'),
    jsEncodedBeforeInteractive: sum(
      scripts.filter((file) => file.beforeInteractive),
      'encodedBytes',
    ),
    cssEncoded: sum(
      run.files.filter((file) => file.type === 'stylesheet'),
      'encodedBytes',
    ),
    allEncoded: sum(run.files, 'encodedBytes'),
  };
}

export interface ConsoleFileServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The built console served as `npm start` serves it (infra/local/static-files.ts: brotli or gzip, the same
 * headers), without the API or DynamoDB Local: the sign-in page reads nothing but `/config.json` before its
 * form is up.
 */
export async function serveConsoleFiles(repoRoot: string, webDist = join(repoRoot, 'web', 'dist')): Promise<ConsoleFileServer> {
  const statics = serveStatic(webDist, { auth: { mode: 'local' }, version: '0.1.0' });
  const server: Server = createServer((request, response) => statics(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A production build of the console into `outDir` (not `web/dist`: other browser test files rebuild that one
 * when a source changes, and a measured visit must not lose its files halfway). About 3 s.
 */
export function buildConsoleInto(repoRoot: string, outDir: string): void {
  const result = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    // NODE_ENV=production: under vitest (NODE_ENV=test) Vite would build React's development code.
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`The console build failed:\n${result.stdout}\n${result.stderr}`);
}
