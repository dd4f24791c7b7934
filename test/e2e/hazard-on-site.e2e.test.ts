import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiToken } from './support/api-setup.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { filing, paperFiling, uploadQualificationDocument, menu, settled } from './support/console-forms.js';
import { signIn, unlabelledFields } from './support/console-page.js';
import { signOut, useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1): it has an account. */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };
/** The demo's large HAZCHEM enterprise of 忻府区 with no account on the platform (REG-1). */
const XINGYUAN = { uscc: '91140902109502805H', name: '忻府兴源化工危险品经营有限责任公司', industry: 'HAZCHEM', county: '140902', staff: 979, revenueWan: 33972 };

const shanghaiLocalNow = (offsetMinutes = 0): string => new Date(Date.now() + offsetMinutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
const shanghaiToday = (): string => shanghaiLocalNow().slice(0, 10);
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A 1×1 PNG: the photo of the rectified site. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

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
 * SVC-7, SVC-13 in a real browser against `npm start`: a rectification is the enterprise's to report. 人保's
 * hazard board offers 现场代录整改 only for the hazard of an enterprise without an account (兴源化工) — its person
 * reports the plan and the closure with a photo on the staff's device, dated and placed by the device — and for
 * ent-demo's enterprise only the hint that it reports itself. 人保 then verifies (its own step), and the city EMB's
 * 隐患监管 shows the MAJOR hazard closed with the 现场代录 mark.
 */
describe('console: on-site rectification capture (SVC-7, SVC-13)', () => {
  const { server, withConsole } = useConsoleSuite();
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const suffix = randomUUID().slice(0, 6);
  const onSiteHazard = `储罐区可燃气体报警器未投用（e2e ${suffix}）`;
  const ownHazard = `井口消防器材缺失（e2e ${suffix}）`;
  let onSiteServiceId = '';

  beforeAll(async () => {
    const url = server().url;
    const [emb, picc] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD)]);
    const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, today, [await uploadQualificationDocument(url, picc, year)]));
    const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, today);
    await call(url, emb, 'POST', paper.path, paper.body);
    const performedAt = `${[`${today}T00:00`, shanghaiLocalNow(-30)].sort().at(-1) ?? `${today}T00:00`}:00+08:00`;

    /** A policy, and a completed hazard inspection that found one MAJOR hazard (SVC-7), all by 人保. */
    const serviceWithHazard = async (enterprise: typeof XINDA, policyNumber: string, description: string): Promise<string> => {
      await call(url, emb, 'POST', '/regulator/enterprises', enterprise);
      const policy = await call(url, picc, 'POST', '/policies', {
        enterpriseUscc: enterprise.uscc,
        policyNumber,
        periodStart: today,
        periodEnd: oneYearPeriodEnd(today),
        employeesCovered: enterprise.staff,
        perPersonInsuredAmountFen: 30_000_000,
        perPersonDeathLimitFen: 30_000_000,
        rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
        mode: 'INDEPENDENT',
        premiumPaidByEnterprise: true,
      });
      const service = await call(url, picc, 'POST', '/services', {
        policyId: policy.id,
        type: 'HAZARD_INSPECTION',
        scheduledAt: performedAt,
        provider: { kind: 'OWN' },
        expertIds: [],
        plannedItems: ['消防设施'],
      });
      const path = `/services/${String(service.id)}`;
      await call(url, picc, 'POST', `${path}/confirm-schedule`, { confirmedByName: '孙总经理' });
      await call(url, picc, 'POST', `${path}/complete`, {
        performedAt,
        place: '储罐区',
        personnel: [{ name: '李工' }],
        items: ['消防设施'],
        measures: '现场检查',
        process: '现场检查消防及报警设施',
        hazards: [{ description, grade: 'MAJOR', rectifyBy: addDays(today, 15) }],
        principalName: '孙总经理',
      });
      return String(service.id);
    };
    onSiteServiceId = await serviceWithHazard(XINGYUAN, `PZOS${Date.now()}H`, onSiteHazard);
    await serviceWithHazard(XINDA, `PZOS${Date.now()}X`, ownHazard);
  }, 60_000);

  it('SVC-7 SVC-13 人保 captures the rectification of an enterprise without an account on site, verifies it, and 隐患监管 shows it closed and marked 现场代录', async () => {
    await withConsole(async ({ page, context, screenshot }) => {
      await context.grantPermissions(['geolocation']);
      await context.setGeolocation({ latitude: 38.4312, longitude: 112.7125, accuracy: 15 });
      await signIn(page, 'picc-admin', DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      await menu(page).getByRole('link', { name: '隐患看板' }).click();
      await page.getByRole('heading', { level: 1, name: '隐患看板' }).waitFor();
      const open = page.getByRole('region', { name: '待整改' });

      // SVC-7: ent-demo's enterprise reports its own rectification — a hint, no button.
      const own = open.locator('[data-hazard]').filter({ hasText: ownHazard });
      await own.getByTestId('enterprise-reports-itself').waitFor();
      expect(await own.getByRole('button', { name: '现场代录整改' }).count()).toBe(0);

      // SVC-7, SVC-13: 兴源化工 has no account; its person reports on this device.
      const card = open.locator('[data-hazard]').filter({ hasText: onSiteHazard });
      await card.getByRole('button', { name: '现场代录整改' }).click();
      const capture = page.getByRole('dialog', { name: '现场代录整改' });
      await settled(page);
      await capture.getByLabel('报告人', { exact: true }).fill('孙总经理');
      await capture.getByLabel('报告人职务').fill('总经理');
      await capture.getByLabel('整改方案').fill('投用储罐区可燃气体报警器并接入中控室');
      await capture.getByLabel('整改责任人').fill('钱主任');
      await capture.getByRole('checkbox', { name: /整改已完成/ }).check();
      await capture.getByLabel('整改情况说明').fill('报警器已投用，联动测试正常');
      await capture.getByLabel('选择文件').setInputFiles({ name: 'alarm-on.png', mimeType: 'image/png', buffer: PHOTO });
      await capture.getByRole('table', { name: '整改佐证材料' }).getByText('alarm-on.png').waitFor();
      expect(await unlabelledFields(page)).toEqual([]);
      await settled(page);
      await screenshot('services-11-on-site-rectification');
      await capture.getByRole('button', { name: '提交现场代录' }).click();
      await capture.waitFor({ state: 'hidden' });

      // Marked 现场代录 once recorded; verification stays 人保's own step.
      const rectified = page.getByRole('region', { name: '已整改待核验' }).locator('[data-hazard]').filter({ hasText: onSiteHazard });
      await rectified.getByTestId('hazard-on-site').hover();
      await page.getByRole('tooltip').getByText(/孙总经理（总经理）/).waitFor();
      await rectified.getByRole('button', { name: '核验' }).click();
      const verify = page.getByRole('dialog', { name: '核验整改' });
      await settled(page);
      await verify.getByLabel('核验意见').fill('现场复查，报警器运行正常');
      await verify.getByRole('button', { name: '提交核验' }).click();
      await verify.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: '已核验' }).locator('[data-hazard]').filter({ hasText: onSiteHazard }).getByTestId('hazard-on-site').waitFor();
      await signOut(page);

      // SVC-7: the MAJOR hazard's closure is the regulators' to see, with who reported it and how (SVC-13).
      await signIn(page, 'emb-city', DEMO_PASSWORD);
      await menu(page).getByRole('link', { name: '隐患监管' }).click();
      await page.getByRole('heading', { level: 1, name: '隐患监管' }).waitFor();
      await page.goto('/regulator/hazards?grade=MAJOR');
      const row = page.locator('table[aria-label="隐患监管"] tbody tr.ant-table-row').filter({ hasText: onSiteHazard });
      await row.getByText('已核验').waitFor();
      const closure = row.getByTestId('hazard-closure');
      await closure.getByText(/企业报告整改完成/).waitFor();
      await closure.getByText(/保险机构验证通过/).waitFor();
      await closure.getByTestId('hazard-on-site').waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      await settled(page);
      await screenshot('services-12-regulator-on-site-closure');
    });

    // The report kept who reported (with the title), the device's time and position, and that it said closed.
    const picc = await apiToken(server().url, 'picc-admin', DEMO_PASSWORD);
    const hazards = (await call(server().url, picc, 'GET', `/hazards?serviceId=${onSiteServiceId}&limit=10`)).items as {
      status: string;
      rectification?: { onSiteReports?: { reporterName: string; reportedAt: string; closed: boolean; location?: { latitude: number; longitude: number } }[] };
    }[];
    expect(hazards.map((hazard) => hazard.status)).toEqual(['VERIFIED']);
    const reports = hazards[0]?.rectification?.onSiteReports ?? [];
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reporterName: '孙总经理（总经理）', closed: true, location: { latitude: 38.4312, longitude: 112.7125 } });
    expect(Math.abs(Date.parse(reports[0]?.reportedAt ?? '') - Date.now())).toBeLessThan(5 * 60_000);
  }, 90_000);
});
