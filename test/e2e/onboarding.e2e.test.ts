import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiToken, createTenant, freshUscc } from './support/api-setup.js';
import { openConsole, SCREENSHOT_DIR, signIn, unlabelledFields } from './support/console-page.js';
import { signOut, tenantRows, useConsoleSuite } from './support/console-suite.js';

type ConsolePage = Parameters<typeof tenantRows>[0];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Issue 21: axe-core's serious and critical findings on the page as it is (evaluated through the protocol, not the CSP). */
async function seriousAxeFindings(page: ConsolePage): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(`axe.run(document).then((result) => result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id + ': ' + violation.nodes.map((node) => node.target.join(' ')).join(', ')))`);
}

/** From the operator's home (平台概况) to the tenant table, through the menu as a person would. */
async function openTenants(page: ConsolePage): Promise<void> {
  await page.getByRole('heading', { level: 1, name: '平台概况' }).waitFor();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '保险机构' }).click();
  await tenantRows(page).first().waitFor();
}

/**
 * Onboarding in a real browser against `npm start` on a fresh data folder: the operator finds and creates
 * an insurer (server field errors shown in place), pages and exports, creates a county regulator; the new
 * insurer's admin adds a staff user. Also measures the time from navigation to the tenant table.
 */
describe('console: onboarding insurers and regulators', () => {
  const { server, browser, withConsole } = useConsoleSuite();
  let newTenant: { name: string; adminUsername: string; adminPassword: string } | undefined;

  it('the operator finds tenants, creates one (server field errors shown in place) and signs out', async () => {
    const uscc = freshUscc();
    const name = `测试财产保险股份有限公司忻州中心支公司${uscc.valid.slice(-4)}`;
    const adminUsername = `e2e-admin-${uscc.valid.slice(-5).toLowerCase()}`;
    const adminPassword = 'E2e-admin-pass-2026';
    await withConsole(
      async ({ page, screenshot }) => {
        // Issue 21: the operator's first sign-in binds an authenticator (绑定身份验证器), at 390 px too, before anything else.
        const outcome = await signIn(page, 'operator', server().operatorPassword, async (enrolling) => {
          await enrolling.getByRole('img', { name: '绑定二维码' }).or(enrolling.getByLabel('绑定二维码')).first().waitFor();
          await screenshot('onboarding-0-operator-binds-authenticator');
          const desktop = enrolling.viewportSize();
          await enrolling.setViewportSize({ width: 390, height: 844 });
          expect(await enrolling.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
          expect(await seriousAxeFindings(enrolling)).toEqual([]);
          if (desktop) await enrolling.setViewportSize(desktop);
        });
        expect(outcome).toBe('enrolled');
        // Issue 14: the operator lands on its home, 平台概况, and opens the tenants from the menu.
        await openTenants(page);
        expect(await tenantRows(page).count()).toBe(3);
        await screenshot('onboarding-1-operator-tenants');

        // Keyboard: `/` jumps to the search field, Enter searches. The filter goes to the URL
        // (bookmarkable) and to the API's `q`.
        await page.keyboard.press('/');
        await page.keyboard.type('人民');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\?q=%E4%BA%BA%E6%B0%91$/);
        await expect.poll(() => tenantRows(page).count()).toBe(1);
        expect(await unlabelledFields(page)).toEqual([]);

        await page.getByRole('button', { name: '新建保险机构' }).click();
        await page.getByRole('heading', { level: 1, name: '新建保险机构' }).waitFor();
        await page.getByLabel('机构名称').fill(name);
        await page.getByLabel('分支机构').fill('测试产险忻州中支');
        await page.getByLabel('统一社会信用代码').fill(uscc.wrongCheck);
        await page.getByLabel('用户名').fill(adminUsername);
        await page.getByLabel('姓名').fill('测试管理员');
        await page.getByLabel('初始密码').fill(adminPassword);
        expect(await unlabelledFields(page)).toEqual([]);
        await page.getByRole('button', { name: '提交' }).click();

        // The server's 400 names `uscc` (rule UW-2): the message appears under that very field.
        const usccError = page.locator('#create-tenant_uscc_help');
        await usccError.waitFor();
        expect(await usccError.textContent()).toContain('UW-2');
        expect(await page.getByLabel('统一社会信用代码').getAttribute('aria-invalid')).toBe('true');
        await screenshot('onboarding-2-create-tenant-field-error');

        await page.getByLabel('统一社会信用代码').fill(uscc.valid);
        await page.getByRole('button', { name: '提交' }).click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await screenshot('onboarding-3-tenant-created');

        await page.getByRole('button', { name: '返回列表' }).click();
        await expect.poll(() => tenantRows(page).count()).toBe(4);
        await signOut(page);
        await screenshot('onboarding-4-operator-signed-out');
        expect(new URL(page.url()).pathname).toBe('/login');
      },
      { expectedHttpErrors: [{ status: 400, path: '/api/v1/platform/tenants' }] },
    );
    newTenant = { name, adminUsername, adminPassword };
  });

  it('the new tenant admin signs in and adds a staff user, who can then sign in', async () => {
    expect(newTenant, 'the previous test creates the tenant').toBeDefined();
    const { adminUsername, adminPassword } = newTenant as NonNullable<typeof newTenant>;
    const staffUsername = `${adminUsername.replace('admin', 'staff')}`;
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, adminUsername, adminPassword);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '团队成员' }).click();
      const teamRows = page.locator('table[aria-label="团队成员"] tbody tr.ant-table-row');
      await teamRows.first().waitFor();
      expect(await teamRows.count()).toBe(1);

      await page.getByRole('button', { name: '添加成员' }).click();
      const dialog = page.getByRole('dialog', { name: '添加团队成员' });
      await dialog.getByLabel('用户名').fill(staffUsername);
      await dialog.getByLabel('姓名').fill('李业务');
      await dialog.getByLabel('初始密码').fill('E2e-staff-pass-2026');
      expect(await dialog.getByLabel('角色').count()).toBe(1);
      expect(await unlabelledFields(page)).toEqual([]);
      await screenshot('onboarding-5-team-add-member');
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => teamRows.count()).toBe(2);
      const staffRow = teamRows.filter({ hasText: staffUsername });
      expect(await staffRow.getByText('保险机构业务员').count()).toBe(1);
      await screenshot('onboarding-6-team-member-added');
      await signOut(page);

      await signIn(page, staffUsername, 'E2e-staff-pass-2026');
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '团队成员' }).count()).toBe(0);
    });
  });

  it('pages through the tenants with the API cursors, shows their total and exports all of them as XLSX (issue 15)', async () => {
    const token = await apiToken(server().url, 'operator', server().operatorPassword);
    for (let i = 1; i <= 8; i += 1) await createTenant(server().url, token, `分页测试保险公司${String(i).padStart(2, '0')}`);
    // 3 demo + 8 here, and the one the first test creates: 12 when the file runs whole.
    const listed = await fetch(`${server().url}/api/v1/platform/tenants?limit=100`, { headers: { authorization: `Bearer ${token}` } });
    const tenantCount = ((await listed.json()) as { items: unknown[] }).items.length;
    expect(tenantCount).toBeGreaterThan(10);
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'operator', server().operatorPassword);
      await page.getByRole('heading', { level: 1, name: '平台概况' }).waitFor();
      // A bookmarked view: page size 10 from the URL.
      await page.goto('/platform/tenants?limit=10');
      await expect.poll(() => tenantRows(page).count(), { timeout: 15_000 }).toBe(10);
      const firstPage = await tenantRows(page).allTextContents();
      const pager = page.getByRole('navigation', { name: '分页' });
      await pager.getByRole('button', { name: '下一页' }).click();
      await expect.poll(() => tenantRows(page).count(), { timeout: 15_000 }).toBe(tenantCount - 10);
      await pager.getByText('第 2 页').waitFor();
      expect(await pager.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
      await screenshot('onboarding-7-tenants-page-2');

      // Issue 15: the total of the list, and an XLSX export of every tenant — not only the page shown.
      await pager.getByText(`共 ${tenantCount} 条`).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^tenants-\d{8}-\d{4}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(1).values).toEqual([undefined, '机构名称', '分支机构', '统一社会信用代码', '状态', '创建时间', '机构编号']);
      expect(sheet?.actualRowCount).toBe(tenantCount + 1);
      expect(String(sheet?.getRow(2).getCell(4).value)).toBe('正常');

      await pager.getByRole('button', { name: '上一页' }).click();
      await expect.poll(() => tenantRows(page).allTextContents()).toEqual(firstPage);
    });
  });

  it('the operator creates a county regulator; the county is asked for county EMBs only', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'operator', server().operatorPassword);
      await openTenants(page);
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '监管部门' }).click();
      const regulatorRows = page.locator('table[aria-label="监管部门"] tbody tr.ant-table-row');
      await expect.poll(() => regulatorRows.count()).toBe(3);
      await page.getByRole('button', { name: '新建监管部门' }).click();
      await page.getByRole('heading', { level: 1, name: '新建监管部门' }).waitFor();
      expect(await page.getByLabel('所辖区县').count()).toBe(0);

      // antd renders the visible options apart from its screen-reader listbox: pick them by title.
      await page.getByLabel('部门类别').click();
      await page.locator('.ant-select-item-option[title="县级应急管理局"]').click();
      // The county list is searchable: type, then Enter, as a keyboard user would.
      await page.getByLabel('所辖区县').click();
      await page.keyboard.type('原平');
      await page.locator('.ant-select-item-option[title="原平市（140981）"]').waitFor();
      await page.keyboard.press('Enter');
      await page.getByLabel('部门名称').fill('原平市应急管理局');
      await page.getByLabel('用户名').fill('emb-yuanping');
      await page.getByLabel('姓名').fill('原平市应急管理局');
      await page.getByLabel('初始密码').fill('Emb-yuanping-2026');
      expect(await unlabelledFields(page)).toEqual([]);
      await screenshot('onboarding-8-create-regulator');
      await page.getByRole('button', { name: '提交' }).click();

      await page.getByRole('heading', { level: 1, name: '监管部门' }).waitFor();
      await expect.poll(() => regulatorRows.count(), { timeout: 15_000 }).toBe(4);
      expect(await regulatorRows.filter({ hasText: '原平市应急管理局' }).getByText('原平市', { exact: true }).count()).toBe(1);
    });
  });

  it('CAL-2 the operator previews next year\'s pasted holiday schedule (a bad line named), then loads it', async () => {
    const nextYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;
    const preview = `/api/v1/platform/calendar/${nextYear}/preview`;
    await withConsole(
      async ({ page, screenshot }) => {
        await signIn(page, 'operator', server().operatorPassword);
        await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '节假日安排' }).click();
        await page.getByRole('heading', { level: 1, name: '节假日安排' }).waitFor();
        await page.getByRole('table', { name: '已知年份' }).waitFor();
        expect(await unlabelledFields(page)).toEqual([]);
        await page.getByText('粘贴文本', { exact: true }).click();
        const text = page.getByLabel('节假日安排文本');
        await text.fill(`${nextYear}-01-01 休\n${nextYear}-02-30 休`);
        expect(await unlabelledFields(page)).toEqual([]);
        await page.getByRole('button', { name: '预览' }).click();
        await page.getByText(`第 2 行：${nextYear}-02-30 不是有效日期`).waitFor();
        expect(await page.getByRole('button', { name: '确认录入' }).isDisabled()).toBe(true);

        await text.fill(`# 元旦\n${nextYear}-01-01 休`);
        await page.getByRole('button', { name: '预览' }).click();
        await page.getByText(`${nextYear} 年安排录入后的期限变化`).waitFor();
        await screenshot('calendar-1-preview');
        await page.getByRole('button', { name: '确认录入' }).click();
        await page.getByText(`已录入 ${nextYear} 年节假日安排`).waitFor();
        await page.getByRole('table', { name: '已知年份' }).getByRole('row', { name: new RegExp(`^${nextYear}\\s*运营方录入`) }).waitFor();
      },
      { expectedHttpErrors: [{ status: 400, path: preview }] },
    );
  });

  it('renders the tenant table soon after navigation (cold and warm cache)', async () => {
    const timings: Record<string, number> = {};
    await withConsole(async ({ page }) => {
      await signIn(page, 'operator', server().operatorPassword);
      await openTenants(page);
      const session = await page.evaluate<string | null>(`sessionStorage.getItem('anze.session')`);
      expect(session).toBeTruthy();

      // Cold: a new browser profile (empty HTTP cache) that already holds the session.
      const cold = await openConsole(browser(), server().url);
      try {
        await cold.context.addInitScript(`sessionStorage.setItem('anze.session', ${JSON.stringify(session)})`);
        const started = Date.now();
        await cold.page.goto('/platform/tenants');
        await tenantRows(cold.page).first().waitFor();
        timings.coldWallMs = Date.now() - started;
        timings.coldSinceNavigationStartMs = Math.round(await cold.page.evaluate(() => performance.now()));
        expect(cold.problems).toEqual([]);
      } finally {
        await cold.close();
      }

      // Warm: the same profile navigating again (hashed assets come from the cache).
      const started = Date.now();
      await page.goto('/platform/tenants');
      await tenantRows(page).first().waitFor();
      timings.warmWallMs = Date.now() - started;
      timings.warmSinceNavigationStartMs = Math.round(await page.evaluate(() => performance.now()));
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log('time from navigation to tenant table rendered:', timings);
    expect(timings.coldWallMs).toBeLessThan(5_000);
  });
});
