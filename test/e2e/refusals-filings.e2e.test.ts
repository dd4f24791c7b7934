import { describe, expect, it } from 'vitest';
import { apiToken } from './support/api-setup.js';
import { choose, menu, settled } from './support/console-forms.js';
import { signIn, unlabelledFields } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1). */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Issue 13 in a real browser: 人保 records a refusal to insure under 拒保登记 (UW-12), 忻府区's EMB sees it under
 * 拒保情况 (its county, ACL-4) and has no 资质报送 entry; the city EMB records a paper filing day under 资质报送
 * (QUAL-6) and sees where each insurer's filing day comes from.
 */
describe('console: refusals to insure and the city EMB’s filings (issue 13)', () => {
  const { server, withConsole } = useConsoleSuite();
  const explanation = `企业要求的费率低于备案费率下限（e2e ${Date.now()}）`;

  it('UW-12 人保 records a refusal with a listed reason, and 忻府区 EMB sees it', async () => {
    const emb = await apiToken(server().url, 'emb-city', DEMO_PASSWORD);
    const registered = await fetch(`${server().url}/api/v1/regulator/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${emb}` },
      body: JSON.stringify(XINDA),
    });
    expect([200, 201, 409]).toContain(registered.status);

    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'picc-admin', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '拒保登记' }).click();
      await page.getByRole('heading', { level: 1, name: '拒保登记' }).waitFor();
      await page.getByRole('button', { name: '登记拒保' }).click();
      const dialog = page.getByRole('dialog', { name: '登记拒保' });
      await dialog.getByLabel('企业统一社会信用代码').fill(XINDA.uscc);
      await choose(page, dialog.getByLabel('拒保原因'), '保费未能在备案费率范围内协商一致');
      await dialog.getByLabel('情况说明').fill(explanation);
      expect(await unlabelledFields(page)).toEqual([]);
      await settled(page);
      await screenshot('refusals-1-record');
      await dialog.getByRole('button', { name: '登记拒保' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('table[aria-label="拒保登记"] tbody tr.ant-table-row').filter({ hasText: explanation }).waitFor();
    });

    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'emb-xinfu', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '拒保情况' }).click();
      await page.getByRole('heading', { level: 1, name: '拒保情况' }).waitFor();
      const row = page.locator('table[aria-label="拒保情况"] tbody tr.ant-table-row').filter({ hasText: explanation });
      await row.waitFor();
      expect(await row.textContent()).toContain('人保');
      expect(await menu(page).getByRole('link', { name: '资质报送' }).count()).toBe(0);
      await settled(page);
      await screenshot('refusals-2-county-emb');
    });
  });

  it('QUAL-6 the city EMB records a paper filing day and sees where each filing day comes from', async () => {
    const year = Number(shanghaiToday().slice(0, 4));
    const paperDay = shanghaiToday() < `${year}-06-01` ? shanghaiToday() : `${year}-06-01`;
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '资质报送' }).click();
      await page.getByRole('heading', { level: 1, name: '资质报送' }).waitFor();
      const row = page.locator('table[aria-label="资质报送"] tbody tr.ant-table-row').filter({ hasText: '人保财险' });
      await row.waitFor();
      await row.getByRole('button', { name: '登记纸质报送' }).click();
      const dialog = page.getByRole('dialog', { name: '登记纸质报送日期' });
      await dialog.getByLabel('纸质材料收到日期').fill(paperDay);
      await dialog.getByLabel('纸质材料收到日期').press('Enter');
      await dialog.getByLabel('收文记录').fill('收文登记第 e2e 号');
      expect(await unlabelledFields(page)).toEqual([]);
      await settled(page);
      await screenshot('filings-1-record-paper');
      await dialog.getByRole('button', { name: '登记纸质报送' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已登记纸质报送日期').waitFor();
      await settled(page);
      await screenshot('filings-2-list');
    });
  });
});
