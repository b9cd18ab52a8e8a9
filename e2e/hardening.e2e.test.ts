import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();
let page: Page;
let violations: string[];

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
});

describe('A7 the built app under its Content-Security-Policy', () => {
  it('A7 security headers: the app loads its script, styles and fonts with CSP self only, no violation', async () => {
    const response = await page.goto(`${baseUrl}/login`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await expect.poll(() => page.getByRole('navigation').count()).toBeGreaterThan(0);
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => document.fonts.check('600 16px "Be Vietnam Pro"', 'Dân vận'));
    expect(fonts).toBe(true);
    const fontFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(fontFamily).toContain('Be Vietnam Pro');
    expect(violations).toEqual([]);
  });
});

describe('A4 demo banner', () => {
  it('A4 demo mode: every page, the login page included, says the data is a sample', async () => {
    await page.goto(`${baseUrl}/login`);
    const banner = page.getByRole('note');
    await expect.poll(() => banner.textContent()).toBe('Dữ liệu mẫu, không dùng cho dữ liệu thật');
    expect(await banner.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 244, 214)');
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await page.goto(`${baseUrl}/units`);
    await expect.poll(() => page.getByRole('note').textContent()).toBe('Dữ liệu mẫu, không dùng cho dữ liệu thật');
  });
});

describe('A8 login wait', () => {
  it('A8 lockout as a weapon: the login page says how long to wait and keeps the button off meanwhile', async () => {
    for (let i = 0; i < 3; i++) {
      await signIn(page, baseUrl, 'khong.co.ai', `sai-mat-khau-${i}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    await signIn(page, baseUrl, 'khong.co.ai', 'sai-mat-khau-3');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Đăng nhập sai nhiều lần\. Vui lòng thử lại sau [1-8] giây\.$/);
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isEnabled(), { timeout: 12_000 }).toBe(true);
  });
});
