import type { Locator, Page } from 'playwright-core';
import { ANNEX_1_ITEM_CODES } from '../../../domain/underwriting/qualification.js';

/** What the underwriting and fee browser tests share: console navigation helpers and a complete filing. */

export const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
export const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);

/** Picks a select's option and waits for the dropdown to be gone (no half-faded list in a screenshot). */
export async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  await option(page, title).click();
  await page.waitForFunction(`document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0`, undefined, { polling: 'raf' });
}

/** From the top of the page, lets antd's motions (field messages, spinners fading, toasts) finish, 700 ms at most. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(`window.scrollTo(0, 0)`);
  await page.evaluate(`Promise.race([
    new Promise((resolve) => setTimeout(resolve, 700)),
    Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
  ])`);
}

/** A complete filing for this year (QUAL-1..6), as the insurer's back office would send it. */
export function filing(year: number, today: string) {
  const filedOn = today < `${year}-06-01` ? today : `${year}-06-01`;
  const doc = (name: string) => ({ archiveId: `e2e-${Buffer.from(name).toString('hex').slice(0, 20)}`, sha256: 'b'.repeat(64), name });
  return {
    branch: { name: '中国人民财产保险股份有限公司忻州市分公司', cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
    businessLicence: { number: '91140900MA0GRP0012', expiresOn: null },
    insurancePermit: { number: '000014140900', expiresOn: `${year + 1}-12-31` },
    majorViolations: [],
    solvency: { comprehensiveRatioBasisPoints: 23_560, riskRating: 'A' },
    prevention: {
      systemDocument: doc('事故预防服务制度.pdf'),
      planTemplate: doc('事故预防服务方案模板.docx'),
      riskControlTeam: [{ name: '张工', role: '风控负责人' }],
      evidence: [doc('风控团队任命文件.pdf')],
    },
    filedProduct: {
      filingNumber: 'C00000232512024050901181',
      name: '安全生产责任保险（2024版）',
      baseRatesPpm: { COAL_MINE: 3500, NON_COAL_MINE: 3000, HAZCHEM: 2500 },
      factorBounds: {
        accidentRecord: { minBasisPoints: 8_000, maxBasisPoints: 15_000 },
        standardisation: {
          GRADE_1: { minBasisPoints: 8_000, maxBasisPoints: 9_000 },
          GRADE_2: { minBasisPoints: 9_000, maxBasisPoints: 10_000 },
          GRADE_3: { minBasisPoints: 10_000, maxBasisPoints: 10_500 },
          NONE: { minBasisPoints: 10_500, maxBasisPoints: 12_000 },
        },
        penalties: { minBasisPoints: 10_000, maxBasisPoints: 13_000 },
        riskLevel: { minBasisPoints: 9_000, maxBasisPoints: 12_000 },
      },
    },
    annex1: Object.fromEntries(ANNEX_1_ITEM_CODES.map((code) => [code, [doc(`${code}.pdf`)]])),
    commitmentLetter: { signedBy: '分公司总经理', signedOn: filedOn },
    filedOn,
  };
}
