import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XINZHOU_AREAS } from '../../domain/kernel/area.js';
import { INDUSTRY_NAMES_ZH } from '../../domain/kernel/industry.js';
import { REGISTER_FILE_HEADERS, registerFileRow } from '../../domain/register/register-columns.js';
import type { RegisterEntry } from '../../domain/register/register-entry.js';
import { menu, settled } from './support/console-forms.js';
import { signIn } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** The shared register (REG-1): 5,000 enterprises of Xinzhou, with code columns (/work/shared/data/README.md). */
const SHARED_REGISTER = new URL('../../infra/local/seed/enterprises-xinzhou-5000.csv', import.meta.url);

/**
 * The shared register as the console's export writes it (issue 15): the Chinese headers and labels of
 * register-columns.ts, the module the register's export and the import template are made from.
 */
async function exportedRegisterXlsx(): Promise<{ rows: number; bytes: Buffer }> {
  const [, ...lines] = readFileSync(SHARED_REGISTER, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业底数');
  sheet.addRow([...REGISTER_FILE_HEADERS]);
  for (const line of lines) {
    const [uscc = '', name = '', industry = '', county = '', staff = '', revenueWan = '', size = ''] = line.split(',');
    const entry = { uscc, name, industry, county, staff: Number(staff), revenueWan: Number(revenueWan), size, registeredBy: '', updatedAt: '', version: 1 } as RegisterEntry;
    sheet.addRow(registerFileRow(entry));
  }
  return { rows: lines.length, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * Issue 15 (REG-1), in a real browser against `npm start` on a fresh data folder: the city EMB downloads the
 * import template (the export's Chinese columns), then imports the shared 5,000-enterprise register as the
 * console exports it — Chinese headers, 煤矿 / 忻府区 / 小型 for codes — and sees all 5,000 imported and listed.
 */
describe('console: the register imported as people use Excel (issue 15)', () => {
  const { withConsole } = useConsoleSuite();

  it('REG-1 the city EMB imports the shared register as a Chinese-header XLSX (the export’s columns) and sees 5,000 rows', async () => {
    const file = await exportedRegisterXlsx();
    expect(file.rows).toBe(5000);
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: '监管总览' }).waitFor();
      await menu(page).getByRole('link', { name: '企业底数' }).click();
      await page.getByRole('heading', { level: 1, name: '企业底数' }).waitFor();
      await page.getByRole('button', { name: '批量导入' }).click();
      const dialog = page.getByRole('dialog', { name: '批量导入' });

      // The template has the export's headers, so a file made from it, or exported, imports as it is.
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入模板' }).click()]);
      expect(download.suggestedFilename()).toBe('企业底数导入模板.xlsx');
      const template = new ExcelJS.Workbook();
      await template.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
      expect(template.worksheets[0]?.getRow(1).values).toEqual([undefined, ...REGISTER_FILE_HEADERS]);

      await dialog.getByLabel('选择文件').setInputFiles({
        name: '忻州市企业底数.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file.bytes,
      });
      await dialog.getByRole('button', { name: '上传并导入' }).click();
      const result = dialog.getByTestId('import-result');
      await result.getByText('已导入 5000 行').waitFor({ timeout: 120_000 });
      expect(await result.textContent()).toContain('新增5000');
      await settled(page);
      await screenshot('register-import-5000-chinese-xlsx');
      await dialog.getByRole('button', { name: '完成' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The register lists them, industry and county by the names the file used.
      const rows = page.locator('table[aria-label="企业底数"] tbody tr.ant-table-row');
      await rows.first().waitFor();
      const cells = await rows.first().locator('td').allTextContents();
      expect(Object.values(INDUSTRY_NAMES_ZH)).toContain(cells[2]);
      expect(XINZHOU_AREAS.map((area) => area.nameZh as string)).toContain(cells[3]);
      // The list's total (first page of the register, REG-1 counters): all 5,000 are there.
      await page.getByTestId('table-total').getByText('共 5,000 条').waitFor();
    });
  }, 240_000);
});
