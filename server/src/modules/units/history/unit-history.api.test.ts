import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitEndpoints, type TUnitChild } from '#contracts/units.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { README_COUNTS, README_PROVINCES } from './readme-counts.ts';

/** Issue 9: the 4-level structure since 2019-01-01, read through the API (the replay's own tests are unit tests). */
let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const children = async (asOf: string, parentId?: number): Promise<TUnitChild[]> => {
  const response = await admin.call(unitEndpoints.children, { query: { asOf, ...(parentId ? { parentId } : {}) } });
  expect(response.status).toBe(200);
  return response.body;
};
/** A unit of the 4-level structure by its official code. */
const idOf = async (code: string) => (await t.db.selectFrom('admin_unit').select('id').where('structure', '=', '2019').where('code', '=', code).executeTakeFirstOrThrow()).id;
/** The 63 provinces of the 4-level structure (test units have codes starting with T). */
const provinces = async (asOf: string) => (await children(asOf)).filter((unit) => unit.code !== null && !unit.code.startsWith('T') && unit.level === 'province');

describe('units in force on any date since 2019 (the data README table)', () => {
  const table = README_COUNTS;
  it.each(table)('%s: %i provinces, %i districts, %i communes, and the four seed provinces', async (date, provinceCount, districtCount, communeCount, seeds) => {
    const list = await provinces(date);
    const districtsOf = new Map(await Promise.all(list.map(async (p) => [p.code, await children(date, p.id)] as const)));
    const communesIn = (code: string) => (districtsOf.get(code) ?? []).reduce((sum, d) => sum + d.childCount, 0);
    expect(list).toHaveLength(provinceCount);
    expect(list.reduce((sum, p) => sum + p.childCount, 0)).toBe(districtCount);
    expect([...districtsOf.values()].flat().reduce((sum, d) => sum + d.childCount, 0)).toBe(communeCount);
    expect(README_PROVINCES.map((code) => [communesIn(code), districtsOf.get(code)?.length])).toEqual(seeds);
  }, 60_000);
});

describe('succession through every change', () => {
  it('Thành phố Thủ Đức does not exist before 2021 (Quận Thủ Đức does) and Huế is a tỉnh until 2025', async () => {
    const hcm = (await provinces('2020-06-01')).find((p) => p.code === '79');
    const in2020 = (await children('2020-06-01', hcm?.id)).map((d) => d.fullName);
    const in2021 = (await children('2021-06-01', hcm?.id)).map((d) => d.fullName);
    expect([in2020.includes('Quận Thủ Đức'), in2020.includes('Thành phố Thủ Đức')]).toEqual([true, false]);
    expect([in2021.includes('Quận Thủ Đức'), in2021.includes('Thành phố Thủ Đức')]).toEqual([false, true]);
    expect([in2020.length, in2021.length]).toEqual([24, 22]);
    expect((await provinces('2019-01-01')).find((p) => p.code === '46')?.fullName).toBe('Tỉnh Thừa Thiên Huế');
    expect((await provinces('2025-03-01')).find((p) => p.code === '46')?.fullName).toBe('Thành phố Huế');
  });

  it('Quận Phú Xuân (Huế) was created on 1/1/2025 by 1314/NQ-UBTVQH15 and is not there the day before', async () => {
    const hue = (await provinces('2025-01-01')).find((p) => p.code === '46');
    const [before, after] = [await children('2024-12-31', hue?.id), await children('2025-01-01', hue?.id)];
    expect([before.some((d) => d.code === '475'), after.some((d) => d.code === '475')]).toEqual([false, true]);
    const phuXuan = after.find((d) => d.code === '475') as TUnitChild;
    const detail = await admin.call(unitEndpoints.get, { params: { id: phuXuan.id }, query: { asOf: '2025-03-01' } });
    expect([detail.body.unit.fullName, detail.body.unit.validFrom, detail.body.createdAct]).toEqual(['Quận Phú Xuân', '2025-01-01', '1314/NQ-UBTVQH15']);
  });

  it('Thị trấn Thông Nông moved from Huyện Thông Nông to Huyện Hà Quảng on 1/2/2020: one row per district, linked', async () => {
    const detail = await admin.call(unitEndpoints.get, { params: { id: await idOf('01363') }, query: { asOf: '2021-01-01' } });
    expect(detail.body.unit.validFrom).toBe('2020-02-01');
    expect(detail.body.predecessors).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ fullName: 'Thị trấn Thông Nông' }), parentName: 'Huyện Thông Nông', kind: 'moved', effectiveDate: '2020-02-01', instrument: '864/NQ-UBTVQH14' }),
    ]);
    const earlier = await admin.call(unitEndpoints.get, { params: { id: detail.body.predecessors[0]?.unit.id as number }, query: { asOf: '2019-06-01' } });
    expect([earlier.body.unit.code, earlier.body.unit.validTo, earlier.body.ancestors.map((a) => a.fullName)]).toEqual([null, '2020-01-31', ['Tỉnh Cao Bằng', 'Huyện Thông Nông']]);
  });

  it('a Quảng Trị commune merged in 2020 shows its successor, with the resolution, and the successor its predecessor', async () => {
    const quangTri = (await provinces('2019-01-01')).find((p) => p.code === '45');
    const districts = await children('2019-12-31', quangTri?.id);
    const communes = (await Promise.all(districts.map((d) => children('2019-12-31', d.id)))).flat();
    const ended = communes.filter((c) => c.validTo === '2019-12-31');
    expect(ended.length).toBe(141 - 125);
    const detail = await admin.call(unitEndpoints.get, { params: { id: ended[0]?.id as number }, query: { asOf: '2019-12-31' } });
    expect(detail.status).toBe(200);
    const [link] = detail.body.successors;
    expect(link).toMatchObject({ effectiveDate: '2020-01-01', instrument: expect.stringMatching(/NQ-UBTVQH14$/) });
    const successor = await admin.call(unitEndpoints.get, { params: { id: link?.unit.id as number }, query: { asOf: '2020-01-01' } });
    expect(successor.body.predecessors.map((p) => p.unit.id)).toContain(ended[0]?.id);
  });
});

describe('scope follows the sure links only', () => {
  const scopeOf = async (code: string) => {
    const row = await sql<{ paths: string[] }>`select unit_scope_paths(id)::text[] as paths from admin_unit where structure = '2019' and code = ${code}`.execute(t.db);
    return row.rows[0]?.paths ?? [];
  };
  const pathOf = async (code: string) => (await t.db.selectFrom('admin_unit').select('path').where('structure', '=', '2019').where('code', '=', code).executeTakeFirstOrThrow()).path;

  it('Thành phố Thủ Đức sees Quận Thủ Đức (certain); Thường Xuân does not see its likely predecessor until it is confirmed', async () => {
    expect(await scopeOf('769')).toContain(await pathOf('762'));
    const likely = await pathOf('15604');
    expect(await scopeOf('15646')).not.toContain(likely);
    await t.db.transaction().execute(async (trx) => {
      await sql`update unit_succession set confirmed_at = now() where old_unit_id = (select id from admin_unit where structure = '2019' and code = '15604')`.execute(trx);
      expect(await sql<{ paths: string[] }>`select unit_scope_paths(id)::text[] as paths from admin_unit where structure = '2019' and code = '15646'`.execute(trx).then((r) => r.rows[0]?.paths)).toContain(likely);
      throw new Error('undo');
    }).catch((error: Error) => expect(error.message).toBe('undo'));
    expect(await scopeOf('15646')).not.toContain(likely);
  });
});

describe('successors that are unknown or likely are visible and fixable by a system administrator', () => {
  const ended = async () => {
    const { rows } = await sql<{ id: number; valid_to: string; sibling: number }>`
      select a.id, a.valid_to::text as valid_to,
        (select s.id from admin_unit s where s.parent_id = a.parent_id and s.level = 'commune' and s.id <> a.id
           and (s.valid_from is null or s.valid_from <= a.valid_to + 1) and s.valid_to >= a.valid_to + 1 order by s.id limit 1) as sibling
      from admin_unit a where a.structure = '2019' and a.level = 'commune' and a.valid_to < '2025-06-30'
        and not exists (select 1 from unit_succession s where s.old_unit_id = a.id)
      order by a.id limit 1`.execute(t.db);
    return rows[0] as { id: number; valid_to: string; sibling: number };
  };

  it('an ended commune without successor says so; the administrator sets one with a reason: audited, totals rebuilt, scope granted', async () => {
    const unit = await ended();
    const before = await admin.call(unitEndpoints.get, { params: { id: unit.id }, query: { asOf: unit.valid_to } });
    expect([before.body.successorUnknown, before.body.successors]).toEqual([true, []]);
    const set = await admin.call(unitEndpoints.setSuccessor, { params: { id: unit.id }, body: { successorId: unit.sibling, reason: 'Theo Nghị quyết đã tra cứu' } });
    expect(set.status).toBe(200);
    expect(set.body.successorUnknown).toBe(false);
    expect(set.body.successors).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: unit.sibling }), kind: 'merged', certainty: 'likely', confirmed: true, instrument: null })]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'unit_succession').where('entity_id', '=', String(unit.id)).execute();
    expect(audit).toEqual([{ action: 'update', after: { successors: [{ successorId: unit.sibling, certainty: 'likely', confirmed: true }], reason: 'Theo Nghị quyết đã tra cứu' } }]);
    const jobs = await t.db.selectFrom('job').select('kind').where('kind', '=', 'indicators.totals-rebuild').execute();
    expect(jobs.length).toBeGreaterThan(0);
    const scope = await sql<{ paths: string[] }>`select unit_scope_paths(${unit.sibling})::text[] as paths`.execute(t.db);
    const path = (await t.db.selectFrom('admin_unit').select('path').where('id', '=', unit.id).executeTakeFirstOrThrow()).path;
    expect(scope.rows[0]?.paths).toContain(path);
  });

  it('a successor given by a resolution cannot be replaced (409 naming it); a bad successor is a 400 naming the field; others get 403', async () => {
    const thuDuc = await idOf('762');
    const refused = await admin.call(unitEndpoints.setSuccessor, { params: { id: thuDuc }, body: { successorId: await idOf('763'), reason: 'Thử thay đổi' } });
    expect(refused.status).toBe(409);
    expect(errorBody(refused).message).toBe('Đơn vị kế thừa đã được xác định theo 1111/NQ-UBTVQH14, không thể thay đổi.');
    // the links of the 2025 reform are published too
    const quangBinh = await admin.call(unitEndpoints.setSuccessor, { params: { id: await idOf('44') }, body: { successorId: thuDuc, reason: 'Thử thay đổi' } });
    expect([quangBinh.status, errorBody(quangBinh).message]).toEqual([409, 'Đơn vị kế thừa từ ngày 01/07/2025 đã được xác định theo văn bản sắp xếp đơn vị hành chính, không thể thay đổi.']);
    const unit = await ended();
    const notInForce = await admin.call(unitEndpoints.setSuccessor, { params: { id: unit.id }, body: { successorId: thuDuc, reason: 'Thử sai cấp' } });
    expect(notInForce.status).toBe(400);
    expect(errorBody(notInForce).message).toMatch(/^Đơn vị kế thừa \(successorId\): /);
    const province = (await provinces('2019-01-01')).find((p) => p.code === '45');
    const officer = await buildUser(t.db, { unitId: province?.id as number, roles: ['unit_admin'] });
    const client = new TestClient(t.baseUrl);
    await client.login(officer.username, TEST_PASSWORD);
    expect((await client.call(unitEndpoints.setSuccessor, { params: { id: unit.id }, body: { successorId: unit.sibling, reason: 'Không có quyền' } })).status).toBe(403);
  });

  it('a likely successor is marked and confirmed once', async () => {
    const [vinhLoc, thuongXuan] = [await idOf('15604'), await idOf('15646')];
    const detail = await admin.call(unitEndpoints.get, { params: { id: vinhLoc }, query: { asOf: '2019-11-30' } });
    expect(detail.body.successors).toEqual([expect.objectContaining({ certainty: 'likely', confirmed: false, instrument: '786/NQ-UBTVQH14' })]);
    const confirm = () => admin.call(unitEndpoints.confirmSuccessor, { params: { id: vinhLoc, successorId: thuongXuan }, body: { reason: 'Đã đối chiếu nghị quyết 786' } });
    const first = await confirm();
    expect(first.status).toBe(200);
    expect(first.body.successors[0]).toMatchObject({ certainty: 'likely', confirmed: true });
    expect((await confirm()).status).toBe(409);
  });
});
