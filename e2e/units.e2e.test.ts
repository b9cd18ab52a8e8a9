import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

describe('signing in', () => {
  it('refuses a wrong password with the server’s Vietnamese message', async () => {
    await signIn(page, baseUrl, 'tinh.qt', 'sai-mat-khau');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('lets a province officer in and shows the capabilities, unbuilt ones saying so', async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Văn bản và báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Văn bản và báo cáo', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Chức năng này chưa có.');
  });
});

describe('the unit tree', () => {
  it('browses the 2019 structure: province → district → commune', async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị và tổ chức' }).click();
    await page.getByRole('radio', { name: 'Trước 01/07/2025: tỉnh – huyện – xã' }).check();
    const tree = page.getByRole('tree');
    await tree.getByRole('button', { name: /Mở Tỉnh Quảng Trị|Tỉnh Quảng Trị/ }).first().click();
    await expect.poll(() => tree.getByText('Huyện Đa Krông').count()).toBeGreaterThan(0);
    await expect.poll(() => tree.getByText('Huyện Hải Lăng').count()).toBeGreaterThan(0);
    // the 2025 province came from two: its officer sees both 2019 provinces
    await expect.poll(() => tree.getByText('Tỉnh Quảng Bình').count()).toBe(1);
  });

  it('finds "Quảng Trị" from "quang tri" (no diacritics)', async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.goto(`${baseUrl}/units?asOf=2025-06-30`);
    await page.getByLabel('Tìm đơn vị').fill('quang tri');
    await expect.poll(() => page.getByRole('link', { name: /Tỉnh Quảng Trị/ }).count()).toBeGreaterThan(0);
    await page.getByLabel('Tìm đơn vị').fill('dakrong');
    await expect.poll(() => page.getByRole('link', { name: /Huyện Đa Krông/ }).count()).toBeGreaterThan(0);
  });

  it('switches structure: today the province has communes and no districts', async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.goto(`${baseUrl}/units`);
    await page.getByRole('radio', { name: 'Từ 01/07/2025: tỉnh – xã' }).check();
    const tree = page.getByRole('tree');
    await tree.getByRole('button', { name: /Tỉnh Quảng Trị/ }).first().click();
    await expect.poll(() => tree.getByText(/^(Xã|Phường|Đặc khu) /).count()).toBeGreaterThan(50);
    expect(await tree.getByText(/^Huyện /).count()).toBe(0);
    await page.getByRole('radio', { name: 'Trước 01/07/2025: tỉnh – huyện – xã' }).check();
    await expect.poll(() => tree.getByText(/^Huyện /).count()).toBeGreaterThan(0);
  });
});
