import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCoverage, TDuePerson } from '#contracts/training/api.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const PAGE_MS = 60_000;
/** Screenshots of the pages at both widths go here (looked at by hand). */
const SHOTS = process.env.TRAINING_SHOTS ?? '/tmp';

/** What the API answers the signed-in page (the figures the screen must show, read independently of it). */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

describe('training coverage', () => {
  for (const width of [360, 1280]) {
    it(
      `the province opens coverage of party-cell secretaries who are village heads and gets the list of those not yet trained (${width} px)`,
      async () => {
        const context = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 900 } });
        const page = await context.newPage();
        await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
        await page.getByRole('navigation').getByRole('link', { name: 'Tập huấn', exact: true }).first().click({ timeout: PAGE_MS }).catch(async () => {
          // on a phone the menu may be folded: go by address
          await page.goto(`${baseUrl}/training`);
        });
        await page.getByRole('heading', { name: 'Tập huấn, bồi dưỡng', level: 1 }).waitFor({ timeout: PAGE_MS });
        // the demo's courses: two years of them, the province's yearly course and the sessions of the 2025 term
        await expect.poll(() => page.getByRole('link', { name: /^Lớp bồi dưỡng bí thư chi bộ kiêm trưởng thôn/ }).count(), { timeout: PAGE_MS }).toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}/training-courses-${width}.png`, fullPage: true });

        await page.getByRole('link', { name: 'Tỷ lệ đã tập huấn' }).click();
        await page.getByRole('heading', { name: 'Tỷ lệ cán bộ đã được tập huấn', level: 1 }).waitFor({ timeout: PAGE_MS });
        expect(await page.getByLabel('Chức danh').inputValue()).toBe('cell_secretary_village_head');
        expect(await page.getByLabel('Thời hạn').inputValue()).toBe('term');
        await page.getByRole('button', { name: 'Xem' }).click();

        const me = await api<{ unitId: number }>(page, '/api/auth/me');
        const query = `unitId=${me.unitId}&group=cell_secretary_village_head`;
        const coverage = await api<TCoverage>(page, `/api/training/coverage?${query}`);
        const due = await api<{ total: number; people: TDuePerson[] }>(page, `/api/training/due?${query}`);
        // the demo: some trained, some not, and communes that differ
        expect(coverage.holders).toBeGreaterThan(50);
        expect(coverage.trained).toBeGreaterThan(0);
        expect(coverage.trained).toBeLessThan(coverage.holders);
        expect(new Set(coverage.rows.map((r) => (r.holders === 0 ? -1 : Math.round((100 * r.trained) / r.holders)))).size).toBeGreaterThan(3);
        expect(due.total).toBe(coverage.holders - coverage.trained);

        const status = page.getByRole('status').filter({ hasText: 'người đã được tập huấn' });
        await expect.poll(() => status.textContent(), { timeout: PAGE_MS }).toContain(`${coverage.trained.toLocaleString('vi-VN')}/${coverage.holders.toLocaleString('vi-VN')} người đã được tập huấn`);
        expect(await status.textContent()).toContain('chỉ tiêu 100%');
        const list = page.getByRole('table', { name: `Danh sách chưa được tập huấn (${due.total.toLocaleString('vi-VN')})` });
        await list.waitFor({ timeout: PAGE_MS });
        const names = await list.locator('tbody tr td:first-child').allTextContents();
        expect(names).toEqual(due.people.map((p) => p.fullName));
        expect(names.length).toBe(Math.min(due.total, 1000));
        // the commune rows add up to the total
        const rows = page.getByRole('table').first().locator('tbody tr');
        expect(await rows.count()).toBe(coverage.rows.length);
        // the list as Excel
        const exportLink = page.getByRole('link', { name: 'Xuất Excel' });
        expect(await exportLink.getAttribute('href')).toContain('/api/training/due.xlsx?');
        const xlsx = await page.request.get(`${baseUrl}${await exportLink.getAttribute('href')}`);
        expect(xlsx.status()).toBe(200);
        expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/training-coverage-${width}.png`, fullPage: false });
        await context.close();
      },
      300_000,
    );
  }
});
