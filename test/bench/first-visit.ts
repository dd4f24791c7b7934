import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium.js';
import {
  buildConsoleInto,
  firstVisitTotals,
  measureFirstVisit,
  serveConsoleFiles,
  type FirstVisitFile,
  type FirstVisitTotals,
} from '../e2e/support/first-visit.js';
import { kib, markdownTable, ms, verdict } from './table.js';
import { percentile } from './stats.js';

/** Issue 15's goals for the first visit of the console. */
export const FIRST_VISIT_GOALS = { interactiveMs: 1000, jsKb: 250 } as const;

export const FIRST_VISIT_HEADING = '## First visit of the console (issue 15): the sign-in page on a cold browser';

export interface FirstVisitSection {
  readonly runs: number;
  readonly interactiveMs: readonly number[];
  readonly totals: FirstVisitTotals;
  readonly files: readonly FirstVisitFile[];
}

/**
 * A production build of the console served as `npm start` serves it (brotli), and `runs` visits of `/login`,
 * each in a new browser context (empty cache) after one untimed visit that lets the server make its
 * compressed copies. Time: navigation start to an enabled 登录 button, on the page's clock.
 */
export async function measureFirstVisitSection(repoRoot: string, runs: number, progress: (line: string) => void): Promise<FirstVisitSection> {
  const dist = mkdtempSync(join(tmpdir(), 'anze-bench-console-'));
  progress('first visit: building the console');
  buildConsoleInto(repoRoot, dist);
  const [server, browser] = await Promise.all([serveConsoleFiles(repoRoot, dist), launchChromium()]);
  try {
    await measureFirstVisit(browser, server.url);
    progress(`first visit: ${runs} cold visits of /login in Chromium`);
    const visits = [];
    for (let run = 0; run < runs; run += 1) visits.push(await measureFirstVisit(browser, server.url));
    const first = visits[0];
    if (!first) throw new Error('no visit measured');
    return { runs, interactiveMs: visits.map((visit) => visit.interactiveMs), totals: firstVisitTotals(first), files: first.files };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

export function firstVisitTables(section: FirstVisitSection): string {
  const sorted = [...section.interactiveMs].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const worst = sorted[sorted.length - 1] ?? Number.NaN;
  const jsKb = section.totals.jsEncoded / 1024;
  const summary = markdownTable(
    ['figure', 'measured', 'goal', 'met'],
    [
      ['compressed JavaScript until the sign-in page is idle, KB', kib(section.totals.jsEncoded), `≤ ${FIRST_VISIT_GOALS.jsKb}`, verdict(jsKb <= FIRST_VISIT_GOALS.jsKb)],
      ['… of which before the form could be used, KB', kib(section.totals.jsEncodedBeforeInteractive), '', ''],
      ['the same JavaScript decompressed, KB', kib(section.totals.jsDecoded), '', ''],
      ['scripts', String(section.totals.scripts), '', ''],
      ['all files (HTML, CSS, config, icon), compressed KB', kib(section.totals.allEncoded), '', ''],
      [`sign-in usable p50 over ${section.runs} cold visits, ms`, ms(p50), `< ${FIRST_VISIT_GOALS.interactiveMs}`, verdict(p50 < FIRST_VISIT_GOALS.interactiveMs)],
      ['sign-in usable, slowest visit, ms', ms(worst), `< ${FIRST_VISIT_GOALS.interactiveMs}`, verdict(worst < FIRST_VISIT_GOALS.interactiveMs)],
    ],
    [1],
  );
  const files = markdownTable(
    ['file', 'encoding', 'sent KB', 'decoded KB', 'before the form'],
    section.files.map((file) => [file.path.replace(/-[\w-]{8}\.(js|css)$/, '.$1'), file.encoding, kib(file.encodedBytes), kib(file.decodedBytes), file.beforeInteractive ? 'yes' : 'after']),
    [2, 3],
  );
  return `${summary}\n\n### Files of the first visit\n\n${files}`;
}
