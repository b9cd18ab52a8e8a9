import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

/**
 * The shell as a commune official meets it, on a shared PC whose browser speaks English: dates are typed and
 * shown dd/mm/yyyy, the calendar speaks Vietnamese, targets are big enough for a thumb, a search says it is
 * running, phone numbers call, and an unknown address says so and leads home.
 */
const browser = useBrowser(['--lang=en-US']);
const ORGANIZATION = 'Ban Thanh tra nhân dân xã Hải Lăng';
/** The day the organisation page is shown as of: the date field starts on it (neither today nor the dates typed). */
const PAGE_DAY = '2026-12-10';

async function signedIn(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
  return page;
}

async function openInspectionBoard(page: Page): Promise<void> {
  await openUnit(page, PAGE_DAY, 'hai lang', 'Xã Hải Lăng');
  await page.getByRole('link', { name: ORGANIZATION }).click();
  await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor();
}

/** Types into a date field key by key, as a person does (the field starts with the page's date). */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.fill('');
  await field.pressSequentially(text);
}

const memberRow = (page: Page, fullName: string) =>
  page.getByRole('region', { name: 'Thành viên', exact: true }).getByRole('row').filter({ hasText: fullName });

async function addMember(page: Page, fullName: string, termFrom: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Thêm thành viên' });
  await form.getByLabel('Họ và tên').fill(fullName);
  await form.getByLabel('Chức danh').fill('Tổ viên');
  await typeDate(form.getByLabel('Từ ngày'), termFrom);
  await form.getByRole('button', { name: 'Thêm thành viên' }).click();
  await expect.poll(() => form.getByRole('status').textContent(), SERVER).toBe(`Đã thêm ${fullName} với chức danh Tổ viên.`);
}

/** Waits for the server's answer: the machine running the tests may be busy. */
const SERVER = { timeout: 15_000 };

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not shown');
  return found;
};

describe.each([360, 1280])('the shell at %i px in an English-language chromium', (width) => {
  it('dates typed dd/mm/yyyy (2/12/2026, 02122026, 10-12-2026) are stored as those days and shown 02/12/2026', async () => {
    const page = await signedIn(width);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await openInspectionBoard(page);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const stamp = `${width}-${Date.now().toString(36)}`;
    const first = `Lê Thị Ngày ${stamp}`;
    const second = `Trần Văn Ngày ${stamp}`;

    await addMember(page, first, '2/12/2026');
    await addMember(page, second, '02122026');
    await expect.poll(() => memberRow(page, first).getByRole('cell').nth(2).textContent(), SERVER).toBe('Từ 02/12/2026 đến nay');
    await expect.poll(() => memberRow(page, second).getByRole('cell').nth(2).textContent(), SERVER).toBe('Từ 02/12/2026 đến nay');

    // the end of a term, in the other date field of the page
    await memberRow(page, first).getByRole('button', { name: `Kết thúc nhiệm kỳ ${first}, Tổ viên` }).click();
    const endForm = page.getByRole('form', { name: `Kết thúc nhiệm kỳ: ${first}, Tổ viên` });
    await typeDate(endForm.getByLabel('Ngày kết thúc'), '10-12-2026');
    await endForm.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    await expect.poll(() => memberRow(page, first).getByRole('cell').nth(2).textContent(), SERVER).toBe('02/12/2026 – 10/12/2026');

    // read back from the server
    await page.reload();
    await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor();
    await expect.poll(() => memberRow(page, first).getByRole('cell').nth(2).textContent(), SERVER).toBe('02/12/2026 – 10/12/2026');
    await expect.poll(() => memberRow(page, second).getByRole('cell').nth(2).textContent(), SERVER).toBe('Từ 02/12/2026 đến nay');
  });

  it('a day the month does not have is refused at the field, in Vietnamese, and nothing is sent', async () => {
    const page = await signedIn(width);
    await openInspectionBoard(page);
    const form = page.getByRole('region', { name: 'Thêm thành viên' });
    await form.getByLabel('Họ và tên').fill(`Không Gửi ${Date.now().toString(36)}`);
    await form.getByLabel('Chức danh').fill('Tổ viên');
    const field = form.getByLabel('Từ ngày');
    await typeDate(field, '31/02/2026');
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/people')) sent++;
    });
    await form.getByRole('button', { name: 'Thêm thành viên' }).click();
    await expect.poll(() => form.getByText('Không có ngày 31/02/2026: tháng 2 năm 2026 chỉ có 28 ngày.').count(), SERVER).toBe(1);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(
      'Không có ngày 31/02/2026: tháng 2 năm 2026 chỉ có 28 ngày.',
    );
    expect(sent).toBe(0);
    expect(await form.getByRole('status').count()).toBe(0);
  });

  it('the calendar popup speaks Vietnamese, moves by keyboard, chooses with Enter and closes with Escape', async () => {
    const page = await signedIn(width);
    await openInspectionBoard(page);
    const form = page.getByRole('region', { name: 'Thêm thành viên' });
    const field = form.getByLabel('Từ ngày');
    expect(await field.inputValue()).toBe('10/12/2026');
    expect(await field.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await field.getAttribute('inputmode')).toBe('numeric');

    const opener = form.getByRole('button', { name: 'Chọn ngày' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Chọn ngày' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Tháng 12 năm 2026');
    expect(await dialog.getByRole('columnheader').allTextContents()).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect(await dialog.getByRole('gridcell', { selected: true }).textContent()).toBe('10');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    expect(await focused()).toBe('Thứ Năm, 10/12/2026');
    // 1 December 2026 is a Tuesday: the first row starts with an empty Monday
    expect(await dialog.getByRole('row').nth(1).getByRole('gridcell').first().textContent()).toBe('');

    // the whole calendar is on the screen; on a phone every day is a 44 px target
    const shown = await box(dialog);
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.width).toBeLessThanOrEqual(width);
    if (width === 360) {
      const day = await box(dialog.getByRole('button', { name: 'Thứ Năm, 10/12/2026' }));
      expect(day.width).toBeGreaterThanOrEqual(44);
      expect(day.height).toBeGreaterThanOrEqual(44);
    }

    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Thứ Sáu, 11/12/2026');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Thứ Sáu, 18/12/2026');
    await page.keyboard.press('PageDown');
    await expect.poll(() => dialog.getByRole('heading').textContent(), SERVER).toBe('Tháng 1 năm 2027');
    expect(await focused()).toBe('Thứ Hai, 18/01/2027');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), SERVER).toBe(0);
    expect(await field.inputValue()).toBe('18/01/2027');
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);

    await opener.click();
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Tháng 1 năm 2027');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), SERVER).toBe(0);
    expect(await field.inputValue()).toBe('18/01/2027');
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('a search shows "Đang tìm…" while its request runs, then the results', async () => {
    const page = await signedIn(width);
    await page.goto(`${baseUrl}/units`);
    await page.route('**/api/units/search?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const busy = page.getByRole('status').filter({ hasText: 'Đang tìm…' });
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('hai lang');
    await busy.waitFor({ timeout: 5000 });
    const results = page.getByRole('list', { name: 'Kết quả tìm đơn vị' });
    expect(await results.count()).toBe(0);
    await results.waitFor();
    await expect.poll(() => busy.count(), SERVER).toBe(0);
    expect(await results.getByRole('link', { name: 'Xã Hải Lăng', exact: true }).count()).toBe(1);

    // searching again: the previous results stay, marked busy, until the new ones come
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('hai phu');
    await busy.waitFor({ timeout: 5000 });
    expect(await results.locator('xpath=..').getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => busy.count(), SERVER).toBe(0);
    expect(await results.locator('xpath=..').getAttribute('aria-busy')).toBe('false');
    if (width === 360) {
      for (const link of await results.getByRole('link').all()) expect((await box(link)).height).toBeGreaterThanOrEqual(44);
    }
  });

  it('a person’s phone number is a tel: link', async () => {
    const page = await signedIn(width);
    await openInspectionBoard(page);
    const members = page.getByRole('region', { name: 'Thành viên', exact: true });
    await members.getByRole('row').nth(1).getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const phone = page.locator('main a[href^="tel:"]');
    await expect.poll(() => phone.count(), SERVER).toBe(1);
    const text = (await phone.textContent()) ?? '';
    expect(text).toMatch(/^0\d{2,3} \d{3} \d{3,4}$/);
    expect(await phone.getAttribute('href')).toBe(`tel:${text.replace(/\s/g, '')}`);
    if (width === 360) expect((await box(phone)).height).toBeGreaterThanOrEqual(44);
  });

  it('an unknown address has a heading and a link back home', async () => {
    const page = await signedIn(width);
    await page.goto(`${baseUrl}/khong-co-trang-nay`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang', level: 1 }).waitFor();
    const home = page.getByRole('link', { name: 'Về trang chủ' });
    if (width === 360) expect((await box(home)).height).toBeGreaterThanOrEqual(44);
    await home.click();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), SERVER).toMatch(/^Xin chào/);
  });
});

describe('touch targets on a 360 px phone', () => {
  it('tree toggles, tree links and the links of a unit’s list are at least 44 px tall (toggles 44 × 44)', async () => {
    const page = await signedIn(360);
    await page.goto(`${baseUrl}/units`);
    const tree = page.getByRole('tree');
    const toggle = tree.getByRole('button', { name: 'Xã Hải Lăng' });
    const size = await box(toggle);
    expect(size.width).toBeGreaterThanOrEqual(44);
    expect(size.height).toBeGreaterThanOrEqual(44);
    await toggle.click();
    await expect.poll(() => tree.getByRole('link').count(), SERVER).toBeGreaterThan(5);
    for (const link of (await tree.getByRole('link').all()).slice(0, 10)) expect((await box(link)).height).toBeGreaterThanOrEqual(44);

    await tree.getByRole('link', { name: 'Xã Hải Lăng' }).click();
    await page.getByRole('heading', { name: 'Xã Hải Lăng', level: 1 }).waitFor();
    const children = page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('link');
    await expect.poll(() => children.count(), SERVER).toBeGreaterThan(5);
    for (const link of (await children.all()).slice(0, 10)) expect((await box(link)).height).toBeGreaterThanOrEqual(44);
    for (const button of await page.locator('main button:visible').all()) expect((await box(button)).height).toBeGreaterThanOrEqual(44);
  });
});
