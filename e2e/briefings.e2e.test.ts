import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TBriefingList, TBriefingMembers } from '#contracts/grassroots/briefing.schemas.ts';
import { periodBounds, periodEndMonth } from '#contracts/grassroots/briefings.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const STORY_MS = 300_000;
const PAGE_MS = 60_000;
/** Screenshots of the page at both widths go here (looked at by hand). */
const SHOTS = process.env.GRASSROOTS_SHOTS ?? '/tmp';

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

interface Trend {
  points: Array<{ period: string; numerator: number | null; denominator: number | null; value: number | null }>;
}

describe('Briefings of blocs and teams (issue 14 item 2)', () => {
  it(
    'a commune cadre on a 360 px phone records the bloc’s briefing with attendance; missed months show as missed; the commune’s share of bodies holding their briefing moves',
    async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_MS);
      await signIn(page, baseUrl, 'xa.ta-rut', PASSWORD);
      const me = await api<{ unitId: number }>(page, '/api/auth/me');
      const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));

      const list = await api<TBriefingList>(page, '/api/grassroots/briefings');
      const bloc = list.bodies.find((b) => b.type === 'commune_bloc' && b.unitId === me.unitId);
      expect(bloc, 'the commune has its Khối dân vận').toBeDefined();
      if (!bloc) return;
      // the demo's blocs meet at the end of the month: this month is still open (on a server where this test ran
      // before, the newest period not recorded yet: a missed one)
      const target = [...bloc.periods].reverse().find((p) => p.briefingId === null) as (typeof bloc.periods)[number];
      expect(target).toBeDefined();
      const month = target.period;
      const label = `Tháng ${month.slice(5)}/${month.slice(0, 4)}`;
      const heldOn = month === today.slice(0, 7) ? today : periodBounds(month).end;
      const missed = list.bodies.flatMap((b) => b.periods.filter((p) => p.status === 'missed').map((p) => ({ body: b, period: p })));
      expect(missed.length, 'some bloc or team of the commune missed a briefing in the last 12 months').toBeGreaterThan(0);
      const members = (await api<TBriefingMembers>(page, `/api/grassroots/briefing-bodies/${bloc.organizationId}/members?asOf=${heldOn}`)).members;
      expect(members.length).toBeGreaterThan(2);
      const present = members.slice(0, 3);

      // the commune's share of blocs and teams holding their briefing this month (indicator over the derived values)
      const indicators = await api<Array<{ id: number; code: string }>>(page, '/api/indicators/indicators');
      const share = indicators.find((i) => i.code === 'GB_TL_GIAO_BAN_DUNG_KY');
      expect(share).toBeDefined();
      const period = month.replace('-', '');
      const trend = () => api<Trend>(page, `/api/indicators/dashboard/trend?indicatorId=${share?.id}&unitId=${me.unitId}&from=${period}&to=${period}`);
      // the month's figures as the list shows them: bodies with a period ending in the month (monthly, or a quarter ending), those held
      const cells = list.bodies.flatMap((b) => b.periods.filter((p) => periodEndMonth(p.period) === month));
      const dueNow = cells;
      const heldNow = cells.filter((p) => p.status === 'held').length;

      await page.goto(`${baseUrl}/grassroots/briefings`);
      await page.getByRole('heading', { level: 1, name: 'Giao ban Khối dân vận, Tổ dân vận' }).waitFor();
      // a missed month shows as missed
      const first = missed[0] as (typeof missed)[number];
      const missedList = page.getByRole('list', { name: first.body.name, exact: true });
      const missedLabel = `Tháng ${first.period.period.slice(5)}/${first.period.period.slice(0, 4)}`;
      await expect.poll(async () => (await missedList.getByRole('listitem').filter({ hasText: new RegExp(`^${first.period.period.slice(5)}/${first.period.period.slice(0, 4)}`) }).first().innerText()).replace(/\s+/g, ' ')).toContain('Bỏ lỡ');
      await expect.poll(async () => missedList.getByText(new RegExp(`^${missedLabel}: bỏ lỡ`)).count()).toBeGreaterThan(0);

      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: bloc.name, exact: true }) });
      await card.getByRole('button', { name: 'Ghi giao ban' }).click();
      const form = page.getByRole('form', { name: `Ghi giao ban: ${bloc.name}` });
      await form.waitFor();
      await expect.poll(async () => form.getByLabel('Kỳ giao ban').inputValue()).toBe(month);
      await expect.poll(async () => form.getByRole('radio', { name: 'Đã tổ chức' }).isChecked()).toBe(true);
      for (const member of present) await form.getByRole('checkbox', { name: member.personName }).check();
      await form.getByText(`Có mặt ${present.length}/${members.length} thành viên`).waitFor();
      await form.getByLabel('Vấn đề được nêu').fill('Bà con đề nghị sớm làm cầu tràn qua suối trước mùa mưa.');
      await form.getByRole('checkbox', { name: 'Đất đai' }).check();
      await page.screenshot({ path: join(SHOTS, 'briefings-form-360.png'), fullPage: true });
      await form.getByRole('button', { name: 'Lưu giao ban' }).click();
      await page.getByText(`Đã lưu giao ban ${label} trên máy này.`).waitFor();
      await page.getByText('Đã gửi lên máy chủ').waitFor();

      // the bloc's month is held, with its attendance
      const blocList = page.getByRole('list', { name: bloc.name, exact: true });
      await expect.poll(async () => blocList.getByText(`${label}: đã giao ban ngày`, { exact: false }).count(), { timeout: PAGE_MS }).toBe(1);
      await expect.poll(async () => (await blocList.getByRole('listitem').filter({ hasText: new RegExp(`^${month.slice(5)}/${month.slice(0, 4)}`) }).innerText()).replace(/\s+/g, ' ')).toContain(`✓ ${present.length}/${members.length}`);
      const after = await api<TBriefingList>(page, '/api/grassroots/briefings');
      const held = after.bodies.find((b) => b.organizationId === bloc.organizationId)?.periods.find((p) => p.period === month);
      expect(held).toMatchObject({ period: month, status: 'held', heldOn, attended: present.length, members: members.length });

      // the derived figures of the commune's month moved by exactly this briefing
      const expected = { numerator: heldNow + 1, denominator: dueNow.length, value: Math.round(((heldNow + 1) * 1000) / dueNow.length) / 10 };
      await expect.poll(async () => {
        const point = (await trend()).points[0];
        return { numerator: point?.numerator, denominator: point?.denominator, value: point?.value };
      }, { timeout: PAGE_MS }).toEqual(expected);
      expect(expected.value).toBeGreaterThan(Math.round((heldNow * 1000) / dueNow.length) / 10);

      await page.screenshot({ path: join(SHOTS, 'briefings-360.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SHOTS, 'briefings-1280.png'), fullPage: true });
      await context.close();
    },
    STORY_MS,
  );
});
