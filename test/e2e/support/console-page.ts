import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './local-server.js';
import { keepSession, nextCodeOf, rememberEnrolled, reusableSession } from '../../support/totp-sign-in.js';

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

/** The console's session in session storage (web/src/auth/auth-session.ts). */
const SESSION_KEY = 'anze.session';

/** How a browser sign-in went (issue 21): by password alone, with the authenticator's code, or enrolling one first. */
export type SignInOutcome = 'password' | 'code' | 'enrolled' | 'refused';

/**
 * Signs in through the form, as a user would (labels in Chinese: the default language). Issue 21: the operator and
 * regulators bind an authenticator at their first sign-in (绑定身份验证器: the key is read off the page and kept in
 * the tests' TOTP wallet, test/support/totp-sign-in.ts) and type its 动态验证码 after; `onEnrolment` sees the
 * enrolment page before its code is typed (a screenshot, an accessibility scan).
 */
export async function signIn(
  page: Page,
  username: string,
  password: string,
  onEnrolment?: (page: Page) => Promise<void>,
): Promise<SignInOutcome> {
  await page.goto('/login');
  return completeSignIn(page, username, password, onEnrolment);
}

/** The same on the sign-in page already shown (a deep link's `/login?next=…`). */
export async function completeSignIn(
  page: Page,
  username: string,
  password: string,
  onEnrolment?: (page: Page) => Promise<void>,
): Promise<SignInOutcome> {
  const baseUrl = new URL(page.url()).origin;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  const enrolHeading = page.getByRole('heading', { name: '绑定身份验证器' });
  const codeField = page.getByLabel('动态验证码');
  for (const until = Date.now() + 20_000; Date.now() < until; await page.waitForTimeout(100)) {
    if (!new URL(page.url()).pathname.startsWith('/login')) return 'password';
    if (await enrolHeading.isVisible()) {
      const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s+/g, '') ?? '';
      rememberEnrolled(baseUrl, username, secret);
      await onEnrolment?.(page);
      await codeField.fill((await nextCodeOf(baseUrl, username)) ?? '');
      await page.getByRole('button', { name: '确认绑定' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      keepSession(baseUrl, username, (await page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})`)) ?? '');
      return 'enrolled';
    }
    if (await codeField.isVisible()) {
      // Codes are single use: when both usable time steps are spent, the person's last session serves (as if the tab
      // stayed open) rather than a wait of up to 30 s for the next code.
      const session = reusableSession(baseUrl, username);
      if (session) {
        await page.evaluate(`sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)})`);
        await page.goto(new URL(page.url()).searchParams.get('next') ?? '/');
      } else {
        await codeField.fill((await nextCodeOf(baseUrl, username)) ?? '');
        await page.getByRole('button', { name: '登录' }).click();
      }
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      if (!session) keepSession(baseUrl, username, (await page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})`)) ?? '');
      return 'code';
    }
    if (await page.getByRole('alert').isVisible()) return 'refused';
  }
  return 'password';
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
