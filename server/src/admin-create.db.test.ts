import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unitEndpoints } from '#contracts/units.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { runScript, testServerPort, SERVER_TEST_TIMEOUT_MS, waitForHealth } from '#test/server-process.ts';
import { DEMO_PASSWORD } from './demo/demo-accounts.ts';

const root = mkdtempSync(join(tmpdir(), 'dvs-prod-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('A4 no published administrator password on a real deployment', () => {
  it('A4 DEMO=false starts with no accounts; admin:create prints a one-time password that must be changed at first login', async () => {
    const dataDir = join(root, 'real');
    // a real deployment sets the key that encrypts denouncers' identities (the server refuses to start without it)
    const env = { DATA_DIR: dataDir, DEMO: 'false', NODE_ENV: 'production', PETITION_IDENTITY_KEY: randomBytes(32).toString('hex') };
    const created = runScript('server/src/admin-create-cli.ts', ['--username', 'quantri.tinh', '--full-name', 'Nguyễn Văn Quản'], env);
    expect(await created.exited).toBe(0);
    const password = /One-time password \(shown only now; it must be changed at first login\): (\S+)/.exec(created.output())?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    const again = runScript('server/src/admin-create-cli.ts', ['--username', 'quantri.tinh'], env);
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('Tên đăng nhập “quantri.tinh” đã có người dùng.');
    expect(again.output()).not.toContain(password);

    const port = testServerPort();
    const server = runScript('server/src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    try {
      const health = await waitForHealth(server, port);
      expect(health).toEqual({ status: 'ok', database: 'pglite', version: '0.1.0', demo: false });
      const base = `http://127.0.0.1:${port}`;
      expect((await new TestClient(base).login('admin', DEMO_PASSWORD)).status).toBe(401);
      const admin = new TestClient(base);
      const login = await admin.login('quantri.tinh', password);
      expect(login.status).toBe(200);
      expect((login.body as { mustChangePassword: boolean; fullName: string }).mustChangePassword).toBe(true);
      expect((login.body as { fullName: string }).fullName).toBe('Nguyễn Văn Quản');
      const blocked = await admin.call(unitEndpoints.children, {});
      expect(blocked.status).toBe(403);
      expect(errorBody(blocked).error).toBe('password_change_required');
      const changed = await admin.call(authEndpoints.changePassword, { body: { currentPassword: password, newPassword: 'QuanTriTinh2026' } });
      expect(changed.status).toBe(200);
      expect((await admin.call(unitEndpoints.children, {})).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, SERVER_TEST_TIMEOUT_MS);

  it('A4 NODE_ENV=production refuses to start with DEMO=true, saying how to fix it', async () => {
    const server = runScript('server/src/main.ts', [], { DATA_DIR: join(root, 'demo'), DEMO: 'true', NODE_ENV: 'production', PORT: '0' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Refusing to start: DEMO=true with NODE_ENV=production. Unset DEMO (or set DEMO=false)');
  }, SERVER_TEST_TIMEOUT_MS);
});
