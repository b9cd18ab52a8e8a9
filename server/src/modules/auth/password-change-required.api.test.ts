import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '#contracts/api.ts';
import type { Endpoint } from '#contracts/endpoint.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const allEndpoints = Object.values(api).flatMap((group) => Object.values(group) as Endpoint[]);
const fillPath = (path: string) => path.replace(/:(\w+)/g, '1');

/** A system administrator whose password was set by someone else (first login or reset). */
async function signedInWithTemporaryPassword() {
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  await t.db.updateTable('app_user').set({ must_change_password: true }).where('id', '=', user.id).execute();
  const client = new TestClient(t.baseUrl);
  expect((await client.login(user.username, TEST_PASSWORD)).status).toBe(200);
  return client;
}

describe('A5 must_change_password is enforced by the server', () => {
  it('A5 must_change_password: every endpoint but password change, logout and me answers 403', async () => {
    const client = await signedInWithTemporaryPassword();
    const open = allEndpoints.filter((endpoint) => endpoint.openBeforePasswordChange).map((e) => `${e.method} ${e.path}`);
    expect(open.sort()).toEqual(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);
    const closed = allEndpoints.filter((endpoint) => !endpoint.public && !endpoint.openBeforePasswordChange);
    expect(closed.length).toBeGreaterThan(15);
    for (const endpoint of closed) {
      const response = await client.request(endpoint.method, fillPath(endpoint.path), endpoint.method === 'GET' ? undefined : {});
      const label = `${endpoint.method} ${endpoint.path}`;
      expect(response.status, label).toBe(403);
      expect(errorBody(response).error, label).toBe('password_change_required');
      expect(errorBody(response).message, label).toBe('Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.');
    }
    const me = await client.call(authEndpoints.me, {});
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
  });

  it('A5 must_change_password: after the change every endpoint answers again; logout stays open before it', async () => {
    const client = await signedInWithTemporaryPassword();
    expect((await client.call(unitEndpoints.children, {})).status).toBe(403);
    const changed = await client.call(authEndpoints.changePassword, { body: { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauRieng2026' } });
    expect(changed.status).toBe(200);
    expect((await client.call(unitEndpoints.children, {})).status).toBe(200);
    expect((await client.call(authEndpoints.me, {})).body.mustChangePassword).toBe(false);

    const other = await signedInWithTemporaryPassword();
    expect((await other.call(authEndpoints.logout, {})).status).toBe(200);
    expect((await other.call(authEndpoints.me, {})).status).toBe(401);
  });
});
