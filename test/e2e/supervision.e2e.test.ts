import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { apiToken, freshUscc } from './support/api-setup.js';
import { filing, paperFiling, uploadQualificationDocument } from './support/console-forms.js';
import { signIn, unlabelledFields } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

const PICC = '中国人民财产保险股份有限公司忻州市分公司';
const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function call(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect([200, 201], `${method} ${path}: ${text}`).toContain(response.status);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Issue 14 (ACL-2, SVC-8/SVC-9): the city EMB lands on 监管总览, the insurers ranked most behind first, and from
 * there opens the overdue service of the insurer most behind on services — read-only, with no button that would change the insurer's record.
 */
describe('console: the regulators read every insurer’s work (issue 14)', () => {
  const { server, withConsole } = useConsoleSuite();
  const suffix = randomUUID().slice(0, 6);
  /** A 忻府区 coal mine of this run, insured by 人保 since 60 days ago and served 40 days ago. */
  const enterprise = { uscc: freshUscc().valid, name: `忻府监管测试${suffix}煤业有限公司`, industry: 'COAL_MINE', county: '140902', staff: 80, revenueWan: 900 };
  /** The overdue service and its insurer, for the insurer's workbench below. */
  const overdueService = { id: '', tenantId: '' };

  // SVC-8: a service completed 40 days ago and never followed up — its follow-up deadline has passed (逾期).
  beforeAll(async () => {
    const url = server().url;
    const today = shanghaiToday();
    const periodStart = addDays(today, -60);
    const servedOn = addDays(today, -40);
    const [emb, picc] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD)]);
    await call(url, emb, 'POST', '/regulator/enterprises', enterprise);
    // QUAL: 人保 qualified for the year the policy starts in (the city EMB records the paper filing day).
    for (const year of new Set([Number(today.slice(0, 4)), Number(periodStart.slice(0, 4))])) {
      const on = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
      const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, on, [await uploadQualificationDocument(url, picc, year)]));
      const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, on);
      await call(url, emb, 'POST', paper.path, paper.body);
    }
    const policy = await call(url, picc, 'POST', '/policies', {
      enterpriseUscc: enterprise.uscc,
      policyNumber: `PZSV${Date.now()}`,
      periodStart,
      periodEnd: oneYearPeriodEnd(periodStart),
      employeesCovered: enterprise.staff,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
    });
    const service = await call(url, picc, 'POST', '/services', {
      policyId: String(policy.id),
      type: 'HAZARD_INSPECTION',
      scheduledAt: `${servedOn}T09:00:00+08:00`,
      provider: { kind: 'OWN' },
      expertIds: [],
      plannedItems: ['通风系统', '提升运输'],
      plannedMeasures: '现场查看与资料核查',
    });
    Object.assign(overdueService, { id: String(service.id), tenantId: String(policy.tenantId) });
    await call(url, picc, 'POST', `/services/${String(service.id)}/confirm-schedule`, { confirmedByName: '刘矿长' });
    await call(url, picc, 'POST', `/services/${String(service.id)}/complete`, {
      performedAt: `${servedOn}T09:30:00+08:00`,
      endedAt: `${servedOn}T15:30:00+08:00`,
      place: '主井口及调度室',
      personnel: [{ name: '张工', role: '组长' }],
      items: ['通风系统', '提升运输'],
      measures: '现场查看、查阅台账',
      process: '召开首次会议，分组检查，末次会议反馈',
      hazards: [],
      evidence: [],
    });
  });

  it('ACL-2 SVC-8 emb-city finds the insurer most behind on services on its home page (监管总览) and opens its overdue service', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      // Issue 14: the regulators' home is 监管总览 — the insurers ranked most behind first, from the counters.
      await page.getByRole('heading', { level: 1, name: '监管总览' }).waitFor();
      const ranking = page.locator('table[aria-label="承保机构排名（最落后的在最前）"]');
      // The counters follow the bus: the overdue follow-up shows once the projection has counted it.
      const row = ranking.locator('tbody tr.ant-table-row').first();
      // SVC-8: 人保's overdue follow-up is counted (逾期服务事项 > 0), which puts it first — the one most behind.
      await expect
        .poll(
          async () => {
            await page.reload();
            await row.waitFor();
            return `${(await row.locator('td').nth(1).textContent()) ?? ''}|${Number(await row.locator('td').nth(2).textContent()) > 0}`;
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe(`${PICC}|true`);
      // FEE-4/FEE-5: the city EMB sees each insurer's fee standing, and the KPI cards and the chart are there.
      expect(await ranking.locator('thead').textContent()).toContain('支出比例');
      await page.getByTestId('overview-kpi-followUps').waitFor();
      await page.getByTestId('overview-chart').waitFor();
      await screenshot('supervision-1-overview');

      await row.getByRole('link', { name: '逾期服务' }).click();
      await page.getByRole('heading', { level: 1, name: `${PICC} · 事故预防服务` }).waitFor();
      expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
      const overdue = page.locator('table[aria-label="事故预防服务"] tbody tr.ant-table-row', { hasText: enterprise.name });
      await overdue.waitFor();
      expect(await overdue.textContent()).toContain('逾期');
      expect(await unlabelledFields(page)).toEqual([]);
      await screenshot('supervision-2-overdue-services');

      await overdue.getByRole('link', { name: '查看' }).click();
      await page.getByRole('heading', { level: 1, name: /^服务详情（只读）/ }).waitFor();
      const deadlines = page.getByTestId('supervised-service-deadlines');
      await deadlines.waitFor();
      expect(await deadlines.textContent()).toContain('逾期');
      // ACL-2: a regulator's view of an insurer's service offers nothing that writes the insurer's record — only
      // the way back and 督办, the regulator's own notice (SUP-1).
      const buttons = await page.locator('main button').allTextContents();
      expect(buttons.map((text) => text.replace(/\s/g, '')).sort()).toEqual(['督办', '返回服务列表'].sort());
      await screenshot('supervision-3-overdue-service');
    });
  });

  it('SVC-8 SUP-3 picc staff land on 工作台, see the open 督办 and the overdue follow-up, and open the service from it', async () => {
    const url = server().url;
    const emb = await apiToken(url, 'emb-city', DEMO_PASSWORD);
    const text = `工作台验收督办${suffix}`;
    await call(url, emb, 'POST', '/regulator/notices', { tenantId: overdueService.tenantId, subject: { kind: 'SERVICE', id: overdueService.id }, dueOn: addDays(shanghaiToday(), 10), text });
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'picc-staff', DEMO_PASSWORD);
      // Issue 14: `/` lands on the insurer's home, the workbench.
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      const card = (title: string) => page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
      // SUP-3: the notice the city EMB just issued about the service, by the service's enterprise name.
      await card('未办结的督办').getByRole('link', { name: new RegExp(enterprise.name) }).waitFor();
      // SVC-8: the follow-up past its due day, marked 已逾期, a link to the service itself.
      const followUp = card('跟踪回访').getByRole('listitem').filter({ hasText: enterprise.name });
      await followUp.waitFor();
      expect(await followUp.textContent()).toContain('已逾期');
      expect(Number(await page.locator('.ant-statistic', { hasText: '待答复督办' }).locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(1);
      await screenshot('workbench-1-home');
      await followUp.getByRole('link', { name: enterprise.name }).click();
      await page.waitForURL(`**/insurer/services/${overdueService.id}`);
      await page.getByRole('heading', { level: 1, name: /隐患排查/ }).waitFor();
      await screenshot('workbench-2-service');
    });
  });
});
