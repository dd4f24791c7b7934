import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumProblem, launchChromium } from './support/chromium.js';
import { buildConsoleInto, firstVisitTotals, measureFirstVisit, serveConsoleFiles, type ConsoleFileServer, type FirstVisitRun } from './support/first-visit.js';
import { REPO_ROOT } from './support/local-server.js';

/**
 * Issue 15, "First load ships 1.52 MB of JavaScript (antd 1,033 KB) uncompressed": the goal is ≤ 250 KB of
 * compressed JavaScript before the sign-in page can be used. Bytes are asserted (a given build and brotli
 * quality give the same bytes every time); the time to an enabled 登录 button is printed, not asserted (it
 * depends on the machine's load) — `npm run bench` reports it against the 1 s goal.
 */
const BUDGET_BYTES = 250_000;

describe('first visit of the console (issue 15)', () => {
  const missingBrowser = chromiumProblem();
  let dist = '';
  let server: ConsoleFileServer | undefined;
  let browser: Browser | undefined;
  let visit: FirstVisitRun;

  beforeAll(async () => {
    if (missingBrowser) return;
    dist = mkdtempSync(join(tmpdir(), 'anze-first-visit-'));
    buildConsoleInto(REPO_ROOT, dist);
    [server, browser] = await Promise.all([serveConsoleFiles(REPO_ROOT, dist), launchChromium()]);
    // A visit first, so the server has made its compressed copies (as `npm start` does at start), then the
    // measured one: a new context, so an empty browser cache.
    await measureFirstVisit(browser, server.url);
    visit = await measureFirstVisit(browser, server.url);
    const totals = firstVisitTotals(visit);
    console.info(
      `first visit: ${totals.scripts} scripts, ${totals.jsEncoded} bytes compressed (${totals.jsDecoded} decoded), ` +
        `sign-in usable after ${visit.interactiveMs.toFixed(0)} ms\n  ` +
        visit.files.map((file) => `${file.path} ${file.encoding} ${file.encodedBytes}`).join('\n  '),
    );
  }, 120_000);

  beforeEach(() => {
    if (missingBrowser) throw new Error(missingBrowser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('loads at most 250 KB of compressed JavaScript until the sign-in page is idle, all of it brotli (issue 15: 1.52 MB uncompressed)', () => {
    const scripts = visit.files.filter((file) => file.type === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((file) => file.encoding !== 'br').map((file) => file.path)).toEqual([]);
    expect(scripts.every((file) => file.encodedBytes > 0 && file.encodedBytes < file.decodedBytes)).toBe(true);
    expect(firstVisitTotals(visit).jsEncoded).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads no page, chart, console-shell or page-message code before sign-in (issue 15: antd in one chunk before the sign-in page)', () => {
    const chunks = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
    const loaded = new Set(visit.files.map((file) => file.path.replace('/assets/', '')));
    // The build does split: the shell, the charts and the pages exist as chunks of their own…
    const later = chunks.filter((name) => /^(console-shell-routes|echarts|messages\.(zh-CN|en-US)|[A-Z]\w*(Page|Detail|View))-/.test(name));
    expect(later.some((name) => name.startsWith('console-shell-routes-'))).toBe(true);
    expect(later.some((name) => name.startsWith('echarts-'))).toBe(true);
    // The pages' messages too: the sign-in page has the common Chinese ones (web/src/i18n/locales.ts).
    expect(later.some((name) => name.startsWith('messages.zh-CN-'))).toBe(true);
    expect(later.length).toBeGreaterThan(20);
    // …and none of them comes with the sign-in page.
    expect(later.filter((name) => loaded.has(name))).toEqual([]);
  });
});
