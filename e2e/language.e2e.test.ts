import { describe, expect, it } from 'vitest';
import { baseUrl, useBrowser } from './browser.ts';

const browser = useBrowser();

// No sign-in here: the suite's sign-ins already come close to the per-IP login limit (20 a minute), so this test
// uses the login page, which is translated like every page, and a remembered choice instead of the header switch.
describe('B9 web catalogues in the browser', () => {
  it('B9 web catalogues: English is fetched only when chosen, and a remembered choice renders English from the first paint', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // every text #root shows, from the first render on
    await context.addInitScript(() => {
      const texts: string[] = [];
      Object.assign(window, { rootTexts: texts });
      new MutationObserver(() => {
        const text = document.getElementById('root')?.textContent;
        if (text) texts.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
    });
    const english = () => scripts.filter((path) => /\/assets\/(messages-)?en-[\w-]+\.js$/.test(path));
    const rootTexts = () => page.evaluate(() => (window as unknown as { rootTexts: string[] }).rootTexts);

    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(english()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

    await page.evaluate(() => localStorage.setItem('dvs.locale', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getByLabel('Username').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(english().length).toBeGreaterThan(0);
    const texts = await rootTexts();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => /Đăng nhập|Đang tải/.test(text))).toEqual([]);
    await context.close();
  });
});
