import { describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();


describe('B6 jobs in the import panel', () => {
  it('B6 jobs: a confirmed import runs as a job whose progress or outcome the panel shows again after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await openUnit(page, '2026-01-15', 'hai lang', 'Xã Hải Lăng');
    const url = page.url();
    const suffix = Date.now().toString(36);
    const rows = Array.from({ length: 3 }, (_, i) => `Job ${suffix} ${i + 1},thôn`).join('\n');
    await page.getByLabel('Chọn tệp (.xlsx, .csv)').setInputFiles({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(`Tên,Loại\n${rows}\n`) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('button', { name: 'Xác nhận nhập 3 dòng' }).click();
    await expect.poll(() => page.getByText(/Đã xử lý \d+\/3 dòng|Đã nhập 3 dòng\./).count()).toBe(1);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Xã Hải Lăng', level: 1 }).waitFor();
    // the panel asks the server for the job it started on this commune, so the outcome is still there
    await expect.poll(() => page.getByText('Đã nhập 3 dòng.').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: `Thôn Job ${suffix} 1` }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
