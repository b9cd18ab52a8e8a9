import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCadre, TFieldDays } from '#contracts/grassroots/visit.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const STORY_MS = 300_000;
const PAGE_MS = 60_000;
/** Screenshots go here (looked at by hand). */
const SHOTS = process.env.OFFLINE_SHOTS ?? '/tmp';
const I7_TYPES = ['mobilization_commission', 'fatherland_front', 'trade_union', 'womens_union', 'youth_union', 'farmers_union', 'veterans_association'];

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const vnNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** The page is controlled by the service worker, which has cached the shell and the offline forms. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // the worker claims the page (controllerchange); polled, since the event may have fired before a listener could
    // be added, which left this waiting for ever. A page never claimed fails the cache assertions that follow.
    for (let i = 0; i < 200 && !navigator.serviceWorker.controller; i++) await new Promise((done) => setTimeout(done, 50));
  });
}

/** Paths (with their query) of the API answers in the service worker's caches. */
function cachedApi(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return urls.filter((url) => url.startsWith('/api/')).sort();
  });
}

describe('Offline on a phone (issue 14, item 5)', () => {
  it(
    'a commune cadre at 360 px opens the app online once; with the network cut both forms open and reload from the cache, a visit and a sentiment report are saved; back online both arrive once and the province sees the commune’s i7 figure move',
    async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const phone = await context.newPage();
      phone.setDefaultTimeout(PAGE_MS);
      await signIn(phone, baseUrl, 'xa.ta-rut', PASSWORD);
      const me = await api<{ unitId: number }>(phone, '/api/auth/me');
      const today = await phone.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
      const month = today.slice(0, 7);
      const before = await api<TFieldDays>(phone, `/api/grassroots/field-days?month=${month}`);
      const commune = before.units.find((u) => u.unitId === me.unitId);
      expect(commune?.cadres).toBeGreaterThan(0);
      // a cadre of the Front or a mass organisation of the commune, the one nearest below 3 days (else the fewest)
      const cadres = (await api<TCadre[]>(phone, '/api/grassroots/cadres')).filter((c) => I7_TYPES.includes(c.organizationType) && c.unitId === me.unitId);
      const days = new Map(before.cadres.filter((c) => c.unitId === me.unitId).map((c) => [c.personId, c.days]));
      const ranked = [...cadres].sort((a, b) => {
        const da = days.get(a.personId) ?? 0;
        const db = days.get(b.personId) ?? 0;
        return (da >= 2 && da < 3 ? 0 : 1) - (db >= 2 && db < 3 ? 0 : 1) || da - db;
      });
      const cadre = ranked[0] as TCadre;
      const had = days.get(cadre.personId) ?? 0;
      const meeting = (commune?.meeting ?? 0) + (had < 3 && had + 1 >= 3 ? 1 : 0);
      const share = Math.round((meeting * 1000) / (commune?.cadres ?? 1)) / 10;
      const heard = `Bà con thôn đề nghị làm lại đường tràn (${Date.now()}).`;
      const reportText = `Nhân dân băn khoăn về giá đền bù đất làm đường (${Date.now()}).`;
      const reports = async () => (await api<{ total: number }>(phone, `/api/sentiment/reports?topic=land&from=${today}&to=${today}&limit=200`)).total;
      const reportsBefore = await reports();
      const visitsOf = async () =>
        (await api<{ items: { heard: string | null }[] }>(phone, `/api/grassroots/visits?personId=${cadre.personId}&from=${today}&to=${today}`)).items.filter(
          (v) => v.heard === heard,
        ).length;

      // one visit online (the home page only): the service worker takes the page, caches the shell and the offline
      // forms' code, and fetches once what the forms read
      await phone.goto(`${baseUrl}/`);
      await serviceWorkerReady(phone);
      await expect.poll(() => cachedApi(phone), { timeout: PAGE_MS }).toEqual(
        expect.arrayContaining(['/api/auth/me', '/api/grassroots/cadres', '/api/grassroots/places', '/api/grassroots/purposes', '/api/sentiment/topics', `/api/sentiment/teams?unitId=${me.unitId}`, `/api/units/${me.unitId}`, `/api/units?parentId=${me.unitId}`]),
      );

      // the network is cut; the cadre opens the visit form (never opened online) and reloads it: it is still there, with its pickers
      await context.setOffline(true);
      await phone.goto(`${baseUrl}/grassroots/log`);
      await phone.getByLabel('Người đi cơ sở').locator('option').nth(1).waitFor({ state: 'attached' });
      await phone.reload();
      await phone.getByRole('heading', { level: 1, name: 'Ghi chuyến đi cơ sở' }).waitFor();
      await phone.getByLabel('Người đi cơ sở').locator('option').nth(1).waitFor({ state: 'attached' });
      await phone.getByLabel('Người đi cơ sở').selectOption({ label: `${cadre.personName} — ${cadre.title}, ${cadre.organizationName}` });
      await phone.getByLabel('Thôn, tổ dân phố đến').selectOption({ index: 1 });
      await phone.getByLabel('Mục đích').selectOption({ label: 'Nắm tình hình' });
      await phone.getByLabel('Đã gặp ai').fill('Trưởng thôn, Chi hội trưởng Hội Nông dân');
      await phone.getByLabel(/Nắm được gì/).fill(heard);
      await phone.getByText('Số ngày đi cơ sở: 1').waitFor();
      await phone.getByRole('button', { name: 'Lưu chuyến đi' }).click();
      await phone.getByText('Đã lưu 1 chuyến đi trên máy này.').waitFor();
      await phone.getByText(/Đã lưu trên máy, chờ gửi: 1/).waitFor();
      await phone.screenshot({ path: join(SHOTS, 'offline-visit-360.png'), fullPage: true });

      // still offline: the report form, reloaded too, from the cache
      await phone.goto(`${baseUrl}/tinh-hinh-nhan-dan?tab=report`);
      await phone.getByRole('heading', { level: 1, name: 'Tình hình nhân dân, dư luận xã hội' }).waitFor();
      await phone.getByLabel('Địa bàn').selectOption({ label: 'Xã Tà Rụt' });
      // the commune's Khối dân vận sends it (the picker's teams come from the cache too)
      const team = phone.getByLabel('Tổ dân vận, Khối dân vận báo cáo');
      await team.locator('option').nth(1).waitFor({ state: 'attached' });
      const teamName = (await team.locator('option').nth(1).innerText()).trim();
      await team.selectOption({ index: 1 });
      await phone.getByLabel('Chủ đề').selectOption({ label: 'Đất đai' });
      await phone.getByRole('group', { name: 'Mức độ' }).getByLabel('Thấp', { exact: true }).check();
      await phone.getByLabel('Số người liên quan').fill('12');
      await phone.getByLabel('Nội dung tình hình').fill(reportText);
      await phone.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await phone.getByText(/Đã lưu báo cáo trên máy/).waitFor();
      // both wait on the phone, across the reload
      await phone.getByText(/Đã lưu trên máy, chờ gửi: 2/).waitFor();
      await phone.screenshot({ path: join(SHOTS, 'offline-report-360.png'), fullPage: true });
      // nothing reached the server while the phone was offline (these reads go from the test, not the phone)
      expect([await visitsOf(), await reports()]).toEqual([0, reportsBefore]);

      // the network returns: both arrive, once
      await context.setOffline(false);
      await phone.getByText('Đã gửi lên máy chủ').waitFor();
      await expect.poll(visitsOf, { timeout: PAGE_MS }).toBe(1);
      await expect.poll(reports, { timeout: PAGE_MS }).toBe(reportsBefore + 1);
      await phone.waitForTimeout(1500);
      expect([await visitsOf(), await reports()]).toEqual([1, reportsBefore + 1]);
      const found = await api<{ items: { text: string | null; peopleCount: number; organizationName: string | null }[] }>(
        phone,
        `/api/sentiment/reports?topic=land&from=${today}&to=${today}&limit=200`,
      );
      expect(found.items.filter((r) => r.text === reportText).map((r) => [r.peopleCount, r.organizationName])).toEqual([[12, teamName]]);
      expect(teamName).toMatch(/^Khối dân vận/);
      await context.close();

      // the level above (the province) sees the commune's i7 figure moved by exactly that visit
      const provinceContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const province = await provinceContext.newPage();
      province.setDefaultTimeout(PAGE_MS);
      await signIn(province, baseUrl, 'tinh.qt', PASSWORD);
      await province.goto(`${baseUrl}/grassroots/field-days`);
      const row = province.getByRole('row').filter({ has: province.getByRole('rowheader', { name: commune?.unitName as string, exact: true }) });
      await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' '), { timeout: PAGE_MS }).toContain(`${vnNumber(share)}%`);
      const after = await api<TFieldDays>(province, `/api/grassroots/field-days?month=${month}`);
      const moved = after.units.find((u) => u.unitId === me.unitId);
      expect(moved).toMatchObject({ cadres: commune?.cadres, meeting, share });
      expect(moved?.fieldDays).toBeCloseTo((commune?.fieldDays ?? 0) + 1, 5);
      await province.screenshot({ path: join(SHOTS, 'offline-province-figures-1280.png'), fullPage: true });
      await provinceContext.close();
    },
    STORY_MS,
  );

  it(
    'a logout leaves no API answer in the service worker’s cache for the next user of a shared computer',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_MS);
      await signIn(page, baseUrl, 'xa.ta-rut', PASSWORD);
      await page.goto(`${baseUrl}/grassroots/log`);
      await page.getByLabel('Người đi cơ sở').locator('option').nth(1).waitFor({ state: 'attached' });
      await serviceWorkerReady(page);
      await page.reload();
      await page.getByLabel('Người đi cơ sở').locator('option').nth(1).waitFor({ state: 'attached' });
      expect(await cachedApi(page)).toEqual(expect.arrayContaining(['/api/auth/me', '/api/grassroots/cadres', '/api/grassroots/purposes']));
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByLabel('Tên đăng nhập').waitFor();
      await expect.poll(() => cachedApi(page)).toEqual([]);
      await context.close();
    },
    STORY_MS,
  );
});
