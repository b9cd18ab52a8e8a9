import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dueDate, periodContaining, periodLabel, previousPeriod } from '#contracts/indicators/period.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const BEFORE = 'Trước 01/07/2025: tỉnh – huyện – xã';
const FROM = 'Từ 01/07/2025: tỉnh – xã';
const NO_ORGANISATION = ', chưa có tổ chức nào được ghi nhận';

async function pageAs(username: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, username, PASSWORD);
  return page;
}

/** The monthly report being made now (the month before today's, Vietnam time), as the demo's data set has it. */
function currentMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const id = previousPeriod(periodContaining(today, 'monthly'));
  const [year, month, day] = dueDate(id, 5).split('-');
  return { label: periodLabel(id), due: `${day}/${month}/${year}` };
}

/**
 * The commune clerk changes a person of her commune (no form changes a person yet: the API is what a form would
 * call, with the session's CSRF token); answers the person's name.
 */
async function clerkChangesAPerson(page: Page): Promise<string> {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { unitId: number; csrfToken: string };
  const people = (await (await page.request.get(`${baseUrl}/api/people?unitId=${me.unitId}&limit=1`)).json()) as { items: { id: number; fullName: string }[] };
  const person = people.items[0];
  if (!person) throw new Error('the demo commune has no person');
  const changed = await page.request.fetch(`${baseUrl}/api/people/${person.id}`, {
    method: 'PATCH',
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    data: { phone: `09${String(Date.now()).slice(-8)}` },
  });
  expect(changed.status()).toBe(200);
  return person.fullName;
}

const byName = new Intl.Collator('vi', { numeric: true });
/** "Thành phố Hà Nội, chưa có …" → "Hà Nội": the name the list is sorted by. */
const nameOf = (linkName: string) => linkName.replace(NO_ORGANISATION, '').replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu) /, '');

describe.each([360, 1280])('the shell as a commune official meets it, at %i px', (width) => {
  it('the structure switch offers two equal choices; the free date is a smaller, secondary control', async () => {
    const page = await pageAs('xa.ta-rut', width);
    await page.goto(`${baseUrl}/units`);
    const before = page.getByRole('radio', { name: BEFORE, exact: true });
    const from = page.getByRole('radio', { name: FROM, exact: true });
    await from.waitFor({ state: 'attached' });
    expect(await from.isChecked()).toBe(true);
    expect(await before.isChecked()).toBe(false);
    const boxes = await Promise.all([BEFORE, FROM].map((name) => page.locator('label').filter({ hasText: name }).boundingBox()));
    const [a, b] = boxes as [NonNullable<(typeof boxes)[number]>, NonNullable<(typeof boxes)[number]>];
    expect(Math.abs(a.width - b.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(a.height - b.height)).toBeLessThanOrEqual(1);
    const date = await page.getByLabel('Ngày tra cứu').boundingBox();
    expect(date?.height).toBeLessThan(a.height);

    await before.check();
    await page.waitForURL(/asOf=2025-06-30/);
    expect(await before.isChecked()).toBe(true);
    expect(await from.isChecked()).toBe(false);
  });

  it('lists units by name in Vietnamese order and greys the units with no organisation recorded', async () => {
    const page = await pageAs('admin', width);
    await page.goto(`${baseUrl}/units`);
    const tree = page.getByRole('tree');
    const links = tree.getByRole('link');
    await expect.poll(() => links.count()).toBe(34);
    const read = () => links.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    // the tree may render before the counts that grey a unit have arrived: wait for them
    await expect.poll(async () => (await read()).includes(`Thành phố Hà Nội${NO_ORGANISATION}`)).toBe(true);
    const names = await read();
    expect(names.map(nameOf)).toEqual(names.map(nameOf).sort(byName.compare));
    expect(names.slice(0, 3).map(nameOf)).toEqual(['An Giang', 'Bắc Ninh', 'Cà Mau']);
    // the demo province has organisations; Hà Nội has none in the demo
    expect(names).toContain('Tỉnh Quảng Trị');
    expect(names).toContain(`Thành phố Hà Nội${NO_ORGANISATION}`);
    expect(await page.getByText('Đơn vị in mờ là đơn vị chưa có tổ chức nào được ghi nhận.').count()).toBe(1);
  });

  it('the home page of a commune account shows its unit, its report due and recent changes, and no unbuilt capability', async () => {
    const page = await pageAs('xa.ta-rut', width);
    const personName = await clerkChangesAPerson(page);
    await page.goto(`${baseUrl}/`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Xin chào, Võ Văn Hải', level: 1 }).waitFor();
    expect(await main.getByRole('link', { name: 'Xã Tà Rụt', exact: true }).getAttribute('href')).toMatch(/^\/units\/\d+$/);

    const month = currentMonth();
    const due = page.getByRole('region', { name: 'Báo cáo định kỳ đến hạn' });
    const monthly = due.getByRole('listitem').filter({ hasText: 'Báo cáo công tác dân vận' });
    await expect.poll(() => monthly.textContent()).toContain(`Báo cáo công tác dân vận · ${month.label}`);
    // nothing sent: the due date (or "Quá hạn"); sent: its state and day (the periodic-reports story may have sent it)
    expect(await monthly.textContent()).toMatch(new RegExp(`hạn nộp ${month.due}|Đã gửi|Cấp trên đã tiếp nhận|Đã phê duyệt|Trả lại để chỉnh sửa`));
    const open = monthly.getByRole('link', { name: new RegExp(`^(Nhập báo cáo|Xem báo cáo) Báo cáo công tác dân vận, ${month.label}$`) });
    expect(await open.getAttribute('href')).toMatch(/^\/periodic-reports\/\d+\/\d{6}\/\d+$/);

    const recent = page.getByRole('region', { name: 'Thay đổi gần đây' });
    await expect.poll(() => recent.getByRole('listitem').first().textContent()).toContain(`Võ Văn Hải sửa Cá nhân ${personName}`);

    const capabilities = page.getByRole('region', { name: 'Chức năng' });
    expect(await capabilities.getByRole('link').allTextContents()).toEqual([
      'Đơn vị và tổ chức',
      'Chương trình, đề án',
      'Báo cáo định kỳ và tổng hợp',
      'Thi đua “Dân vận khéo”',
      'Tiếp công dân, xử lý đơn thư',
      // --- grassroots ---
      'Hoạt động cơ sở',
      // --- training ---
      'Tập huấn',
      'Điều tra xã hội học',
      'Tiếp công dân, đối thoại',
      'Điểm nóng',
      // --- sentiment ---
      'Tình hình nhân dân',
    ]);
    expect(await main.getByText(/Chưa có$|Đã có$/).count()).toBe(0);
    // a capability not built yet is in the menu only, where it says so
    expect(await main.getByText('Văn bản và báo cáo', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });

  it('a system administrator without a unit gets the national overview: reports of units below, counted', async () => {
    const page = await pageAs('admin', width);
    const main = page.getByRole('main');
    await main.getByText('Bạn quản trị toàn hệ thống: các số liệu dưới đây là của cả nước.').waitFor();
    const due = page.getByRole('region', { name: 'Báo cáo định kỳ đến hạn' });
    await expect.poll(() => due.getByRole('listitem').first().textContent()).toMatch(/\d+\/\d+ đơn vị đã nộp/);
    expect(await due.getByRole('link', { name: /^Xem tình hình nộp / }).count()).toBeGreaterThan(0);
  });

  it('the audit log names who changed which record, filters by a list of kinds, and keeps an entry to two lines', async () => {
    const clerk = await pageAs('xa.ta-rut', width);
    const personName = await clerkChangesAPerson(clerk);
    const page = await pageAs('admin', width);
    await page.goto(`${baseUrl}/admin/audit`);
    const kind = page.getByLabel('Đối tượng');
    await kind.waitFor();
    const options = await kind.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Tất cả', 'Cá nhân', 'Đơn vị', 'Tổ chức', 'Báo cáo định kỳ', 'Tài khoản']));
    expect(options.some((option) => /^[a-z_]+$/.test(option))).toBe(false);
    await kind.selectOption({ label: 'Cá nhân' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/entity=person/);
    const entry = page.getByRole('list', { name: 'Các mục nhật ký' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent()).toContain(`Võ Văn Hải sửa Cá nhân ${personName}`);
    const box = await entry.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(64);
  });

  it('words: the skip link reads "Chuyển đến nội dung chính" and no menu label holds "&"', async () => {
    const page = await pageAs('admin', width);
    const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính', exact: true });
    expect(await skip.getAttribute('href')).toBe('#main');
    if (width < 700) await page.getByRole('button', { name: 'Chức năng', exact: true }).click();
    const labels = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Đơn vị và tổ chức', 'Thi đua “Dân vận khéo”', 'Nhật ký hệ thống']));
    expect(labels.filter((label) => label.includes('&') || label.includes('"'))).toEqual([]);
  });
});
