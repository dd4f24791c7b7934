import { describe, expect, it } from 'vitest';
import { completeSignIn, signIn, unlabelledFields } from './support/console-page.js';
import { DEMO_PASSWORD } from './support/local-server.js';
import { signOut, useConsoleSuite } from './support/console-suite.js';

/**
 * Who sees what, in a real browser against `npm start` on a fresh data folder: each demo role reaches its
 * own Chinese console, a wrong password is refused, a forbidden route answers 403, a deep link survives
 * sign-in, and the language switch relabels everything.
 */
describe('console: sign-in, roles and language', () => {
  const { server, withConsole } = useConsoleSuite();

  it('a demo user reaches the Chinese console of its role', async () => {
    const roles = [
      { username: 'picc-admin', heading: '工作台', menu: ['资质备案', '承保管理', '预防服务', '隐患看板', '服务义务', '预防费用', '投诉处理', '团队成员'] },
      { username: 'emb-city', heading: '监管总览', menu: ['承保机构', '企业底数', '应保未保', '黑名单', '规则集版本', '第三方服务机构', '专家库', '隐患监管', '投诉督办', '团队成员'] },
      { username: 'nfra-xinzhou', heading: '监管总览', menu: ['承保机构', '企业底数', '应保未保', '黑名单', '规则集版本', '第三方服务机构', '专家库', '隐患监管', '投诉督办'] },
      { username: 'ent-demo', heading: '我的待办', menu: ['我的待办', '我的保单', '服务记录', '隐患整改', '我的投诉'] },
    ];
    await withConsole(async ({ page, screenshot }) => {
      for (const role of roles) {
        await signIn(page, role.username, DEMO_PASSWORD);
        await expect(page.getByRole('heading', { level: 1, name: role.heading }).waitFor()).resolves.toBeUndefined();
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        const menu = page.getByRole('navigation', { name: '主菜单' });
        for (const entry of role.menu) expect(await menu.getByRole('link', { name: entry }).count(), `${role.username}: ${entry}`).toBe(1);
        expect(await menu.getByRole('link', { name: '保险机构' }).count()).toBe(0);
        await screenshot(`access-1-home-${role.username}`);
        await signOut(page);
      }
    });
  });

  it('a wrong password shows an error and stays on the sign-in page', async () => {
    await withConsole(
      async ({ page, screenshot }) => {
        await signIn(page, 'picc-admin', 'not-the-password-1');
        const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
        await alert.waitFor();
        expect(new URL(page.url()).pathname).toBe('/login');
        expect(await unlabelledFields(page)).toEqual([]);
        await screenshot('access-2-wrong-password');
      },
      // Chromium logs the 401 of the login call itself; nothing else may appear.
      { expectedHttpErrors: [{ status: 401, path: '/api/v1/auth/login' }] },
    );
  });

  it('a route the role may not use is not in its menu and, typed by hand, shows 403', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'picc-staff', DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      const menu = page.getByRole('navigation', { name: '主菜单' });
      expect(await menu.getByRole('link', { name: '团队成员' }).count()).toBe(0);

      for (const path of ['/insurer/team', '/platform/tenants', '/regulator/insurers']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
      }
      await screenshot('access-3-forbidden');
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    });
  });

  it('a deep link asks for sign-in first and then opens the page asked for', async () => {
    await withConsole(async ({ page }) => {
      await page.goto('/platform/regulators');
      await page.waitForURL(/\/login\?next=%2Fplatform%2Fregulators$/);
      // Issue 21: the operator's authenticator (bound at its first sign-in, or its code now).
      await completeSignIn(page, 'operator', server().operatorPassword);
      await page.getByRole('heading', { level: 1, name: '监管部门' }).waitFor();
      await page.locator('table[aria-label="监管部门"] tbody tr.ant-table-row').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/platform/regulators');
    });
  });

  it('the language switch changes the labels, and the choice is remembered', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await page.goto('/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.getByLabel('Username').count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
      await screenshot('access-4-sign-in-english');

      await page.getByLabel('Username').fill('picc-admin');
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      expect(await menu.getByRole('link', { name: 'Underwriting' }).count()).toBe(1);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await screenshot('access-5-console-english');

      await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    });
  });
});
