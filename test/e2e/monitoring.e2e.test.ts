import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { apiToken } from './support/api-setup.js';
import { filing, menu, paperFiling, uploadQualificationDocument } from './support/console-forms.js';
import { signIn } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1): it has an account, so it is warned in its inbox. */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };
const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect([200, 201], `${method} ${path}: ${text}`).toContain(response.status);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * MON-2 (issue 19) in a real browser against `npm start`: 人保 has a data source on its coal-mine policy; with 监测值班
 * open, the mine's system posts a gas spike with the source's API key, and the alarm shows on the board by itself
 * (its refresh) — MAJOR, with its SLA timer; the enterprise is warned in its inbox; one click makes the hazard
 * inspection (隐患排查), whose link opens the service in 人保's services.
 */
describe('console: the duty board, from an alarm to the hazard inspection (MON-2)', () => {
  const { server, withConsole } = useConsoleSuite();
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  let apiKey = '';

  beforeAll(async () => {
    const url = server().url;
    const [emb, picc] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD)]);
    const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, today, [await uploadQualificationDocument(url, picc, year)]));
    const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, today);
    await call(url, emb, 'POST', paper.path, paper.body);
    await call(url, emb, 'POST', '/regulator/enterprises', XINDA);
    const policy = await call(url, picc, 'POST', '/policies', {
      enterpriseUscc: XINDA.uscc,
      policyNumber: `PZMON${Date.now()}`,
      periodStart: today,
      periodEnd: oneYearPeriodEnd(today),
      employeesCovered: XINDA.staff,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
    });
    const registered = await call(url, picc, 'POST', '/monitoring/sources', { policyId: policy.id, name: '安全监控系统' });
    apiKey = registered.apiKey as string;
  }, 60_000);

  it('MON-2 a gas spike posted with the source key shows on 监测值班 within 5 s; one click makes the hazard inspection, opened from the alarm', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'picc-admin', DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      await menu(page).getByRole('link', { name: '监测值班' }).click();
      await page.getByRole('heading', { level: 1, name: '监测值班' }).waitFor();
      await page.getByText('暂无待处理的报警').waitFor();

      // The mine's system: CH4 at the face over the 1.0 % threshold, posted with the key (never a user token).
      const at = new Date().toISOString();
      const posted = await fetch(`${server().url}/api/v1/monitoring/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ readings: [{ sensorId: 'CH4-GZM-01', kind: 'GAS_CH4', value: 1.42, unit: '%', at }] }),
      });
      expect(posted.status).toBe(200);
      const postedAt = Date.now();

      // MON-2 acceptance: the board refreshes itself; the alarm is there within 5 s of the post.
      const card = page.getByTestId('alarm-card').filter({ hasText: XINDA.name });
      await card.waitFor({ timeout: 5_000 });
      expect(Date.now() - postedAt).toBeLessThan(5_000);
      await expect.poll(() => card.textContent()).toContain('甲烷浓度');
      expect(await card.textContent()).toMatch(/重大[\s\S]*1\.42 %[\s\S]*处置时限：剩余 1[0-5]:\d\d/);

      // The enterprise is warned at once (its inbox).
      const enterprise = await apiToken(server().url, 'ent-demo', DEMO_PASSWORD);
      await expect
        .poll(async () => JSON.stringify((await call(server().url, enterprise, 'GET', '/me/notifications?limit=20')).items), { timeout: 10_000 })
        .toContain('甲烷');

      await card.getByRole('button', { name: '确认' }).click();
      const dialog = page.getByRole('dialog', { name: /确认/ });
      await dialog.getByLabel('说明（可选）').fill('已通知矿调度室核查');
      await dialog.getByRole('button', { name: '提交' }).click();
      await card.getByText('已确认').waitFor();

      await card.getByRole('button', { name: '生成隐患排查任务' }).click();
      await card.getByRole('link', { name: '查看隐患排查任务' }).click();
      await page.getByRole('heading', { level: 1, name: /服务详情/ }).waitFor();
      await page.getByText(/监测报警隐患排查/).first().waitFor();
      await screenshot('monitoring-inspection');
    });
  }, 90_000);
});
