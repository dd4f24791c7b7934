import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/messages.zh-CN';

describe("the enterprise's services table (issue 15 copy bug)", () => {
  it("heads the insurer column 保险机构 (the insurer serving it), not a complaint's 被投诉保险机构", () => {
    const page = readFileSync(new URL('./MyServicesPage.tsx', import.meta.url), 'utf8');
    expect(page).not.toContain("t('complaint.insurer')");
    expect(page).toContain("title: t('policy.insurer')");
    expect(zhCN['policy.insurer']).toBe('保险机构');
  });
});
