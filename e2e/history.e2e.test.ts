import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TMe } from '#contracts/auth.ts';
import type { TOrganization } from '#contracts/organizations.ts';
import type { TUnitDetail, TUnitSearchHit } from '#contracts/units.ts';
import { DEMO_ACCOUNTS } from '#server/demo/demo-accounts.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

// Issue 8, items 2 and 3: a page never says something false about a unit (an ended unit opens on its last day
// with a notice and its successor, empty states only when true), and history offers no write action.

const browser = useBrowser();
const WIDTHS = [360, 1280] as const;
/** Buttons that only show or hide what is already there: not write actions. */
const READ_ONLY_BUTTONS = new Set(['Danh mục', 'Xem thành viên', 'Ẩn thành viên']);

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

/** GET through the page's session (the oracle the page is checked against). */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const isoFromVn = (text: string) => text.split('/').reverse().join('-');
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** The date the unit or organisation page says it shows ("Theo cơ cấu ngày dd/mm/yyyy"), as yyyy-mm-dd. */
async function shownDate(page: Page): Promise<string> {
  const line = page.getByText(/^Theo cơ cấu ngày \d{2}\/\d{2}\/\d{4}$/);
  const text = (await line.textContent()) ?? '';
  return isoFromVn(text.replace('Theo cơ cấu ngày ', ''));
}

/** Names of the buttons in the page's main area that write (add, import, close, end, upload…). */
async function writeButtons(page: Page): Promise<string[]> {
  const names = await page.getByRole('main').getByRole('button').allInnerTexts();
  // the visible words only: "Xem thành viên" carries the organisation's name for screen readers
  return names.map((name) => (name.split('\n')[0] ?? '').trim()).filter((name) => !READ_ONLY_BUTTONS.has(name));
}

/** Checks a unit page against the server: the date shown, children and organisations, and the notice. */
async function checkUnitPage(page: Page, unitId: number, today: string) {
  const detail = await api<TUnitDetail>(page, `/api/units/${unitId}?asOf=${today}`);
  const { validTo, validFrom, level } = detail.unit;
  const ended = validTo !== null && validTo < today;
  const expected = ended ? (validTo as string) : validFrom !== null && validFrom > today ? validFrom : today;
  expect(await shownDate(page)).toBe(expected);

  const main = page.getByRole('main');
  const notice = main.getByRole('note').filter({ hasText: 'Đơn vị này' });
  if (ended) {
    await expect.poll(() => notice.textContent()).toContain(`Đơn vị này chỉ tồn tại đến ngày ${vnDate(validTo as string)}.`);
    expect(await notice.textContent()).toContain(`Trang cho thấy đơn vị như ngày ${vnDate(validTo as string)}, ngày cuối đơn vị còn hiệu lực.`);
    expect(await notice.textContent()).toContain('Dữ liệu lịch sử chỉ để xem');
    for (const successor of detail.successors) {
      expect(await notice.getByRole('link', { name: successor.unit.fullName }).count()).toBe(1);
    }
    expect(detail.successors.length).toBeGreaterThan(0);
    expect(await writeButtons(page)).toEqual([]);
  } else {
    expect(await notice.count()).toBe(0);
  }

  // empty states only when true on the date shown
  const shown = await api<TUnitDetail>(page, `/api/units/${unitId}?asOf=${expected}`);
  const children = main.getByRole('region', { name: 'Đơn vị trực thuộc' });
  if (level !== 'village') {
    if (shown.unit.childCount > 0) {
      await expect.poll(() => children.getByRole('listitem').count()).toBe(shown.unit.childCount);
      expect(await children.getByText('Không có đơn vị trực thuộc.').count()).toBe(0);
    } else {
      await expect.poll(() => children.getByText('Không có đơn vị trực thuộc.').count()).toBe(1);
    }
  }
  const organizations = await api<TOrganization[]>(page, `/api/organizations?unitId=${unitId}&asOf=${expected}`);
  const section = main.getByRole('region', { name: 'Tổ chức trong đơn vị' });
  if (organizations.length > 0) {
    await expect.poll(() => section.getByRole('link').count()).toBe(organizations.length);
    expect(await section.getByText('Đơn vị chưa có tổ chức nào.').count()).toBe(0);
  } else {
    await expect.poll(() => section.getByText('Đơn vị chưa có tổ chức nào.').count()).toBe(1);
  }
  return { detail, ended };
}

describe('every demo account’s home link opens its unit as it truly stands', () => {
  for (const width of WIDTHS) {
    for (const account of DEMO_ACCOUNTS) {
      it(`${account.username} at ${width} px`, async () => {
        const page = await newPage(width);
        await signIn(page, baseUrl, account.username, PASSWORD);
        const me = await api<TMe>(page, '/api/auth/me');
        const today = await page.evaluate(() => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
        if (me.unitId === null) {
          // the system administrator has no unit: the home page says so and links none
          await expect.poll(() => page.getByRole('main').textContent()).toContain('Bạn quản trị toàn hệ thống');
          return;
        }
        await page.getByRole('main').getByRole('link', { name: me.unitName ?? '', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: me.unitName ?? '' }).waitFor();
        const { ended, detail } = await checkUnitPage(page, me.unitId, today);
        // the legacy 2019 account (until the province administrator moves it: work.e2e.test.ts) is on an ended
        // unit; every other account is on a unit of today
        if (account.legacy && me.unitName === account.unitName) {
          expect(ended).toBe(true);
          expect(detail.successors.map((link) => link.unit.fullName)).toEqual(['Xã Hải Lăng']);
        } else {
          expect(ended).toBe(false);
        }
        // a commune keeper of a unit of today is offered village management (the check above can fail)
        if (!ended && detail.unit.level === 'commune' && account.roles.includes('data_entry')) {
          expect(await writeButtons(page)).toContain('Thêm thôn');
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
});

describe('history is read-only', () => {
  for (const width of WIDTHS) {
    it(`an ended commune opened without a date shows its last day, villages, organisations and successor (${width} px)`, async () => {
      const page = await newPage(width);
      await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
      const hits = await api<TUnitSearchHit[]>(page, '/api/units/search?q=hai%20phu&asOf=2025-06-30');
      const haiPhu = hits.find((hit) => hit.fullName === 'Xã Hải Phú' && hit.structure === '2019');
      expect(haiPhu).toBeDefined();
      await page.goto(`${baseUrl}/units/${haiPhu?.id}`);
      await page.getByRole('heading', { level: 1, name: 'Xã Hải Phú' }).waitFor();
      const today = await page.evaluate(() => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
      const { ended } = await checkUnitPage(page, haiPhu?.id as number, today);
      expect(ended).toBe(true);
      // its villages open on the same last day, with the same notice and no write action
      await page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('link', { name: 'Thôn Phú Hưng' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thôn Phú Hưng' }).waitFor();
      expect(await shownDate(page)).toBe('2025-06-30');
      await expect.poll(() => page.getByRole('main').getByRole('note').filter({ hasText: 'Đơn vị này' }).textContent()).toContain('Dữ liệu lịch sử chỉ để xem');
      expect(await writeButtons(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });

    it(`an organisation that continued under the successor: no "Ngày giải thể", no write action, a link onward (${width} px)`, async () => {
      const page = await newPage(width);
      await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
      const hits = await api<TUnitSearchHit[]>(page, '/api/units/search?q=hai%20phu&asOf=2025-06-30');
      const haiPhu = hits.find((hit) => hit.fullName === 'Xã Hải Phú' && hit.structure === '2019');
      const organizations = await api<TOrganization[]>(page, `/api/organizations?unitId=${haiPhu?.id}&asOf=2025-06-30`);
      const bloc = organizations.find((organization) => organization.name === 'Khối dân vận xã Hải Phú');
      expect(bloc).toMatchObject({ lastDay: '2025-06-30', endedWithUnit: true });

      await page.goto(`${baseUrl}/organizations/${bloc?.id}`);
      await page.getByRole('heading', { level: 1, name: 'Khối dân vận xã Hải Phú' }).waitFor();
      expect(await shownDate(page)).toBe('2025-06-30');
      const main = page.getByRole('main');
      const notice = main.getByRole('note').filter({ hasText: 'Tổ chức này' });
      await expect.poll(() => notice.textContent()).toContain('Tổ chức này hoạt động đến ngày 30/06/2025, khi Xã Hải Phú kết thúc.');
      expect(await notice.getByRole('link', { name: 'Khối dân vận xã Hải Lăng' }).count()).toBe(1);
      expect(await main.getByText('Ngày giải thể').count()).toBe(0);
      expect(await main.getByText('Hoạt động đến', { exact: true }).count()).toBe(1);
      // its members of that day are listed, and nothing offers to add, import, end or attach
      await expect.poll(() => main.getByRole('region', { name: 'Thành viên' }).getByRole('link').count()).toBeGreaterThan(5);
      expect(await writeButtons(page)).toEqual([]);
      expect(await main.getByLabel('Chọn tài liệu').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // a member's ended role offers no action; the organisation that carries it on does offer them
      const member = main.getByRole('region', { name: 'Thành viên' }).getByRole('link').first();
      const memberName = (await member.textContent()) ?? '';
      await member.click();
      await page.getByRole('heading', { level: 1, name: memberName }).waitFor();
      const endedRow = main.getByRole('row').filter({ hasText: 'Khối dân vận xã Hải Phú' });
      await expect.poll(() => endedRow.count()).toBeGreaterThan(0);
      expect(await endedRow.getByRole('button').count()).toBe(0);

      await page.goto(`${baseUrl}/organizations/${bloc?.id}`);
      await notice.getByRole('link', { name: 'Khối dân vận xã Hải Lăng' }).click();
      await page.getByRole('heading', { level: 1, name: 'Khối dân vận xã Hải Lăng' }).waitFor();
      await expect.poll(() => writeButtons(page)).toContain('Thêm thành viên');
      expect(await main.getByRole('note').filter({ hasText: 'Tổ chức này' }).count()).toBe(0);
    });
  }
});
