import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCadre, TFieldDays } from '#contracts/grassroots/visit.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const STORY_MS = 300_000;
const PAGE_MS = 60_000;
/** Screenshots of every page at both widths go here (looked at by hand). */
const SHOTS = process.env.GRASSROOTS_SHOTS ?? '/tmp';
const I7_TYPES = ['mobilization_commission', 'fatherland_front', 'trade_union', 'womens_union', 'youth_union', 'farmers_union', 'veterans_association'];

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const vnNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

describe('Field visits (issue 14)', () => {
  it(
    'a commune cadre on a 360 px phone logs a visit with the network cut; it arrives once when the network returns; the commune’s i7 figure moves by exactly that visit',
    async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_MS);
      await signIn(page, baseUrl, 'xa.ta-rut', PASSWORD);
      const me = await api<{ unitId: number }>(page, '/api/auth/me');
      const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
      const month = today.slice(0, 7);
      const before = await api<TFieldDays>(page, `/api/grassroots/field-days?month=${month}`);
      const commune = before.units.find((u) => u.unitId === me.unitId);
      expect(commune?.cadres).toBeGreaterThan(0);
      // a cadre of the commune's Front or mass organisations, the one nearest below 3 days (else the fewest days)
      const cadres = (await api<TCadre[]>(page, '/api/grassroots/cadres')).filter((c) => I7_TYPES.includes(c.organizationType) && c.unitId === me.unitId);
      const days = new Map(before.cadres.filter((c) => c.unitId === me.unitId).map((c) => [c.personId, c.days]));
      const ranked = [...cadres].sort((a, b) => {
        const da = days.get(a.personId) ?? 0;
        const db = days.get(b.personId) ?? 0;
        const wa = da >= 2 && da < 3 ? 0 : 1;
        const wb = db >= 2 && db < 3 ? 0 : 1;
        return wa - wb || da - db;
      });
      const cadre = ranked[0] as TCadre;
      const had = days.get(cadre.personId) ?? 0;
      const crosses = had < 3 && had + 1 >= 3;
      const meeting = (commune?.meeting ?? 0) + (crosses ? 1 : 0);
      const cadresCount = commune?.cadres ?? 0;
      const share = Math.round((meeting * 1000) / cadresCount) / 10;

      await page.goto(`${baseUrl}/grassroots/log`);
      await page.getByRole('heading', { level: 1, name: 'Ghi chuyến đi cơ sở' }).waitFor();
      await page.getByLabel('Người đi cơ sở').locator('option').nth(1).waitFor({ state: 'attached' });
      await page.getByLabel('Mục đích').locator('option').nth(1).waitFor({ state: 'attached' });
      await context.setOffline(true);
      await page.getByLabel('Người đi cơ sở').selectOption({ label: `${cadre.personName} — ${cadre.title}, ${cadre.organizationName}` });
      const village = page.getByLabel('Thôn, tổ dân phố đến');
      await village.selectOption({ index: 1 });
      await page.getByLabel('Mục đích').selectOption({ label: 'Nắm tình hình' });
      await page.getByLabel('Đã gặp ai').fill('Trưởng thôn và Chi hội Phụ nữ');
      await page.getByLabel(/Nắm được gì/).fill('Bà con đề nghị sửa cầu tràn trước mùa mưa.');
      await page.getByLabel('Hạ tầng').check();
      await page.getByText('Số ngày đi cơ sở: 1').waitFor();
      await page.screenshot({ path: join(SHOTS, 'grassroots-log-360.png'), fullPage: true });
      await page.getByRole('button', { name: 'Lưu chuyến đi' }).click();
      await page.getByText('Đã lưu 1 chuyến đi trên máy này.').waitFor();
      await page.getByText(/Đã lưu trên máy, chờ gửi: 1/).waitFor();
      await page.screenshot({ path: join(SHOTS, 'grassroots-log-offline-360.png'), fullPage: true });
      await context.setOffline(false);
      await page.getByText('Đã gửi lên máy chủ').waitFor();

      // stored once
      const visits = await api<{ items: Array<{ personId: number; from: string; heard: string | null }> }>(page, `/api/grassroots/visits?personId=${cadre.personId}&from=${today}&to=${today}`);
      expect(visits.items.filter((v) => v.heard === 'Bà con đề nghị sửa cầu tràn trước mùa mưa.')).toHaveLength(1);

      // the commune's figure of the month, on the page, moved by exactly this visit
      await page.goto(`${baseUrl}/grassroots/field-days`);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: commune?.unitName as string, exact: true }) });
      await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' '), { timeout: PAGE_MS }).toContain(`${vnNumber(share)}%`);
      const after = await api<TFieldDays>(page, `/api/grassroots/field-days?month=${month}`);
      const moved = after.units.find((u) => u.unitId === me.unitId);
      expect(moved).toMatchObject({ cadres: cadresCount, meeting, share });
      expect(moved?.fieldDays).toBeCloseTo((commune?.fieldDays ?? 0) + 1, 5);
      await page.screenshot({ path: join(SHOTS, 'grassroots-figures-360.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SHOTS, 'grassroots-figures-1280.png'), fullPage: true });
      await page.goto(`${baseUrl}/grassroots`);
      await page.getByRole('heading', { level: 1, name: 'Đi cơ sở' }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'grassroots-visits-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: join(SHOTS, 'grassroots-visits-360.png'), fullPage: true });
      await context.close();
    },
    STORY_MS,
  );
});
