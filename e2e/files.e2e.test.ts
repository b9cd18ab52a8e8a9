import { describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

const ORGANIZATION = 'Ban Thanh tra nhân dân xã Hải Lăng';
const browser = useBrowser();


describe('B5 files on the organisation page', () => {
  it('B5 files: a clerk uploads a PDF to an organisation, sees it listed and downloads the same bytes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await openUnit(page, '2026-01-15', 'hai lang', 'Xã Hải Lăng');
    await page.getByRole('link', { name: ORGANIZATION }).click();
    await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor();
    const pdf = Buffer.from(`%PDF-1.4\n% Biên bản ${Date.now()}\n%%EOF\n`);
    const name = `Biên bản họp ${Date.now().toString(36)}.pdf`;
    await page.getByLabel('Chọn tài liệu').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await expect.poll(() => page.getByText(`Đã tải lên “${name}”.`).count()).toBe(1);
    const link = page.getByRole('link', { name });
    await expect.poll(() => link.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path).equals(pdf)).toBe(true);
    await context.close();
  });
});
