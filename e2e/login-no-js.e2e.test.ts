import { describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, useBrowser } from './browser.ts';

const browser = useBrowser();

/**
 * The login form of the page works with the HTML alone (issue 8: usable before the scripts arrive on a slow link):
 * with JavaScript off, a commune official opens a page of the app, signs in through the form, and lands on that page
 * signed in; a wrong password brings the form back with the Vietnamese error.
 */
describe('signing in with JavaScript off', () => {
  it('signs in through the HTML form and lands on the page first opened, signed in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/units?asOf=2025-07-01`);
    expect(await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).isVisible()).toBe(true);
    expect(await page.getByText('Dân vận số cần JavaScript để chạy.').count()).toBe(0);

    // a wrong password: the form again, with the error, still going to the same page
    await page.getByLabel('Tên đăng nhập').fill('xa.ta-rut');
    await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.getByRole('alert').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/units?asOf=2025-07-01');
    expect(await context.cookies()).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill('xa.ta-rut');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/units');
    expect(new URL(page.url()).search).toBe('?asOf=2025-07-01');
    // signed in: the session cookie (httpOnly), the page without the form, and the API answers as this user
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([['dvs_session', true, 'Lax']]);
    expect(await page.getByLabel('Tên đăng nhập').count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toBe('Đang tải Dân vận số…');
    expect(await page.locator('noscript').textContent()).toBe('Dân vận số cần JavaScript để chạy.');
    const me = await context.request.get(`${baseUrl}/api/auth/me`);
    expect([me.status(), ((await me.json()) as { username: string }).username]).toEqual([200, 'xa.ta-rut']);
    await context.close();
  });
});
