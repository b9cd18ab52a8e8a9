import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authEndpoints } from '#contracts/auth.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildApp } from '#server/app.ts';
import { fixedClock } from '#server/shared/clock.ts';
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

  it('is one count for every app process on the database (SCALE rule 7), not one per process', async () => {
    const first = await startTestApp({ loginRateLimit: 3 });
    const second = await buildApp({ db: first.db, databaseKind: inject('dbKind'), loginRateLimit: 3, files: first.files });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = second.server.address() as AddressInfo;
      const [a, b] = [new TestClient(first.baseUrl), new TestClient(`http://127.0.0.1:${port}`)];
      const statuses = [(await a.login('nobody1', 'x')).status, (await b.login('nobody2', 'x')).status, (await a.login('nobody3', 'x')).status];
      const refused = await b.login('nobody4', 'x');
      expect([...statuses, refused.status]).toEqual([401, 401, 401, 429]);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await second.close();
      await first.close();
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

describe('A8 lockout as a weapon: failures count per username and client, waits grow, the owner keeps access', () => {
  const clock = fixedClock('2026-12-02');
  let behindProxy: TestApp;
  beforeAll(async () => {
    behindProxy = await startTestApp({ clock, trustProxy: true });
  });
  afterAll(() => behindProxy.close());
  const from = (ip: string) => new TestClient(behindProxy.baseUrl, { 'x-forwarded-for': ip });

  it('A8 lockout as a weapon: the owner from another IP logs in fine after an attacker’s 20 failures', async () => {
    const owner = await buildUser(behindProxy.db, { unitId: null, roles: ['system_admin'] });
    const attacker = from('203.0.113.66');
    let failures = 0;
    while (failures < 20) {
      const response = await attacker.login(owner.username, `doan-sai-${failures}-x`);
      if (response.status === 429) {
        clock.advance(Number(response.headers.get('retry-after')) * 1000);
        continue;
      }
      expect(response.status).toBe(401);
      failures++;
    }
    const refused = await attacker.login(owner.username, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    const signedIn = await from('198.51.100.7').login(owner.username, TEST_PASSWORD);
    expect(signedIn.status).toBe(200);
    const audited = await behindProxy.db.selectFrom('audit_log').select('ip').where('action', '=', 'login_failed').where('entity_id', '=', owner.username).execute();
    expect(audited.filter((row) => row.ip === '203.0.113.66').length).toBeGreaterThanOrEqual(21);
  });

  it('A8 lockout as a weapon: the attacker’s client gets growing waits, told in Vietnamese with Retry-After', async () => {
    const user = await buildUser(behindProxy.db);
    const attacker = from('203.0.113.67');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attacker.login(user.username, `doan-sai-${i}-x`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attacker.login(user.username, 'doan-sai-nua-x');
      expect(refused.status).toBe(429);
      const body = errorBody(refused) as { error: string; message: string; retryAfterSeconds: number };
      expect(body.error).toBe('login_throttled');
      expect(refused.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
      waits.push(body.retryAfterSeconds);
      clock.advance(body.retryAfterSeconds * 1000 - 1000);
      expect((await attacker.login(user.username, 'doan-sai-nua-x')).status).toBe(429);
      clock.advance(1000);
      expect((await attacker.login(user.username, `doan-sai-${round}-y`)).status).toBe(401);
    }
    expect(waits).toEqual([8, 16, 32, 64]);
    const last = await attacker.login(user.username, TEST_PASSWORD);
    expect(errorBody(last).message).toBe('Đăng nhập sai nhiều lần. Vui lòng thử lại sau 2 phút 8 giây.');
  });

  it('A8 lockout as a weapon: a success resets that client’s counter', async () => {
    const user = await buildUser(behindProxy.db);
    const client = from('203.0.113.68');
    for (let i = 0; i < 3; i++) expect((await client.login(user.username, `doan-sai-${i}-x`)).status).toBe(401);
    expect((await client.login(user.username, TEST_PASSWORD)).status).toBe(429);
    clock.advance(8000);
    expect((await client.login(user.username, TEST_PASSWORD)).status).toBe(200);
    const again = [];
    for (let i = 0; i < 3; i++) again.push((await client.login(user.username, `doan-sai-${i}-z`)).status);
    expect(again).toEqual([401, 401, 401]);
    const row = await behindProxy.db.selectFrom('login_throttle').selectAll().where('username', '=', user.username).executeTakeFirstOrThrow();
    expect(row.failures).toBe(3);
  });

  it('A8 lockout as a weapon: past 100 attempts an hour across clients only a client that signed in before gets through', async () => {
    const user = await buildUser(behindProxy.db);
    expect((await from('198.51.100.20').login(user.username, TEST_PASSWORD)).status).toBe(200);
    // the owner's sign-in and 99 guesses from 50 addresses: 100 attempts this hour, each answered
    for (let i = 0; i < 50; i++) {
      const attacker = from(`203.0.113.${100 + i}`);
      expect((await attacker.login(user.username, `doan-sai-${i}-a`)).status).toBe(401);
      if (i < 49) expect((await attacker.login(user.username, `doan-sai-${i}-b`)).status).toBe(401);
    }
    const stranger = await from('192.0.2.1').login(user.username, TEST_PASSWORD);
    expect(stranger.status).toBe(429);
    expect((stranger.body as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3000);
    expect((await from('198.51.100.20').login(user.username, TEST_PASSWORD)).status).toBe(200);
    clock.advance(3600_000);
    expect((await from('192.0.2.1').login(user.username, TEST_PASSWORD)).status).toBe(200);
  });
});
