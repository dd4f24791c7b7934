import type { Locator, Page } from 'playwright-core';
import { filedOnFor, filingBody } from '../../support/underwriting-fixtures.js';
export { uploadQualificationDocument } from '../../support/underwriting-fixtures.js';

/** What the underwriting and fee browser tests share: console navigation helpers and a complete filing. */

export const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
export const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);

/** Picks a select's option and waits for the dropdown to be gone (no half-faded list in a screenshot). */
export async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  // A locator, not waitForFunction: its predicate is compiled in the page, which the console's CSP forbids (no eval).
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first();
  // A list that refetches while it is open (its query refreshing on a loaded machine) re-renders its options, and a
  // click landing during that re-render is lost: the list stays open with nothing chosen. A person clicks again.
  for (let attempt = 1; ; attempt += 1) {
    await option(page, title).click();
    try {
      await open.waitFor({ state: 'detached', timeout: attempt < 3 ? 3_000 : 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3 || !(await option(page, title).isVisible())) throw error;
    }
  }
}

/**
 * Types a date (`YYYY-MM-DD`) or a Xinzhou wall-clock time (`YYYY-MM-DDTHH:mm`, typed `YYYY-MM-DD HH:mm` as a user
 * would) into the console's antd picker and takes it with Enter (issue 15: no native date inputs left).
 */
export async function typeDate(field: Locator, value: string): Promise<void> {
  await field.fill(value.replace('T', ' '));
  await field.press('Enter');
}

/** From the top of the page, lets antd's motions (field messages, spinners fading, toasts) finish, 700 ms at most. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(`window.scrollTo(0, 0)`);
  await page.evaluate(`Promise.race([
    new Promise((resolve) => setTimeout(resolve, 700)),
    Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
  ])`);
}

/**
 * A complete filing for this year (QUAL-1..6) — the shared test filing, as 人保's branch sends it, citing
 * `evidence` uploaded to the archive (QUAL-4). It carries no
 * filing day: the platform stamps it, and {@link paperFiling} is where the city EMB records an earlier one.
 */
export function filing(year: number, today: string, evidence: readonly { archiveId: string; sha256: string; name: string }[]) {
  const filedOn = filedOnFor(year, today);
  const body = filingBody(year, {
    branch: { name: '中国人民财产保险股份有限公司忻州市分公司', cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
    commitmentLetter: { signedBy: '分公司总经理', signedOn: filedOn },
  });
  // QUAL-4: the evidence documents are files uploaded to the archive (uploadQualificationDocument).
  return { ...body, prevention: { ...body.prevention, evidence } };
}

/** QUAL-6: the city EMB's route recording that `tenantId`'s materials reached it on paper, and its body. */
export function paperFiling(tenantId: string, year: number, today: string) {
  return { path: `/regulator/qualifications/${tenantId}/${year}/paper-filing`, body: { filedOn: filedOnFor(year, today), note: '纸质材料收文登记' } };
}
