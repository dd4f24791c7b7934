import { describe, expect, it } from 'vitest';
import { menu, settled, typeDate } from './support/console-forms.js';
import { signIn, unlabelledFields } from './support/console-page.js';
import { signOut, useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * RULES-1 in a real browser against `npm start`: the city EMB sees the built-in 忻州市安责险规则（2024 年） 第 1 版 in force, opens
 * its figures, and publishes v2 by copying it and raising the FEE-1 floor to 16% from next New Year's Day; the
 * NFRA reads the versions but has no publish button.
 */
describe('console: rule-set versions', () => {
  const { withConsole } = useConsoleSuite();
  const nextYear = Number(shanghaiToday().slice(0, 4)) + 1;

  it('RULES-1 the city EMB publishes a new rule-set version from the console; other regulators only read', async () => {
    await withConsole(async ({ page, screenshot }) => {
      // Whatever the regulators' home page is, the menu leads to the versions.
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '规则集版本' }).click();
      await page.getByRole('heading', { level: 1, name: '规则集版本' }).waitFor();
      const rows = page.locator('tbody tr.ant-table-row');
      await rows.first().getByText('忻州市安责险规则（2024 年） 第 1 版').waitFor();
      expect(await rows.first().textContent()).toContain('现行');

      await rows.first().getByRole('button', { name: '查看' }).click();
      const view = page.getByRole('dialog', { name: '忻州市安责险规则（2024 年） 第 1 版' });
      await view.getByText('15%').first().waitFor();
      expect(await view.textContent()).toContain('2/2/1');
      await page.keyboard.press('Escape');
      await view.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: '发布新版本' }).click();
      const publish = page.getByRole('dialog', { name: '发布规则集新版本' });
      await typeDate(publish.getByLabel('生效日期'), `${nextYear}-01-01`);
      await publish.getByLabel('调整依据').fill('忻应急发〔测试〕号：事故预防费用比例调整');
      await publish.getByLabel('事故预防费下限').fill('16');
      expect(await unlabelledFields(page)).toEqual([]);
      await settled(page);
      await screenshot('rule-sets-1-publish-form');
      await publish.getByRole('button', { name: '发布', exact: true }).click();
      await publish.waitFor({ state: 'hidden' });
      await page.getByText(`已发布 v2，自 ${nextYear}-01-01 起生效`).waitFor();
      await rows.nth(1).getByText('忻州市安责险规则（2024 年） 第 2 版').waitFor();
      expect(await rows.nth(1).textContent()).toContain('待生效');
      expect(await rows.first().textContent()).toContain('现行');
      await rows.nth(1).getByRole('button', { name: '查看' }).click();
      await page.getByRole('dialog', { name: '忻州市安责险规则（2024 年） 第 2 版' }).getByText('16%').first().waitFor();
      await settled(page);
      await screenshot('rule-sets-2-published');
      await page.keyboard.press('Escape');

      await signOut(page);
      await signIn(page, 'nfra-xinzhou', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '规则集版本' }).click();
      await page.getByRole('heading', { level: 1, name: '规则集版本' }).waitFor();
      await rows.nth(1).getByText('忻州市安责险规则（2024 年） 第 2 版').waitFor();
      expect(await page.getByRole('button', { name: '发布新版本' }).count()).toBe(0);
    });
  });
});
