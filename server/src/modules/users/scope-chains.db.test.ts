import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '#contracts/auth.ts';
import type { Database, DatabaseHandle } from '#server/db/database.ts';
import { DEMO_ACCOUNTS } from '#server/demo/demo-accounts.ts';
import { loadDemo } from '#server/demo/load-demo.ts';
import { Random } from '#server/demo/random.ts';
import { actorOf, createSession, findSessionUser } from '#server/modules/auth/index.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError } from '#server/shared/errors.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { createUser, listUsers, moveUser, updateUser } from './user.service.ts';

// Issue 7 item A1, as a property: whatever chain of account creations, role grants and moves an administrator
// starts, every account it produces sees a subset of what the administrator sees (scope roots compared by ltree).

let handle: DatabaseHandle;
let db: Database;
/** Candidate units: every unit of the demo's three provinces (both structures, villages included), a few elsewhere. */
let units: number[];
/** The current units of the demo province (2025 Quảng Trị), where most attempts go so that many succeed. */
let current: number[];
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await loadDemo(db);
  const rows = await sql<{ id: number }>`
    select u.id from admin_unit u
    join admin_unit p on p.id = coalesce(nullif(split_part(u.path::text, '.', 1), '')::bigint, u.id)
    where (p.structure, p.code) in (('2025', '44'), ('2019', '45'), ('2019', '44'), ('2025', '46'))
    order by u.id`.execute(db);
  units = rows.rows.map((row) => Number(row.id));
  const live = await sql<{ id: number }>`
    select u.id from admin_unit u, (select path from admin_unit where structure = '2025' and code = '44') p
    where u.path <@ p.path and u.valid_to is null order by u.id`.execute(db);
  current = live.rows.map((row) => Number(row.id));
}, 180_000);
afterAll(() => handle.close());

/** The actor of a user exactly as the session hook builds it (scope from unit_scope_paths). */
async function actorOfUser(userId: number): Promise<Actor & { roots: string[] | null }> {
  const { token } = await createSession(db, userId);
  const user = await findSessionUser(db, token);
  if (!user) throw new Error(`no session for ${userId}`);
  return { ...actorOf(user, null), roots: user.scope_roots };
}

/** Every root of `inner` lies under some root of `outer` (null = the whole country). */
const within = (inner: string[] | null, outer: string[] | null) =>
  outer === null || (inner !== null && inner.every((path) => outer.some((root) => path === root || path.startsWith(`${root}.`))));

/** 1–3 random roles; a focal point (who needs an organisation) only now and then. */
const randomRoles = (rng: Random): TRole[] =>
  rng.shuffle(ROLES.filter((role) => role !== 'focal_point' || rng.chance(0.2))).slice(0, rng.int(1, 3));
const randomUnit = (rng: Random) => rng.pick(rng.chance(0.6) ? current : units);
const PASSWORD = 'ChuoiNgauNhien2026';

describe('A1 scope: chains of account creations and role grants', () => {
  it('A1 scope: no chain started from any demo account reaches outside the creator scope', async () => {
    const rng = new Random(7);
    const tally = { created: 0, granted: 0, moved: 0, refused: 0 };
    let serial = 0;
    for (const account of DEMO_ACCOUNTS) {
      const start = await db.selectFrom('app_user').select('id').where('username', '=', account.username).executeTakeFirstOrThrow();
      const origin = await actorOfUser(start.id);
      for (let chain = 0; chain < 8; chain++) {
        let actor = origin;
        for (let step = 0; step < 5; step++) {
          const kind = rng.weighted({ create: 5, grant: 3, move: 2 });
          try {
            let touched: number;
            if (kind === 'create') {
              const unitId = rng.chance(0.05) ? null : randomUnit(rng);
              const created = await createUser(db, actor, {
                username: `chuoi.${++serial}`,
                fullName: `Tài khoản chuỗi ${serial}`,
                unitId,
                roles: randomRoles(rng),
                password: PASSWORD,
              });
              touched = created.id;
              tally.created++;
            } else {
              const visible = await listUsers(db, actor, {});
              const target = rng.pick(visible);
              if (kind === 'grant') {
                touched = (await updateUser(db, actor, target.id, { roles: randomRoles(rng) })).id;
                tally.granted++;
              } else {
                touched = (await moveUser(db, actor, target.id, { unitId: randomUnit(rng) })).id;
                tally.moved++;
              }
            }
            const result = await actorOfUser(touched);
            expect(within(result.roots, actor.roots), `${actor.username} → ${result.username}`).toBe(true);
            expect(within(result.roots, origin.roots), `${origin.username} → ${result.username}`).toBe(true);
            if (result.roles.has('system_admin')) expect(actor.roles.has('system_admin')).toBe(true);
            // an administrator produced by the chain carries it on
            if (result.roles.has('unit_admin') || result.roles.has('system_admin')) actor = result;
          } catch (error) {
            if (!(error instanceof AppError)) throw new Error(`${kind} by ${actor.username} ${JSON.stringify(actor.roots)}: ${String(error)}`, { cause: error });
            expect([400, 403, 404, 409]).toContain(error.status);
            tally.refused++;
          }
        }
      }
    }
    // the seeded chains exercise every path: successes of each kind and refusals
    console.log('A1 scope chains:', tally);
    expect(tally.created + tally.granted + tally.moved + tally.refused).toBe(DEMO_ACCOUNTS.length * 8 * 5);
    expect(tally.created).toBeGreaterThan(5);
    expect(tally.granted).toBeGreaterThan(5);
    expect(tally.moved).toBeGreaterThan(2);
    expect(tally.refused).toBeGreaterThan(20);
  }, 240_000);
});
