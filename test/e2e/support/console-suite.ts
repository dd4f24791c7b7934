import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { chromiumProblem, launchChromium } from './chromium.js';
import { openConsole, type ConsolePage, type ExpectedHttpError } from './console-page.js';
import type { LocalServer } from './local-server.js';
import { takeLocalServer } from './server-pool.js';

export interface ConsoleSuite {
  readonly server: () => LocalServer;
  readonly browser: () => Browser;
  /** Runs a test body on a fresh browser context and asserts no console errors or page errors at its end. */
  readonly withConsole: (
    body: (consolePage: ConsolePage) => Promise<void>,
    options?: { readonly expectedHttpErrors?: readonly ExpectedHttpError[] },
  ) => Promise<void>;
}

/**
 * One `npm start` (fresh data folder, free port) and one Chromium per test file, taken in `beforeAll` (the server
 * from the run's pool, where it booted during the previous file: server-pool.ts).
 * A missing Chromium fails every test of the file, with the command that installs it (never a skip).
 */
export function useConsoleSuite(): ConsoleSuite {
  let server: LocalServer | undefined;
  let browser: Browser | undefined;

  const missingBrowser = chromiumProblem();

  beforeAll(async () => {
    if (missingBrowser) return;
    [server, browser] = await Promise.all([takeLocalServer(), launchChromium()]);
  }, 120_000);

  // Here rather than in beforeAll: vitest reports tests after a failed beforeAll as skipped, and a
  // missing browser must show as a failure of every test.
  beforeEach(() => {
    if (missingBrowser) throw new Error(missingBrowser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start (see beforeAll)`);
    return value;
  };

  return {
    server: () => ready(server, 'npm start'),
    browser: () => ready(browser, 'Chromium'),
    async withConsole(body, options = {}) {
      const consolePage = await openConsole(ready(browser, 'Chromium'), ready(server, 'npm start').url, options);
      try {
        await body(consolePage);
        expect(consolePage.problems, 'browser console errors').toEqual([]);
      } catch (error) {
        const name = `failed-${(expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(0, 60)}`;
        const shot = await consolePage.screenshot(name).catch(() => '');
        const seen = consolePage.problems.length > 0 ? `\nbrowser console:\n  ${consolePage.problems.join('\n  ')}` : '';
        if (error instanceof Error) error.message += `\nscreenshot: ${shot}${seen}`;
        throw error;
      } finally {
        await consolePage.close();
      }
    },
  };
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

export const tenantRows = (page: Page) => page.locator('table[aria-label="保险机构"] tbody tr.ant-table-row');
