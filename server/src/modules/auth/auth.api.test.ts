import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEndpoints } from '#contracts/users.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('login and session', () => {
  it('signs in with the right password, sets an httpOnly cookie and answers /me', async () => {
    const province = await buildProvince(t.db);
    const user = await buildUser(t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const client = new TestClient(t.baseUrl);
    const login = await client.login(user.username, TEST_PASSWORD);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dvs_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.call(authEndpoints.me, {});
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(user.username);
    expect(me.body.roles).toEqual(['commission_officer']);
    expect(me.body.unitId).toBe(province.provinceId);
  });

  it('refuses a wrong password with a Vietnamese message and audits the failure', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.baseUrl);
    const response = await client.login(user.username, 'sai-mat-khau-1');
    expect(response.status).toBe(401);
    expect(errorBody(response).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'login_failed').where('entity_id', '=', user.username).execute();
    expect(audit).toHaveLength(1);
  });

  it('locks a username after 5 failures in 15 minutes, even with the right password', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.baseUrl);
    for (let i = 0; i < 5; i++) expect((await client.login(user.username, `sai-${i}-mat-khau`)).status).toBe(401);
    const locked = await client.login(user.username, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(errorBody(locked).message).toContain('thử lại sau 15 phút');
  });

  it('a disabled account cannot sign in', async () => {
    const user = await buildUser(t.db, { disabled: true });
    expect((await new TestClient(t.baseUrl).login(user.username, TEST_PASSWORD)).status).toBe(401);
  });

  it('stores argon2id hashes, never the password', async () => {
    const user = await buildUser(t.db);
    const row = await t.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('rejects writes without the CSRF token and accepts them with it', async () => {
    const province = await buildProvince(t.db);
    const user = await buildUser(t.db, { unitId: province.provinceId, roles: ['data_entry'] });
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    const communeId = province.communeIds[0] as number;
    const path = `/api/units/${communeId}/villages`;
    const without = await client.request('POST', path, { name: 'Thôn Mới', type: 'thôn' }, { csrf: false });
    expect(without.status).toBe(403);
    expect(errorBody(without).error).toBe('csrf');
    const withToken = await client.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: 'Thôn Mới', type: 'thôn' } });
    expect(withToken.status).toBe(200);
  });

  it('requires a session for every non-public endpoint', async () => {
    const response = await new TestClient(t.baseUrl).call(unitEndpoints.children, {});
    expect(response.status).toBe(401);
    expect(errorBody(response).message).toBe('Bạn cần đăng nhập.');
  });

  it('changes the password: the old one stops working, the new one works, other sessions end', async () => {
    const user = await buildUser(t.db);
    const first = new TestClient(t.baseUrl);
    const second = new TestClient(t.baseUrl);
    await first.login(user.username, TEST_PASSWORD);
    await second.login(user.username, TEST_PASSWORD);
    const weak = await first.call(authEndpoints.changePassword, { body: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(weak.status).toBe(400);
    expect(errorBody(weak).message).toContain('Mật khẩu mới (newPassword)');
    const changed = await first.call(authEndpoints.changePassword, { body: { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2026' } });
    expect(changed.status).toBe(200);
    expect((await first.call(authEndpoints.me, {})).status).toBe(200);
    expect((await second.call(authEndpoints.me, {})).status).toBe(401);
    expect((await new TestClient(t.baseUrl).login(user.username, TEST_PASSWORD)).status).toBe(401);
    expect((await new TestClient(t.baseUrl).login(user.username, 'MatKhauMoi2026')).status).toBe(200);
  });

  it('logout ends the session', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    expect((await client.call(authEndpoints.logout, {})).status).toBe(200);
    expect((await client.call(authEndpoints.me, {})).status).toBe(401);
  });
});

describe('login rate limit per IP', () => {
  it('answers 429 once the per-minute limit is used up', async () => {
    const limited = await startTestApp({ loginRateLimit: 3 });
    try {
      const client = new TestClient(limited.baseUrl);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.login(`nobody${i}`, 'x')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('client address', () => {
  it('ignores a forged X-Forwarded-For when not behind a proxy: the rate limit still applies', async () => {
    const limited = await startTestApp({ loginRateLimit: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${limited.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
          body: JSON.stringify({ username: `nobody${i}`, password: 'x' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('expired sessions', () => {
  it('an expired session is refused and swept away at the next login', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    await t.db.updateTable('app_session').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await client.call(authEndpoints.me, {})).status).toBe(401);
    await new TestClient(t.baseUrl).login(user.username, TEST_PASSWORD);
    const left = await t.db.selectFrom('app_session').select('expires_at').where('user_id', '=', user.id).execute();
    expect(left).toHaveLength(1);
    expect(left[0]?.expires_at.getTime()).toBeGreaterThan(Date.now());
  });
});
