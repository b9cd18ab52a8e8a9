import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** The password of every demo account (README). */
export const PASSWORD = 'DanVanSo2025';
/** http://127.0.0.1:<port> of the server under test (e2e/global-setup.ts). */
export const baseUrl = inject('e2eBaseUrl');

/** Debian's chromium, headless, with the flags this closed network needs (no background connections), and `extraArgs`. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Opens the login page and signs in through the form, as a person would, and resolves once the server has answered
 * and the page has taken the answer in (signed in, or an error shown). The form clicked may be the page's HTML form
 * (the scripts not yet run): it posts to /api/auth/login-form and comes back to the same address, so the address
 * alone cannot tell that the answer has arrived; the login response can.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/auth/login') && response.request().method() === 'POST', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await answered;
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 }).then(() => page.getByRole('main').waitFor({ timeout: 15_000 })),
    page.getByRole('alert').first().waitFor({ timeout: 15_000 }),
  ]).catch(() => undefined);
}

/** The browser of a test file: launched (with `extraArgs`, e.g. '--lang=en-US') before its tests and closed after them. */
export function useBrowser(extraArgs: readonly string[] = []): { newContext(options?: BrowserContextOptions): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs);
  });
  afterAll(() => browser?.close());
  return {
    newContext: (options) => {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser.newContext({ locale: 'vi-VN', ...options });
    },
  };
}

/** Finds a unit by name on the units page as of `asOf` and opens it; resolves when its heading shows. */
export async function openUnit(page: Page, asOf: string, search: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/units?asOf=${asOf}`);
  await page.getByLabel('Tìm đơn vị').fill(search);
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}
