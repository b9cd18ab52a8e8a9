import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, useBrowser } from './browser.ts';

const browser = useBrowser();

/** A commune's link as issue 8 measures it: 400 ms latency, 400 kbit/s down and up (bytes per second here). */
const SLOW_LINK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/**
 * Budgets of issue 8 (bench/RESULTS.md, "Shell on a slow link"): first screen after sign-in ≤ 2 s, JS of the first
 * load ≤ 150 KB compressed, login form usable ≤ 3 s. The last is NOT met yet: React, the router, the query cache
 * and zod alone are ≈ 95 KB brotli, ≈ 2 s of this link after the page's own round trip (RESULTS.md has the
 * breakdown), so the form is usable after ≈ 3.6–4.8 s. Asserted here: at most 5 s, against regressions (it was
 * 12.4 s with uncompressed scripts), and the loading screen of index.html painted before the app's stylesheets
 * arrive (≈ 0.8 s; with the stylesheets in <head> it waited for them, ≈ 2.5 s).
 */
const LOGIN_USABLE_TARGET_MS = 3_000;
const LOGIN_USABLE_MS = 5_000;
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
  it('a commune official sees the loading screen with the page, then the login form, and the first screen within 2 s of signing in, with at most 150 KB of compressed JS', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    // on the page's clock (ms from the start of the navigation): when the username field enters the page, when
    // the form is submitted, when the first screen's heading shows
    await context.addInitScript(() => {
      const at: Record<string, number> = {};
      Object.assign(window, { at });
      new MutationObserver(() => {
        if (at.username === undefined && document.querySelector('input[name=username]')) at.username = performance.now();
        const heading = document.querySelector('h1')?.textContent ?? '';
        if (at.firstScreen === undefined && heading.startsWith('Xin chào, ')) at.firstScreen = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
      document.addEventListener('submit', () => (at.submitted ??= performance.now()), true);
    });
    const clock = () => page.evaluate(() => (window as unknown as { at: Record<string, number> }).at);
    const page = await context.newPage();
    await throttle(page);

    // the address a person types: the app sends them to the login page
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    const username = page.getByLabel('Tên đăng nhập');
    await username.waitFor();
    expect(await username.isEditable()).toBe(true);
    expect(page.url()).toContain('/login');
    const loginUsableMs = Math.round((await clock()).username ?? Infinity);
    // the first paint with text: the loading screen of index.html
    const { loadingScreenMs, htmlMs, stylesMs } = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        loadingScreenMs: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity),
        htmlMs: Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd),
        // the first stylesheet of the app to arrive
        stylesMs: Math.round(Math.min(...resources.filter((entry) => entry.name.endsWith('.css')).map((entry) => entry.responseEnd))),
      };
    });
    // the loading screen went away with the first render of the app
    expect(await page.getByText('Đang tải Dân vận số…').isVisible()).toBe(false);
    expect(loadingScreenMs).toBeLessThan(loginUsableMs);

    // the person types for longer than the fonts and the rest of the first load take to arrive
    await page.waitForLoadState('networkidle');
    const firstLoad = await scriptBytes(page);

    await username.fill('xa.ta-rut');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào, / }).waitFor();
    const { submitted = Infinity, firstScreen = Infinity } = await clock();
    const firstScreenMs = Math.round(firstScreen - submitted);
    await page.waitForLoadState('networkidle');
    const afterSignIn = await scriptBytes(page);

    // the figures for bench/RESULTS.md
    const loginTargetMet = loginUsableMs <= LOGIN_USABLE_TARGET_MS;
    const afterSignInWire = afterSignIn.wire - firstLoad.wire;
    console.log(JSON.stringify({ htmlMs, stylesMs, loadingScreenMs, loginUsableMs, loginTargetMet, firstScreenMs, firstLoad, afterSignInWire }));
    expect(loadingScreenMs).toBeLessThan(stylesMs);
    expect(loginUsableMs).toBeLessThanOrEqual(LOGIN_USABLE_MS);
    expect(firstScreenMs).toBeLessThanOrEqual(FIRST_SCREEN_MS);
    expect(firstLoad.wire).toBeLessThanOrEqual(FIRST_LOAD_JS_BYTES);
    // the scripts came compressed (a third of their size or less), not as they are on disk
    expect(firstLoad.wire * 3).toBeLessThan(firstLoad.decoded);
    await context.close();
  });
});
