import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './local-server.js';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test', 'e2e', 'screenshots');

/** An HTTP error the test provokes on purpose (a wrong password's 401); Chromium logs it as a console error. */
export interface ExpectedHttpError {
  readonly status: number;
  readonly path: string;
}

export interface ConsolePage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, minus the expected HTTP errors. */
  readonly problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const NETWORK_ERROR = /^Failed to load resource: the server responded with a status of (\d+)/;

function isExpected(message: ConsoleMessage, expected: readonly ExpectedHttpError[]): boolean {
  const status = NETWORK_ERROR.exec(message.text())?.[1];
  if (!status) return false;
  const path = new URL(message.location().url || 'http://x/').pathname;
  return expected.some((entry) => entry.status === Number(status) && entry.path === path);
}

/**
 * A fresh browser context (own profile, zh-CN, Asia/Shanghai, a laptop-sized window) on the console,
 * collecting every console error and page error so that each test can assert there were none.
 */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  options: { readonly expectedHttpErrors?: readonly ExpectedHttpError[] } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
  });
  // Well under the test's own timeout, so a stuck step fails with the locator it waited for.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpected(message, options.expectedHttpErrors ?? [])) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    page,
    context,
    problems,
    async screenshot(name: string) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}

/** Signs in through the form, as a user would (labels in Chinese: the default language). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Form fields without an accessible name (no `<label for>`, `aria-label` or `aria-labelledby`): every
 * field of the console must have one. Fields hidden from assistive technology (`aria-hidden`) are not fields.
 */
export function unlabelledFields(page: Page): Promise<string[]> {
  // Runs in the browser; a string, because this project's tsconfig has no DOM types.
  return page.evaluate<string[]>(`
    Array.from(document.querySelectorAll('input, select, textarea'))
      .filter((field) => field.type !== 'hidden')
      // Not exposed to assistive technology (antd's auto-size text areas measure with a hidden clone).
      .filter((field) => !field.closest('[aria-hidden="true"]'))
      .filter((field) => !((field.labels && field.labels.length) || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby')))
      .map((field) => field.outerHTML.slice(0, 160))
  `);
}
