import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();


async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}

/** Opens today's commune Hải Lăng (the demo account xa.hai-lang belongs to it) from the search box. */
async function openHaiLang(page: Page) {
  await page.goto(`${baseUrl}/units`);
  await page.getByLabel('Tìm đơn vị').fill('hai lang');
  await page.getByRole('link', { name: 'Xã Hải Lăng' }).first().click();
  await page.getByRole('heading', { name: 'Xã Hải Lăng', level: 1 }).waitFor();
}

/** From Hải Lăng's page, opens the first member of its Khối dân vận. */
async function openBlocMember(page: Page) {
  await openHaiLang(page);
  const bloc = page.getByRole('listitem').filter({ hasText: 'Khối dân vận xã Hải Lăng' });
  await bloc.getByRole('button', { name: 'Xem thành viên' }).click();
  await bloc.getByRole('table').getByRole('link').first().click();
  await page.getByText('Lượt xem này được ghi nhật ký.').waitFor();
}

describe('a commune clerk at work', () => {
  it('imports villages from a CSV: the preview names bad rows by number, then a clean file is written', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await openHaiLang(page);
    const suffix = Date.now().toString(36);
    const file = page.getByLabel('Chọn tệp (.xlsx, .csv)');
    await file.setInputFiles({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(`Tên,Loại\nMới ${suffix},thôn\n,thôn\n`) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Chưa ghi dòng nào');
    const badRow = page.getByRole('row').filter({ hasText: 'Tên: không được để trống' });
    await expect.poll(() => badRow.getByRole('cell').first().textContent()).toBe('3');

    await file.setInputFiles({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(`Tên,Loại\nMới ${suffix},thôn\nBản ${suffix},bản\n`) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('button', { name: 'Xác nhận nhập 2 dòng' }).click();
    await expect.poll(() => page.getByText('Đã nhập 2 dòng.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: `Thôn Mới ${suffix}` }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: `Bản ${suffix}` }).count()).toBeGreaterThan(0);
  });

  it('opens a bloc member: ethnicity and religion are shown with the note that the view is logged', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await openBlocMember(page);
    await expect.poll(() => page.getByText('Lượt xem này được ghi nhật ký.').count()).toBe(1);
    await expect.poll(() => page.getByText('Dân tộc').count()).toBeGreaterThan(0);
  });
});

describe('administration', () => {
  it('the system administrator browses the audit log and sees protected reads', async () => {
    const clerk = await newPage();
    await signIn(clerk, baseUrl, 'xa.hai-lang', PASSWORD);
    await openBlocMember(clerk);
    const clerkName = ((await (await clerk.request.get(`${baseUrl}/api/auth/me`)).json()) as { fullName: string }).fullName;
    const member = await clerk.getByRole('heading', { level: 1 }).textContent();
    const page = await newPage();
    await signIn(page, baseUrl, 'admin', PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByLabel('Hành động').selectOption({ label: 'Xem dữ liệu được bảo vệ' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    // the entry names the clerk and the person, not their ids
    await expect.poll(() => page.getByRole('main').textContent()).toContain(`${clerkName} xem thông tin được bảo vệ của Cá nhân ${member}`);
  });

  it('A1 legacy: the province administrator moves the legacy 2019 account to its successor in one click', async () => {
    const legacy = await newPage();
    await signIn(legacy, baseUrl, 'xa.hai-phu', PASSWORD);
    // before the move the 2019 account finds no commune of today
    await legacy.goto(`${baseUrl}/units`);
    await legacy.getByLabel('Tìm đơn vị').fill('hai lang');
    await expect.poll(() => legacy.getByText('Không có đơn vị nào khớp.').count()).toBe(1);

    const page = await newPage();
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Người dùng' }).click();
    const section = page.getByRole('region', { name: 'Tài khoản thuộc đơn vị đã kết thúc' });
    const row = section.getByRole('row').filter({ hasText: 'xa.hai-phu' });
    await row.getByRole('button', { name: /^Chuyển sang Xã Hải Lăng \(tài khoản xa\.hai-phu, .+\)$/ }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Đã chuyển tài khoản .* sang Xã Hải Lăng\. Tài khoản phải đăng nhập lại\.$/);
    expect(await section.getByRole('row').filter({ hasText: 'xa.hai-phu' }).count()).toBe(0);
    const listed = page.getByRole('main').getByRole('row').filter({ hasText: 'xa.hai-phu' });
    await expect.poll(() => listed.getByRole('cell').nth(2).textContent()).toBe('Xã Hải Lăng');

    // signed in again, the account works in Xã Hải Lăng
    await signIn(legacy, baseUrl, 'xa.hai-phu', PASSWORD);
    await openHaiLang(legacy);
  });
});

describe('on a phone (360 px)', () => {
  it('folds the navigation behind "Chức năng" and never scrolls sideways', async () => {
    const page = await newPage(360, 740);
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.getByRole('button', { name: 'Chức năng' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị và tổ chức' }).click();
    await page.getByLabel('Tìm đơn vị').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
