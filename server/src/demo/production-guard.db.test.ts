import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import { buildUser } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { productionStartProblem } from './production-guard.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('A4 production start guard', () => {
  it('A4 NODE_ENV=production refuses to start while demo accounts with the published password exist', async () => {
    const production = { production: true, loadDemo: false };
    // an administrator called "admin" with a password of its own is no demo account
    await buildUser(handle.db, { username: 'admin', unitId: null, roles: ['system_admin'] });
    expect(await productionStartProblem(handle.db, production)).toBeNull();
    await buildUser(handle.db, { username: 'tinh.qt', unitId: null, roles: ['system_admin'] });
    await handle.db.updateTable('app_user').set({ password_hash: await hashPassword(DEMO_PASSWORD) }).where('username', '=', 'tinh.qt').execute();
    expect(await productionStartProblem(handle.db, production)).toBe(
      'Refusing to start: NODE_ENV=production but this database holds demo accounts with the published password (tinh.qt). ' +
        'Start a real deployment on a new database (another DATA_DIR, or DATABASE_URL) with DEMO=false, then create its ' +
        'administrator with `npm run admin:create -- --username <name>`.',
    );
    expect(await productionStartProblem(handle.db, { production: false, loadDemo: true })).toBeNull();
  });
});
