import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEndpoints } from '#contracts/users.ts';
import { personEndpoints } from '#contracts/people.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildPerson, officialUnitId, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// The two probes of issue 7 item A1, on the official units of the test template (no demo needed).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
});
afterAll(() => t.close());

const unitId = (structure: '2019' | '2025', code: string) => officialUnitId(t.db, structure, code);

/** The 2019 communes that went into the same 2025 commune as `code`, itself excluded. */
async function siblingsOf(code: string) {
  const result = await sql<{ id: number; code: string; successor: number }>`
    select other.id, other.code, s2.new_unit_id as successor
    from admin_unit me
    join unit_succession s1 on s1.old_unit_id = me.id
    join unit_succession s2 on s2.new_unit_id = s1.new_unit_id and s2.old_unit_id <> me.id
    join admin_unit other on other.id = s2.old_unit_id
    where me.structure = '2019' and me.code = ${code}
    order by other.code`.execute(t.db);
  return result.rows;
}

describe('A1 scope across the reform', () => {
  it('A1 scope: a 2019 Quảng Trị unit_admin does not reach ex-Quảng Bình', async () => {
    const qt2019 = await unitId('2019', '45');
    const qb2019 = await unitId('2019', '44');
    const qt2025 = await unitId('2025', '44');
    const admin = await signIn(t.baseUrl, t.db, { unitId: qt2019, roles: ['unit_admin'] });
    // the 2025 province (Quảng Bình + Quảng Trị) and its 78 communes are not theirs
    expect((await admin.call(unitEndpoints.get, { params: { id: qt2025 }, query: {} })).status).toBe(404);
    const communes = await admin.call(unitEndpoints.children, { query: { parentId: qt2025 } });
    expect(communes.status).toBe(200);
    expect(communes.body).toHaveLength(0);
    expect((await admin.call(unitEndpoints.get, { params: { id: qb2019 }, query: { asOf: '2024-01-01' } })).status).toBe(404);
    // nor can they create an account on an ex-Quảng Bình commune of 2025
    const exQuangBinh = await unitId('2025', '19111'); // a 2025 commune of province 44 that came from Quảng Bình
    const created = await admin.call(userEndpoints.create, {
      body: { username: 'lan.sang.qb', fullName: 'Lấn Sang', unitId: exQuangBinh, roles: ['unit_admin'], password: TEST_PASSWORD },
    });
    expect(created.status).toBe(404);
    const count = await t.db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('n')).where('username', '=', 'lan.sang.qb').executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
    // its own 2019 province stays whole: 10 districts on 2024-01-01
    const districts = await admin.call(unitEndpoints.children, { query: { parentId: qt2019, asOf: '2024-01-01' } });
    expect(districts.body).toHaveLength(10);
  });

  it('A1 scope: a 2019 commune account does not see the communes merged with it', async () => {
    const haiPhu = await unitId('2019', '19702');
    const siblings = await siblingsOf('19702');
    expect(siblings.map((row) => row.code)).toEqual(['19708', '19717']); // Hải Thượng and Hải Lâm went with Hải Phú into Xã Hải Lăng
    const successor = siblings[0]?.successor as number;
    const ofSibling = await buildPerson(t.db, siblings[0]?.id as number, { ethnicity: 'Kinh', religion: 'Công giáo' });
    const inSuccessor = await buildPerson(t.db, successor, { ethnicity: 'Kinh', religion: 'Không' });
    const ownPerson = await buildPerson(t.db, haiPhu);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: haiPhu, roles: ['data_entry', 'commission_officer'] });
    expect((await clerk.call(personEndpoints.get, { params: { id: ofSibling } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.get, { params: { id: inSuccessor } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.update, { params: { id: inSuccessor }, body: { religion: 'Phật giáo' } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.get, { params: { id: ownPerson } })).status).toBe(200);
    expect((await clerk.call(unitEndpoints.get, { params: { id: successor }, query: {} })).status).toBe(404);
  });

  it('A1 scope: a 2025 commune sees the records of every commune it came from, and nothing beside', async () => {
    const siblings = await siblingsOf('19702');
    const successor = siblings[0]?.successor as number;
    const haiPhu = await unitId('2019', '19702');
    const fromHaiPhu = await buildPerson(t.db, haiPhu);
    const fromSibling = await buildPerson(t.db, siblings[1]?.id as number);
    const elsewhere = await buildPerson(t.db, await unitId('2019', '19588')); // Tà Rụt, another 2025 commune
    const cadre = await signIn(t.baseUrl, t.db, { unitId: successor, roles: ['data_entry'] });
    expect((await cadre.call(personEndpoints.get, { params: { id: fromHaiPhu } })).status).toBe(200);
    expect((await cadre.call(personEndpoints.get, { params: { id: fromSibling } })).status).toBe(200);
    expect((await cadre.call(personEndpoints.get, { params: { id: elsewhere } })).status).toBe(404);
    const roots = await sql<{ n: number }>`select cardinality(unit_scope_paths(${successor}::bigint))::int as n`.execute(t.db);
    expect(roots.rows[0]?.n).toBe(4); // itself and its three predecessors
  });

  it('A1 scope: a system administrator has no unit, so it never sees less than the accounts it creates', async () => {
    const commune = await unitId('2025', '19702');
    const root = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const body = { username: 'qtht.xa', fullName: 'Quản trị xã', unitId: commune, roles: ['system_admin' as const], password: TEST_PASSWORD };
    const created = await root.call(userEndpoints.create, { body });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ message: 'Đơn vị (unitId): tài khoản quản trị hệ thống không thuộc đơn vị nào (phạm vi cả nước)' });
    const clerk = await root.call(userEndpoints.create, { body: { ...body, roles: ['data_entry'] } });
    expect(clerk.status).toBe(200);
    const granted = await root.call(userEndpoints.update, { params: { id: clerk.body.id }, body: { roles: ['system_admin'] } });
    expect(granted.status).toBe(400);
  });

  it('A1 scope: a split predecessor is visible, whole, to each of its successors, and they do not see each other', async () => {
    const congVi = await unitId('2019', '00007'); // Phường Cống Vị, split between Giảng Võ and Ngọc Hà in 2025
    const giangVo = await unitId('2025', '00008');
    const ngocHa = await unitId('2025', '00025');
    const links = await t.db.selectFrom('unit_succession').select(['new_unit_id', 'kind']).where('old_unit_id', '=', congVi).orderBy('new_unit_id').execute();
    expect(links).toEqual(
      [
        { new_unit_id: giangVo, kind: 'split' },
        { new_unit_id: ngocHa, kind: 'split' },
      ].sort((a, b) => a.new_unit_id - b.new_unit_id),
    );
    const record = await buildPerson(t.db, congVi, { fullName: 'Nguyễn Thị Cống' });
    const inGiangVo = await buildPerson(t.db, giangVo);
    const a = await signIn(t.baseUrl, t.db, { unitId: giangVo, roles: ['data_entry'] });
    const b = await signIn(t.baseUrl, t.db, { unitId: ngocHa, roles: ['data_entry'] });
    for (const client of [a, b]) {
      const seen = await client.call(personEndpoints.get, { params: { id: record } });
      expect(seen.status).toBe(200);
      expect(seen.body.person).toMatchObject({ fullName: 'Nguyễn Thị Cống', unitName: 'Phường Cống Vị' });
      // the unit page has what the UI needs to say the record predates the split: both successors, 'split'
      const unit = await client.call(unitEndpoints.get, { params: { id: congVi }, query: {} });
      expect(unit.body.successors.map((link) => [link.unit.fullName, link.kind])).toEqual([
        ['Phường Giảng Võ', 'split'],
        ['Phường Ngọc Hà', 'split'],
      ]);
    }
    expect((await b.call(personEndpoints.get, { params: { id: inGiangVo } })).status).toBe(404);
  });
});
