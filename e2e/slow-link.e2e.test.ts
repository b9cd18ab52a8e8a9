import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, useBrowser } from './browser.ts';

const browser = useBrowser();

/** A commune's link as issue 8 measures it: 400 ms latency, 400 kbit/s down and up (bytes per second here). */
const SLOW_LINK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/**
 * Budgets of issue 8 (bench/RESULTS.md, "Shell on a slow link"): login form usable ≤ 3 s, first screen after
 * sign-in ≤ 2 s, JS of the first load ≤ 150 KB compressed. The login form is the HTML one of index.html
 * (web/scripts/static-login.ts): usable with the page, before the ≈ 117 KB of scripts; "usable" is when its fields
 * and button are in the page and painted (it was ≈ 4.0 s when the form came with React). What is typed into it
 * goes on in the React login page once the scripts arrive (the value and the focus), and the page paints before
 * the app's stylesheets arrive.
 */
const LOGIN_USABLE_MS = 3_000;
const FIRST_SCREEN_MS = 2_000;
const FIRST_LOAD_JS_BYTES = 150_000;

/** Bytes on the wire (compressed bodies) and in memory of the scripts the page has loaded so far. */
const scriptBytes = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .reduce(
        (sum, entry) => ({ files: sum.files + 1, wire: sum.wire + entry.encodedBodySize, decoded: sum.decoded + entry.decodedBodySize }),
        { files: 0, wire: 0, decoded: 0 },
      ),
  );

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  return cdp;
}

describe('Shell on a slow link (400 ms, 400 kbit/s)', () => {
  it('a commune official can type into the login form of the page within 3 s, keeps what was typed when the app takes over, and sees the first screen within 2 s of signing in, with at most 150 KB of compressed JS', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    // on the page's clock (ms from the start of the navigation): when the HTML login form is in the page down to its
    // button (typed into and submitted from then on, once painted), when the app takes it over, when the form is
    // submitted, when the first screen's heading shows
    await context.addInitScript(() => {
      const at: Record<string, number> = {};
      Object.assign(window, { at });
      new MutationObserver(() => {
        const form = document.getElementById('static-login');
        if (at.staticForm === undefined && form?.querySelector('input[name=password]') && form.querySelector('button[type=submit]')) at.staticForm = performance.now();
        if (at.staticForm !== undefined && at.takenOver === undefined && !form) at.takenOver = performance.now();
        const heading = document.querySelector('h1')?.textContent ?? '';
        if (at.firstScreen === undefined && heading.startsWith('Xin chào, ')) at.firstScreen = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
      document.addEventListener('submit', () => (at.submitted ??= performance.now()), true);
    });
    const clock = () => page.evaluate(() => (window as unknown as { at: Record<string, number> }).at);
    const page = await context.newPage();
    await throttle(page);

    // the address a person types: the page comes with the login form
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    const staticForm = page.locator('#static-login form');
    const staticUsername = staticForm.getByLabel('Tên đăng nhập');
    await staticUsername.waitFor();
    expect(await staticUsername.isEditable()).toBe(true);
    expect(await staticForm.getByLabel('Mật khẩu').isEditable()).toBe(true);
    expect(await staticForm.getByRole('button', { name: 'Đăng nhập' }).isEnabled()).toBe(true);
    expect([await staticForm.getAttribute('method'), await staticForm.getAttribute('action')]).toEqual(['post', '/api/auth/login-form']);
    // typed before the scripts have arrived
    await staticUsername.fill('xa.ta-rut');
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const { loadingScreenMs, htmlMs, staticFormMs } = await page.evaluate(() => ({
      // the first paint with text: the login form of index.html
      loadingScreenMs: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity),
      htmlMs: Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd),
      staticFormMs: Math.round((window as unknown as { at: Record<string, number> }).at.staticForm ?? Infinity),
    }));
    // usable: in the page and painted
    const loginUsableMs = Math.max(staticFormMs, loadingScreenMs);
    const scriptsAtUsable = await scriptBytes(page);

    // the app takes over: what was typed and the focus carry over to the React login page
    await page.locator('#static-login').waitFor({ state: 'detached', timeout: 30_000 });
    const username = page.getByLabel('Tên đăng nhập');
    expect(await username.inputValue()).toBe('xa.ta-rut');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    expect(page.url()).toContain('/login');
    const takenOverMs = Math.round((await clock()).takenOver ?? Infinity);
    // the loading screen is not what a signed-out visitor sees
    expect(await page.getByText('Đang tải Dân vận số…').count()).toBe(0);

    // the person types for longer than the fonts and the rest of the first load take to arrive
    await page.waitForLoadState('networkidle');
    const firstLoad = await scriptBytes(page);
    // the first stylesheet of the app to arrive
    const stylesMs = await page.evaluate(() =>
      Math.round(Math.min(...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith('.css')).map((entry) => entry.responseEnd))),
    );

    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào, / }).waitFor();
    const { submitted = Infinity, firstScreen = Infinity } = await clock();
    const firstScreenMs = Math.round(firstScreen - submitted);
    await page.waitForLoadState('networkidle');
    const afterSignIn = await scriptBytes(page);

    // the figures for bench/RESULTS.md
    const afterSignInWire = afterSignIn.wire - firstLoad.wire;
    console.log(
      JSON.stringify({ htmlMs, stylesMs, loadingScreenMs, loginUsableMs, scriptsAtUsable, takenOverMs, firstScreenMs, firstLoad, afterSignInWire }),
    );
    expect(loadingScreenMs).toBeLessThan(stylesMs);
    expect(loginUsableMs).toBeLessThanOrEqual(LOGIN_USABLE_MS);
    expect(firstScreenMs).toBeLessThanOrEqual(FIRST_SCREEN_MS);
    expect(firstLoad.wire).toBeLessThanOrEqual(FIRST_LOAD_JS_BYTES);
    // the scripts came compressed (a third of their size or less), not as they are on disk
    expect(firstLoad.wire * 3).toBeLessThan(firstLoad.decoded);
    await context.close();
  });
});
