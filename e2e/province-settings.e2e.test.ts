import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

// Issue 9 item 10: what the 2025 reorganisation left open is the province's setting, changed with a reason.

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
});

describe('Cài đặt của tỉnh', () => {
  it("the province's administrator sets who leads the commune's Khối dân vận, with a reason; a commune reads it", async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('heading', { name: 'Cài đặt của tỉnh', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Trưởng Khối dân vận xã' });
    expect(await form.getByLabel('Giá trị').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(
      'Phó Bí thư Thường trực Đảng ủy',
    );
    await form.getByLabel('Giá trị').selectOption({ label: 'Chủ tịch Ủy ban MTTQ Việt Nam xã' });
    await form.getByLabel('Lý do (văn bản, quyết định của tỉnh)').fill('Theo Kết luận của Ban Thường vụ Tỉnh ủy');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Đã lưu cài đặt.').waitFor();
    expect(await page.getByText(/Đặt bởi .* Theo Kết luận của Ban Thường vụ Tỉnh ủy/).count()).toBe(1);
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const commune = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await commune.newPage();
    await signIn(other, baseUrl, 'xa.ta-rut', PASSWORD);
    await other.goto(`${baseUrl}/admin/settings`);
    await other.getByText('Chỉ quản trị viên của tỉnh được thay đổi các cài đặt này.').waitFor();
    expect(await other.getByText(/Theo Kết luận của Ban Thường vụ Tỉnh ủy/).count()).toBe(1);
    expect(await other.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
  });
});
