import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { addDays, addMonths } from '../../domain/kernel/calendar/local-date.js';
import { apiToken } from './support/api-setup.js';
import { filing, paperFiling, uploadQualificationDocument } from './support/console-forms.js';
import { signIn } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1). */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };
const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect([200, 201], `${method} ${path}: ${text}`).toContain(response.status);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Issue 16 in a real browser against `npm start`: 人保 has a hazard inspection performed 25 working days ago,
 * followed up and signed by the insurer only — its SVC-9 archive deadline (20 working days) has passed. The
 * operator runs the daily run now (POST /platform/daily-run); 人保's admin, already signed in, sees the bell's
 * count rise without reloading, opens 消息通知 and, from the overdue reminder, the service itself.
 */
describe('console: notifications', () => {
  const { server, withConsole } = useConsoleSuite();
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  let serviceId = '';

  beforeAll(async () => {
    const url = server().url;
    const [emb, picc, enterprise] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD), apiToken(url, 'ent-demo', DEMO_PASSWORD)]);
    await call(url, emb, 'POST', '/regulator/enterprises', XINDA);
    const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, today, [await uploadQualificationDocument(url, picc, year)]));
    const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, today);
    await call(url, emb, 'POST', paper.path, paper.body);
    // A policy that began three months ago, so its service can have been performed weeks before today.
    const periodStart = addMonths(today, -3);
    const policy = await call(url, picc, 'POST', '/policies', {
      enterpriseUscc: XINDA.uscc,
      policyNumber: `PZNT${Date.now()}`,
      periodStart,
      periodEnd: addDays(addMonths(periodStart, 12), -1),
      employeesCovered: XINDA.staff,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
    });
    const performedOn = WorkingDayCalendar.builtin().addWorkingDays(today, -25).date;
    const service = await call(url, picc, 'POST', '/services', {
      policyId: policy.id,
      type: 'HAZARD_INSPECTION',
      scheduledAt: `${performedOn}T09:00:00+08:00`,
      provider: { kind: 'OWN' },
      expertIds: [],
      plannedItems: ['通风系统', '提升运输'],
      plannedMeasures: '现场查看与资料核查',
    });
    serviceId = String(service.id);
    await call(url, enterprise, 'POST', `/me/services/${serviceId}/confirm-schedule`, { confirmedByName: '赵矿长' });
    await call(url, picc, 'POST', `/services/${serviceId}/complete`, {
      performedAt: `${performedOn}T09:30:00+08:00`,
      endedAt: `${performedOn}T15:30:00+08:00`,
      place: '主井口、调度室',
      personnel: [{ name: '张工', role: '组长' }],
      items: ['通风系统', '提升运输'],
      measures: '现场查看、查阅台账',
      process: '分组现场检查，末次会议通报',
      hazards: [],
      evidence: [],
    });
    await call(url, picc, 'POST', `/services/${serviceId}/follow-up`, { channel: 'PHONE', satisfaction: 4, comments: '补录回访' });
    await call(url, picc, 'POST', `/services/${serviceId}/confirm`, { party: 'INSURER', signerName: '王经理', signerTitle: '风控部经理', signedAt: new Date().toISOString() });
  }, 90_000);

  it('SVC-9 the insurer sees the bell count rise after the operator’s daily run and opens the overdue service from its notification', async () => {
    await withConsole(async ({ page, screenshot }) => {
      await signIn(page, 'picc-admin', DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      const bell = page.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息通知');

      const operator = await apiToken(server().url, 'operator', server().operatorPassword);
      const run = await call(server().url, operator, 'POST', '/platform/daily-run', { date: today });
      expect(run.raised).toEqual(expect.arrayContaining([{ step: 'SVC-9', kind: 'overdue', count: 1 }]));

      // The reminders reach the inbox through the outbox relay and the bus, a moment after the run answers.
      const picc = await apiToken(server().url, 'picc-admin', DEMO_PASSWORD);
      await expect
        .poll(async () => ((await (await fetch(`${server().url}/api/v1/me/notifications?limit=1`, { headers: { authorization: `Bearer ${picc}` } })).json()) as { unread: number }).unread, { timeout: 20_000 })
        .toBeGreaterThan(0);
      // No reload: the bell asks again when the window regains focus (and every minute).
      await page.evaluate('window.dispatchEvent(new Event("visibilitychange"))');
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 70_000 }).toMatch(/^消息通知，\d+ 条未读$/);
      await screenshot('notifications-bell');

      await bell.click();
      await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
      // The archive's reminder (the run may also remind of other steps of the same policy, e.g. SVC-2).
      const overdue = page.getByTestId('notification-list').locator('.ant-list-item').filter({ hasText: '逾期提醒' }).filter({ hasText: '服务记录确认归档已于' });
      await expect.poll(() => overdue.count()).toBe(1);
      await expect.poll(() => overdue.textContent()).toContain(XINDA.name);
      await overdue.getByRole('button', { name: '查看' }).click();
      await page.waitForURL(`**/insurer/services/${serviceId}`);
      await page.getByRole('heading', { level: 1, name: '服务详情' }).waitFor();
      await screenshot('notifications-opened-service');

      // Opening it marked it read.
      await bell.click();
      await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
      await expect.poll(() => overdue.filter({ hasText: '未读' }).count()).toBe(0);

      // On a 390 px phone the page and its settings fit the screen, and the bell stays in the header.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('notification-preferences').scrollIntoViewIfNeeded();
      await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      expect(await bell.isVisible()).toBe(true);
      await screenshot('notifications-phone');
    });
  }, 120_000);
});
