import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser.ts';

const PASSWORD = 'DanVanSo2025';
const baseUrl = inject('e2eBaseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('B6 jobs in the import panel', () => {
  it('B6 jobs: a confirmed import runs as a job whose progress or outcome the panel shows again after a reload', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'xa.hai-phu', PASSWORD);
    await page.goto(`${baseUrl}/units?asOf=2025-06-30`);
    await page.getByLabel('Tìm đơn vị').fill('hai phu');
    await page.getByRole('link', { name: 'Xã Hải Phú' }).first().click();
    await page.getByRole('heading', { name: 'Xã Hải Phú', level: 1 }).waitFor();
    const url = page.url();
    const suffix = Date.now().toString(36);
    const rows = Array.from({ length: 3 }, (_, i) => `Job ${suffix} ${i + 1},thôn`).join('\n');
    await page.getByLabel('Chọn tệp (.xlsx, .csv)').setInputFiles({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(`Tên,Loại\n${rows}\n`) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('button', { name: 'Xác nhận nhập 3 dòng' }).click();
    await expect.poll(() => page.getByText(/Đã xử lý \d+\/3 dòng|Đã nhập 3 dòng\./).count()).toBe(1);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Xã Hải Phú', level: 1 }).waitFor();
    // the panel asks the server for the job it started on this commune, so the outcome is still there
    await expect.poll(() => page.getByText('Đã nhập 3 dòng.').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: `Thôn Job ${suffix} 1` }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
