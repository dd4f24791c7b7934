import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_FILE_HEADERS } from '../../domain/register/register-columns.js';
import { apiToken } from './support/api-setup.js';
import { choose, menu } from './support/console-forms.js';
import { signIn } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** The shared register (REG-1); its first ROWS rows reach every county, 188 of them in 忻府区. */
const SHARED_REGISTER = new URL('../../infra/local/seed/enterprises-xinzhou-5000.csv', import.meta.url);
const ROWS = 1500;

/**
 * Issue 15, in a real browser against `npm start`: the city EMB filters the register to one county, sees how many
 * entries match, and exports them — every one of them, across the API's pages, not the 20 on screen — to an XLSX
 * with the register import's Chinese columns (an exported file imports again).
 */
describe('console: totals and the full-data XLSX export of a filtered list (issue 15)', () => {
  const { server, withConsole } = useConsoleSuite();
  const lines = readFileSync(SHARED_REGISTER, 'utf8').split(/\r?\n/).slice(0, ROWS + 1);
  const xinfuNames = lines.map((line) => line.split(',')).filter((cells) => cells[3] === '140902').map((cells) => cells[1] ?? '');
  const xinfu = xinfuNames.length;

  beforeAll(async () => {
    const token = await apiToken(server().url, 'emb-city', DEMO_PASSWORD);
    const imported = await fetch(`${server().url}/api/v1/regulator/enterprise-imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ fileName: 'enterprises.csv', contentBase64: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64') }),
    });
    expect([200, 201], await imported.clone().text()).toContain(imported.status);
  }, 120_000);

  it('REG-1 ACL-4 the city EMB filters the register to 忻府区, sees its total and exports exactly those entries to XLSX', async () => {
    expect(xinfu).toBeGreaterThan(100);
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '企业底数' }).click();
      await page.getByRole('heading', { level: 1, name: '企业底数' }).waitFor();
      const pager = page.getByRole('navigation', { name: '分页' });
      await pager.getByText(`共 ${ROWS.toLocaleString('en-US')} 条`).waitFor();

      const filters = page.getByRole('search');
      await choose(page, filters.getByLabel('区县'), '忻府区');
      await filters.getByRole('button', { name: '查询' }).click();
      await pager.getByText(`共 ${xinfu} 条`).waitFor();
      await screenshot('register-filtered-total');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: '导出 XLSX' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^企业底数-\d{8}-\d{4}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(1).values).toEqual([undefined, ...REGISTER_FILE_HEADERS]);
      const rows = (sheet?.getRows(2, (sheet.actualRowCount ?? 1) - 1) ?? []).map((row) => row.values as unknown[]);
      expect(rows).toHaveLength(xinfu);
      const countyAt = REGISTER_FILE_HEADERS.indexOf('区县') + 1;
      expect(countyAt).toBeGreaterThan(0);
      expect(rows.every((values) => values[countyAt] === '忻府区')).toBe(true);
      expect(new Set(rows.map((values) => values[1])).size).toBe(xinfu);

      // Issue 15: the search box finds an entry by part of its name, across the whole register.
      const [first] = rows;
      const name = String(first?.[2] ?? '');
      await filters.getByLabel('搜索').fill(name);
      await filters.getByRole('button', { name: '查询' }).click();
      await pager.getByText(`共 ${xinfuNames.filter((other) => other.includes(name)).length} 条`).waitFor();
      await page.locator('table[aria-label="企业底数"] tbody tr.ant-table-row').filter({ hasText: name }).waitFor();
    });
  }, 180_000);
});
