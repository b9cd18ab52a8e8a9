import type { Database } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';

/** The password of every benchmark account (a scratch database: never a real one). */
export const BENCH_PASSWORD = 'BenchMatKhau2025';

/** A benchmark account with one role at a unit (null: national), created or reset; its id. */
export async function ensureBenchUser(db: Database, username: string, unitId: number | null, role: string): Promise<number> {
  const values = { username, password_hash: await hashPassword(BENCH_PASSWORD), full_name: `Benchmark ${username}`, unit_id: unitId, roles: [role], updated_at: new Date() };
  const row = await db
    .insertInto('app_user')
    .values(values)
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: values.password_hash, unit_id: unitId, roles: [role], disabled: false, must_change_password: false }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
