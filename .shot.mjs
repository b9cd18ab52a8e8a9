import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:38617';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
async function shoot(username, path, name, prepare) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('DanVanSo2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}${typeof path === 'function' ? await path(page) : path}`);
    await page.waitForLoadState('networkidle');
    if (prepare) await prepare(page);
    await page.screenshot({ path: `/tmp/scope-shot/${name}-${width}.png`, fullPage: true });
    await page.close();
  }
}
await shoot('admin', '/admin/users', 'users');
const splitId = async (page) => {
  const r = await page.evaluate(async () => (await fetch('/api/units/search?q=cong%20vi&asOf=2025-06-30')).json());
  return `/units/${r.find((u) => u.fullName === 'Phường Cống Vị').id}?asOf=2025-06-30`;
};
await shoot('admin', splitId, 'split-unit');
await browser.close();
