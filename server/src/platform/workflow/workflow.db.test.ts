import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import type { DatabaseHandle } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError } from '#server/shared/errors.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { applyTransition } from './apply-transition.ts';
import { reportApproval } from './report-example.ts';
import { listTransitions } from './workflow.repository.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  // a record table as a module would declare it: its own state and version columns
  await sql`create table workflow_probe (id bigint primary key, status text not null, version integer not null default 0)`.execute(handle.db);
});
afterAll(() => handle.close());

const actor = (userId: number, ...roles: TRole[]): Actor => ({
  userId,
  username: `u${userId}`,
  roles: new Set(roles),
  unitId: null,
  unitLevel: null,
  organizationId: null,
  scope: { all: true },
  ip: null,
});
const PROVINCE = 1;
const probe = async (id: number) =>
  (await sql<{ status: string; version: number }>`select status, version from workflow_probe where id = ${id}`.execute(handle.db)).rows[0];

describe('B7 workflow on the database', () => {
  it('B7 workflow: a transition moves the record, bumps its version and writes one history row with who and why', async () => {
    await sql`insert into workflow_probe (id, status) values (1, 'draft')`.execute(handle.db);
    const clerk = actor(11, 'data_entry');
    const leader = actor(12, 'leader');
    await handle.db.transaction().execute((trx) => applyTransition(trx, reportApproval, clerk, { id: 1, provinceId: PROVINCE }, { seenState: 'draft', seenVersion: 0, to: 'submitted' }));
    const v2 = await handle.db
      .transaction()
      .execute((trx) =>
        applyTransition(trx, reportApproval, leader, { id: 1, provinceId: PROVINCE }, { seenState: 'submitted', seenVersion: 1, to: 'returned', reason: ' Thiếu số liệu quý 3 ' }),
      );
    expect(v2).toBe(2);
    expect(await probe(1)).toEqual({ status: 'returned', version: 2 });
    const history = await listTransitions(handle.db, PROVINCE, 'report', '1');
    expect(history.map((h) => [h.from_state, h.to_state, h.version, h.by_user_id, h.reason])).toEqual([
      ['draft', 'submitted', 1, 11, null],
      ['submitted', 'returned', 2, 12, 'Thiếu số liệu quý 3'],
    ]);
  });

  it('B7 workflow: of two concurrent transitions from the same version one applies and the other gets 409, never both', async () => {
    await sql`insert into workflow_probe (id, status, version) values (2, 'submitted', 1)`.execute(handle.db);
    const attempt = (userId: number, to: 'approved' | 'returned', holdMs: number) =>
      handle.db.transaction().execute(async (trx) => {
        const version = await applyTransition(trx, reportApproval, actor(userId, 'leader'), { id: 2, provinceId: PROVINCE }, {
          seenState: 'submitted',
          seenVersion: 1,
          to,
          reason: 'Chưa đạt',
        });
        // hold the row lock so the other transaction is really waiting on it (PostgreSQL)
        await new Promise((resolve) => setTimeout(resolve, holdMs));
        return version;
      });
    const results = await Promise.allSettled([attempt(21, 'approved', 300), attempt(22, 'returned', 0)]);
    const applied = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect(refused[0]).toMatchObject({ status: 409, message: 'Báo cáo vừa được người khác thay đổi trạng thái. Hãy tải lại trang rồi thử lại.' });
    const history = await listTransitions(handle.db, PROVINCE, 'report', '2');
    expect(history).toHaveLength(1);
    const row = await probe(2);
    expect(row?.version).toBe(2);
    expect(row?.status).toBe(history[0]?.to_state);
    // the one that lost may retry from what it now sees, and the rule applies again
    await expect(
      handle.db.transaction().execute((trx) =>
        applyTransition(trx, reportApproval, actor(22, 'leader'), { id: 2, provinceId: PROVINCE }, { seenState: 'submitted', seenVersion: 1, to: 'approved' }),
      ),
    ).rejects.toMatchObject({ status: 409 });
  });
});
