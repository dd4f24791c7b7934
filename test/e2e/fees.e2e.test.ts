import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiToken } from './support/api-setup.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { choose, filing, paperFiling, uploadQualificationDocument, menu, option, settled } from './support/console-forms.js';
import { signIn, unlabelledFields } from './support/console-page.js';
import { useConsoleSuite } from './support/console-suite.js';
import { DEMO_PASSWORD } from './support/local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1). */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);




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
 * Prevention fees (DOMAIN.md §5) in a real browser against `npm start`: the enterprise registered, 人保's
 * filing and a policy prepared through the API; then 人保's admin books 106,000.00 元 of premium (100,000.00 ex
 * 6% VAT, 15,000.00 accrued), is refused an internal-management expense with FEE-3 at the category, and books a
 * 3,000.00 元 training expense — the summary and the ledger's running balance go from 15,000.00 to 12,000.00.
 */
describe('console: prevention fees', () => {
  const { server, withConsole } = useConsoleSuite();
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const policyNumber = `PZFE${Date.now()}`;
  let premiumFen = 0;

  beforeAll(async () => {
    const url = server().url;
    const [emb, picc] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD)]);
    await call(url, emb, 'POST', '/regulator/enterprises', XINDA);
    const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, today, [await uploadQualificationDocument(url, picc, year)]));
    // QUAL-6: the platform stamps the filing day; the city EMB records the earlier paper filing.
    const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, today);
    await call(url, emb, 'POST', paper.path, paper.body);
    const policy = await call(url, picc, 'POST', '/policies', {
      enterpriseUscc: XINDA.uscc,
      policyNumber,
      periodStart: today,
      periodEnd: oneYearPeriodEnd(today),
      employeesCovered: XINDA.staff,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
    });
    premiumFen = policy.premiumFen as number;
  }, 60_000);

  it('人保 books premium (accrual), is refused a forbidden expense (FEE-3), books an allowed one and sees the balance move', async () => {
    // 266,700.00 元 of premium: 106,000.00 fits (else the whole premium would be booked).
    expect(premiumFen).toBeGreaterThanOrEqual(10_600_000);
    await withConsole(
      async ({ page, screenshot }) => {
        await signIn(page, 'picc-admin', DEMO_PASSWORD);
        await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
        await menu(page).getByRole('link', { name: '预防费用' }).click();
        await page.getByRole('heading', { level: 1, name: '事故预防费用' }).waitFor();
        await page.getByText(`${year} 年尚无台账记录`).waitFor();
        await page.getByTestId('fee-status').getByText('尚无保费收入').waitFor();

        // FEE-1: premium received → 15% of it ex-tax accrued.
        await page.getByRole('button', { name: '登记保费收入' }).click();
        const receipt = page.getByRole('dialog', { name: '登记保费收入' });
        await choose(page, receipt.getByLabel('保单'), `${policyNumber} · ${XINDA.name}`);
        await receipt.getByTestId('receipt-outstanding').getByText('266,700.00 元').first().waitFor();
        await receipt.getByLabel('实收保费（含税）').fill('106000');
        expect(await unlabelledFields(page)).toEqual([]);
        await settled(page);
        await screenshot('fees-1-receipt-form');
        await receipt.getByRole('button', { name: '登记并计提' }).click();
        await receipt.waitFor({ state: 'hidden' });
        const booked = page.getByTestId('fee-booked');
        await booked.getByText('台账第 1 号，计提 15%').waitFor();
        expect(await booked.textContent()).toContain('计提预防费 15,000.00 元');
        await page.getByTestId('fee-premium').getByText('100,000.00 元').waitFor();
        await page.getByTestId('fee-accrued').getByText('15,000.00 元').waitFor();
        await page.getByTestId('fee-balance').getByText('15,000.00 元').waitFor();
        await page.getByTestId('fee-status').getByText('低于 15% 下限').waitFor();
        await page.getByTestId('balance-1').getByText('15,000.00 元').waitFor();
        expect(await page.getByRole('img', { name: /预防费用支出占实收保费/ }).count()).toBe(1);
        await settled(page);
        await screenshot('fees-2-accrued');

        // FEE-3: internal management costs are refused, at the category field.
        await page.getByRole('button', { name: '登记费用支出' }).click();
        const expense = page.getByRole('dialog', { name: '登记费用支出' });
        await choose(page, expense.getByLabel('费用类别'), '内部管理费用');
        await expense.getByLabel('支出金额').fill('3000');
        await expense.getByLabel('用途说明').fill('分公司办公用品');
        await expense.getByLabel('服务编号').fill('svc-e2e-1');
        const [refused] = await Promise.all([
          page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/fees/expenses'),
          expense.getByRole('button', { name: '登记支出' }).click(),
        ]);
        expect(refused.status()).toBe(400);
        const categoryHelp = page.locator('#book-expense_category_help');
        await expect.poll(() => categoryHelp.textContent()).toContain('（FEE-3）');
        expect(await categoryHelp.textContent()).toContain('不得列支保险机构内部管理费用');
        expect(await unlabelledFields(page)).toEqual([]);
        await settled(page);
        await screenshot('fees-3-expense-fee3');

        // An allowed expense: the balance moves from 15,000.00 to 12,000.00.
        await choose(page, expense.getByLabel('费用类别'), '培训及资料');
        await expense.getByLabel('用途说明').fill('安全生产培训教材印制');
        await expense.getByRole('button', { name: '登记支出' }).click();
        await expense.waitFor({ state: 'hidden' });
        await page.getByTestId('fee-booked').getByText('台账第 2 号').waitFor();
        await page.getByTestId('fee-spent').getByText('3,000.00 元').waitFor();
        await page.getByTestId('fee-balance').getByText('12,000.00 元').waitFor();
        await page.getByTestId('balance-2').getByText('12,000.00 元').waitFor();
        expect(await page.getByTestId('balance-1').textContent()).toBe('15,000.00 元');
        const rows = page.locator('table[aria-label="预防费用台账"] tbody tr.ant-table-row');
        expect(await rows.count()).toBe(2);
        expect(await rows.nth(1).textContent()).toContain('-3,000.00 元');
        expect(await rows.nth(1).textContent()).toContain('培训及资料');

        // 对账: the counters agree with the entries.
        await page.getByRole('button', { name: '对账' }).click();
        await page.getByTestId('fee-check').getByText('对账一致：汇总数与 2 条台账记录逐项相符').waitFor();
        expect(page.url()).toContain(`/insurer/fees`);
        await settled(page);
        await screenshot('fees-4-expense-booked');

        // RPT-1 (issue 18): the 期间 picker narrows the summary to a half — today's holds both entries, the other none.
        const [thisHalf, otherHalf] = Number(today.slice(5, 7)) <= 6 ? (['上半年', '下半年'] as const) : (['下半年', '上半年'] as const);
        await choose(page, page.getByLabel('期间'), otherHalf);
        await page.getByText(`${year} 年${otherHalf}汇总`).waitFor();
        await page.getByTestId('fee-accrued').getByText('0.00 元').waitFor();
        await choose(page, page.getByLabel('期间'), thisHalf);
        await page.getByText(`${year} 年${thisHalf}汇总`).waitFor();
        await page.getByTestId('fee-accrued').getByText('15,000.00 元').waitFor();
        await page.getByTestId('fee-spent').getByText('3,000.00 元').waitFor();
        expect(page.url()).toContain(`half=${thisHalf === '上半年' ? 'H1' : 'H2'}`);
      },
      { expectedHttpErrors: [{ status: 400, path: '/api/v1/fees/expenses' }] },
    );
  });
});
