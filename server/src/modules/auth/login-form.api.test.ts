import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBootBlocks } from '../../../../web/scripts/static-login.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/** The page as `build:web` writes it (the boot blocks from the catalogue), served by the app under test. */
let dist: string;
let t: TestApp;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dvs-login-form-'));
  writeFileSync(join(dist, 'index.html'), writeBootBlocks(readFileSync(new URL('../../../../web/index.html', import.meta.url), 'utf8')));
  t = await startTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Post {
  username?: string;
  password?: string;
  next?: string;
}

/** The form as a browser posts it from a page of the app (Origin is the app's), redirects not followed. */
function postForm(fields: Post, headers: Record<string, string> = { origin: t.baseUrl }, baseUrl = t.baseUrl) {
  const body = new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return fetch(`${baseUrl}/api/auth/login-form`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', ...headers },
    body: body.toString(),
  });
}

/** The page the browser opens at `path` (optionally with the session cookie). */
async function page(path: string, cookie?: string) {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const sessionCookie = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const throttleRow = (username: string) => t.db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst();

describe('POST /api/auth/login-form (the HTML login form, issue 8)', () => {
  it('signs in: 303 to the page the visitor opened, the same httpOnly session cookie, audited', async () => {
    const user = await buildUser(t.db, { roles: ['commission_officer'] });
    const response = await postForm({ username: ` ${user.username.toUpperCase()} `, password: TEST_PASSWORD, next: '/units/12?asOf=2025-07-01' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/units/12?asOf=2025-07-01']);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dvs_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(await response.text()).toBe('');
    const client = new TestClient(t.baseUrl);
    client.cookie = sessionCookie(response);
    const me = await client.request<{ username: string }>('GET', '/api/auth/me');
    expect([me.status, me.body.username]).toEqual([200, user.username]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_id', '=', String(user.id)).execute();
    expect(audit.map((row) => row.action)).toEqual(['login']);
  });

  it('sends a user who must change the password to the password change, whatever the page', async () => {
    const user = await buildUser(t.db);
    await t.db.updateTable('app_user').set({ must_change_password: true }).where('id', '=', user.id).execute();
    const response = await postForm({ username: user.username, password: TEST_PASSWORD, next: '/units/12' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/password/required']);
    expect(sessionCookie(response)).toMatch(/^dvs_session=.+/);
  });

  it('a wrong password: 303 back to the login page with the error, which the page shows; no cookie; the throttle counts it', async () => {
    const user = await buildUser(t.db);
    const response = await postForm({ username: user.username, password: 'sai-mat-khau-1', next: '/units/12' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe('/login?loi=bad_credentials&next=%2Funits%2F12');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await throttleRow(user.username))?.failures).toBe(1);

    const shown = await page(location);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<div class="alert" role="alert"><p>Tên đăng nhập hoặc mật khẩu không đúng.</p></div>');
    // the form again, still going to the page the visitor opened
    expect(shown.html).toContain('<input type="hidden" name="next" value="/units/12">');

    // the form and the JSON login are one count: two more failures (one each way), then the wait
    expect((await postForm({ username: user.username, password: 'sai-mat-khau-2' })).headers.get('location')).toBe('/login?loi=bad_credentials');
    expect((await new TestClient(t.baseUrl).login(user.username, 'sai-mat-khau-3')).status).toBe(401);
    expect((await throttleRow(user.username))?.failures).toBe(3);
    const refused = await postForm({ username: user.username, password: TEST_PASSWORD, next: '/units/12' });
    expect([refused.status, refused.headers.get('location')]).toEqual([303, '/login?loi=login_throttled&cho=8&next=%2Funits%2F12']);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await page(refused.headers.get('location') ?? '')).html).toContain('<p>Đăng nhập sai nhiều lần. Vui lòng thử lại sau 8 giây.</p>');
    const json = await new TestClient(t.baseUrl).login(user.username, TEST_PASSWORD);
    expect([json.status, errorBody(json).error]).toEqual([429, 'login_throttled']);
  });

  it('refuses a post from another site (login CSRF): 403, nothing counted, no cookie', async () => {
    const user = await buildUser(t.db);
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null', referer: 'https://evil.example/trap.html' },
      { referer: `${t.baseUrl.replace('127.0.0.1', 'localhost')}/login` },
      {} as Record<string, string>,
    ]) {
      const response = await postForm({ username: user.username, password: TEST_PASSWORD }, headers);
      expect([response.status, response.headers.get('set-cookie')], JSON.stringify(headers)).toEqual([403, null]);
      // a browser gets a page, not JSON
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Yêu cầu đăng nhập không đến từ trang của Dân vận số nên đã bị từ chối.');
    }
    expect(await throttleRow(user.username)).toBeUndefined();
    // a client that is not a browser form gets the API's JSON error
    const api = await fetch(`${t.baseUrl}/api/auth/login-form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ username: user.username, password: TEST_PASSWORD }).toString(),
    });
    expect([api.status, ((await api.json()) as { error: string }).error]).toEqual([403, 'cross_site']);
    // the app's own page with Origin "null" (a no-referrer page) but its Referer: accepted
    const ownReferer = await postForm({ username: user.username, password: TEST_PASSWORD }, { origin: 'null', referer: `${t.baseUrl}/login` });
    expect([ownReferer.status, ownReferer.headers.get('location')]).toEqual([303, '/']);
  });

  it('ignores a page to open that is outside the app (no open redirect)', async () => {
    const user = await buildUser(t.db);
    const targets = ['https://evil.example/x', '//evil.example/x', '/\\evil.example/x', '/\t/evil.example', 'javascript:alert(1)', '/api/auth/me', '/login?next=/units'];
    const locations = [];
    for (const next of targets) locations.push((await postForm({ username: user.username, password: TEST_PASSWORD, next })).headers.get('location'));
    expect(locations).toEqual(targets.map(() => '/'));
    // and on a failure the login page's `next` is left out the same way
    const failed = await postForm({ username: user.username, password: 'sai-mat-khau-9', next: '//evil.example' });
    expect(failed.headers.get('location')).toBe('/login?loi=bad_credentials');
  });

  it('a missing field is sent back with the Vietnamese message; a JSON body is refused (415)', async () => {
    const empty = await postForm({ username: '', password: 'x' });
    expect([empty.status, empty.headers.get('location')]).toEqual([303, '/login?loi=validation']);
    expect((await page('/login?loi=validation')).html).toContain('<p>Vui lòng nhập tên đăng nhập và mật khẩu.</p>');
    const json = await fetch(`${t.baseUrl}/api/auth/login-form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.baseUrl },
      body: JSON.stringify({ username: 'a', password: 'b' }),
    });
    expect(json.status).toBe(415);
    // the JSON login does not take a form post (a cross-site form could otherwise sign a visitor in)
    const formToJson = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(formToJson.status).toBe(415);
  });

  it('shares the per-IP rate limit with the JSON login: past it, 303 back with the wait', async () => {
    const limited = await startTestApp({ loginRateLimit: 3, webDist: dist });
    try {
      const client = new TestClient(limited.baseUrl);
      const statuses = [(await client.login('nobody1', 'x')).status, (await client.login('nobody2', 'x')).status];
      const third = await postForm({ username: 'nobody3', password: 'x' }, { origin: limited.baseUrl }, limited.baseUrl);
      const fourth = await postForm({ username: 'nobody4', password: 'x' }, { origin: limited.baseUrl }, limited.baseUrl);
      expect([...statuses, third.status, third.headers.get('location')]).toEqual([401, 401, 303, '/login?loi=bad_credentials']);
      expect(fourth.status).toBe(303);
      expect(fourth.headers.get('location')).toMatch(/^\/login\?loi=rate_limited&cho=\d+$/);
      expect((await client.login('nobody5', 'x')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('the page: the HTML login form for a visitor without a session only', () => {
  it('a signed-out visitor gets the form (labels, target, the page they opened), not the loading screen', async () => {
    const shown = await page('/units/12?asOf=2025-07-01');
    expect([shown.status, shown.headers.get('cache-control'), shown.headers.get('vary')]).toEqual([200, 'no-cache', 'cookie, accept-encoding']);
    expect(shown.html).toContain('<form class="form" method="post" action="/api/auth/login-form">');
    expect(shown.html).toContain('<label for="static-username">Tên đăng nhập</label>');
    expect(shown.html).toContain('<label for="static-password">Mật khẩu</label>');
    expect(shown.html).toContain('<button type="submit">Đăng nhập</button>');
    expect(shown.html).toContain('<input type="hidden" name="next" value="/units/12?asOf=2025-07-01">');
    expect(shown.html).not.toContain('Đang tải Dân vận số…');
    expect(shown.html).not.toContain('role="alert"');
    // the login page's own `next`, and only a path of the app
    expect((await page('/login?next=%2Fusers')).html).toContain('name="next" value="/users"');
    expect((await page('/login?next=%2F%2Fevil.example')).html).toContain('name="next" value="/"');
    // an unknown error code shows nothing: the page looks codes up, it never echoes the address
    expect((await page('/login?loi=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).html).not.toMatch(/role="alert"|<script>alert/);
  });

  it('a signed-in visitor never gets the form: the loading screen only', async () => {
    const user = await buildUser(t.db);
    const signedIn = await postForm({ username: user.username, password: TEST_PASSWORD });
    const shown = await page('/login?loi=bad_credentials', sessionCookie(signedIn));
    expect(shown.html).toContain('<p role="status">Đang tải Dân vận số…</p>');
    expect(shown.html).not.toMatch(/<form|static-login|Tên đăng nhập|role="alert"/);
    // a cookie of no live session is no session
    expect((await page('/', 'dvs_session=khong-con-hieu-luc')).html).toContain('<form class="form" method="post"');
  });
});
