import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { buildProvince, buildUser } from '#test/factories.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { rebuildTotals } from './totals.repository.ts';
import { storeValues, type ValueWrite } from './value-store.ts';

let handle: DatabaseHandle;
let userId: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  userId = (await buildUser(handle.db, { unitId: null, roles: ['system_admin'] })).id;
});
afterAll(() => handle.close());

const write = (unitId: number, element: { id: number; cocId: number }, num: number | null, period = '202503'): ValueWrite => ({
  writeId: uuidv7(),
  unitId,
  period,
  dataElementId: element.id,
  cocId: element.cocId,
  num,
  txt: null,
});

async function total(view: 'entered' | 'current', unitId: number, elementId: number, period = '202503') {
  const row = await handle.db
    .selectFrom('data_total')
    .select(['sum', 'apportioned', 'n_values'])
    .where('view', '=', view)
    .where('unit_id', '=', unitId)
    .where('data_element_id', '=', elementId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row ? { sum: Number(row.sum), apportioned: Number(row.apportioned), n: row.n_values } : null;
}

async function snapshot(provinceId: number) {
  const rows = await sql<{ key: string; sum: string; apportioned: string; n: number }>`
    select concat_ws('|', view, unit_id, period, data_element_id, coc_id) as key, round(sum, 6)::text as sum,
           round(apportioned, 6)::text as apportioned, n_values as n
    from data_total where province_id = ${provinceId} and (sum <> 0 or n_values <> 0) order by 1`.execute(handle.db);
  return rows.rows;
}

describe('storeValues: the one write path', () => {
  it('adds a value to the village, its commune and its province, and a change moves every total by the difference', async () => {
    const p = await buildProvince(handle.db, { communes: 2, villagesPerCommune: 2 });
    const ds = await buildDataSet(handle.db, p.provinceId, { level: 'village' });
    const [e] = ds.elements as unknown as [{ id: number; cocId: number }];
    const [v1, v2, v3] = p.villageIds as [number, number, number];
    await handle.db.transaction().execute((trx) => storeValues(trx, [write(v1, e, 4), write(v2, e, 6), write(v3, e, 10)], { userId, source: 'form' }));
    expect(await total('entered', p.communeIds[0] as number, e.id)).toEqual({ sum: 10, apportioned: 0, n: 2 });
    expect(await total('entered', p.provinceId, e.id)).toEqual({ sum: 20, apportioned: 0, n: 3 });
    expect(await total('current', p.provinceId, e.id)).toEqual({ sum: 20, apportioned: 0, n: 3 });
    const results = await handle.db.transaction().execute((trx) => storeValues(trx, [write(v1, e, 1), write(v3, e, null)], { userId, source: 'form' }));
    expect(results.map((r) => [r.status, r.version])).toEqual([['updated', 2], ['deleted', 2]]);
    expect(await total('entered', p.communeIds[0] as number, e.id)).toEqual({ sum: 7, apportioned: 0, n: 2 });
    expect(await total('entered', p.provinceId, e.id)).toEqual({ sum: 7, apportioned: 0, n: 2 });
  });

  it('keeps every previous value with who changed it: nothing is overwritten silently', async () => {
    const p = await buildProvince(handle.db, { communes: 1 });
    const ds = await buildDataSet(handle.db, p.provinceId);
    const e = ds.elements[0] as { id: number; cocId: number };
    const c = p.communeIds[0] as number;
    for (const n of [3, 5, 8]) await handle.db.transaction().execute((trx) => storeValues(trx, [write(c, e, n)], { userId, source: 'form' }));
    const changes = await sql<{ version: number; old_num: string | null; new_num: string; changed_by: number }>`
      select c.version, c.old_num::text, c.new_num::text, c.changed_by from data_value_change c join data_value v on v.id = c.data_value_id and v.province_id = c.province_id
      where v.unit_id = ${c} and v.data_element_id = ${e.id} order by c.version`.execute(handle.db);
    expect(changes.rows).toEqual([
      { version: 1, old_num: null, new_num: '3', changed_by: userId },
      { version: 2, old_num: '3', new_num: '5', changed_by: userId },
      { version: 3, old_num: '5', new_num: '8', changed_by: userId },
    ]);
  });

  it('stores a key written twice in one batch once, in its last state, with a change row per write', async () => {
    const p = await buildProvince(handle.db, { communes: 1 });
    const ds = await buildDataSet(handle.db, p.provinceId);
    const e = ds.elements[0] as { id: number; cocId: number };
    const c = p.communeIds[0] as number;
    const results = await handle.db.transaction().execute((trx) => storeValues(trx, [write(c, e, 4), write(c, e, 9)], { userId, source: 'excel' }));
    expect(results.map((r) => [r.status, r.version])).toEqual([['created', 1], ['updated', 2]]);
    const stored = await handle.db.selectFrom('data_value').select(['id', 'num', 'version']).where('unit_id', '=', c).where('data_element_id', '=', e.id).execute();
    expect(stored.map((row) => [Number(row.num), row.version])).toEqual([[9, 2]]);
    const changes = await sql<{ version: number; old_num: string | null; new_num: string }>`
      select version, old_num::text, new_num::text from data_value_change where data_value_id = ${stored[0]?.id} order by version`.execute(handle.db);
    expect(changes.rows).toEqual([
      { version: 1, old_num: null, new_num: '4' },
      { version: 2, old_num: '4', new_num: '9' },
    ]);
    expect(await total('entered', p.provinceId, e.id)).toEqual({ sum: 9, apportioned: 0, n: 1 });
    expect(await total('current', c, e.id)).toEqual({ sum: 9, apportioned: 0, n: 1 });
  });

  it('stores a write sent twice once: same write id → one change row, one delta in the totals', async () => {
    const p = await buildProvince(handle.db, { communes: 1 });
    const ds = await buildDataSet(handle.db, p.provinceId);
    const e = ds.elements[0] as { id: number; cocId: number };
    const w = write(p.communeIds[0] as number, e, 12);
    await handle.db.transaction().execute((trx) => storeValues(trx, [w], { userId, source: 'form' }));
    const again = await handle.db.transaction().execute((trx) => storeValues(trx, [w], { userId, source: 'form' }));
    expect(again[0]?.status).toBe('duplicate');
    const count = await sql<{ n: number }>`select count(*)::int as n from data_value_change where id = ${w.writeId}`.execute(handle.db);
    expect(count.rows[0]?.n).toBe(1);
    expect(await total('entered', p.provinceId, e.id)).toEqual({ sum: 12, apportioned: 0, n: 1 });
  });

  it('does not total text or percentage values', async () => {
    const p = await buildProvince(handle.db, { communes: 1 });
    const ds = await buildDataSet(handle.db, p.provinceId, { elements: [{ valueType: 'percentage' }, { valueType: 'text' }] });
    const [pct, text] = ds.elements as unknown as [{ id: number; cocId: number }, { id: number; cocId: number }];
    const c = p.communeIds[0] as number;
    await handle.db.transaction().execute((trx) => storeValues(trx, [write(c, pct, 85.5), { ...write(c, text, null), txt: 'Ổn định' }], { userId, source: 'form' }));
    expect(await total('entered', p.provinceId, pct.id)).toBeNull();
    const stored = await handle.db.selectFrom('data_value').select(['txt']).where('data_element_id', '=', text.id).executeTakeFirstOrThrow();
    expect(stored.txt).toBe('Ổn định');
  });
});

describe('aggregation across the 2025 reform', () => {
  it('adds a merged 2019 commune under its 2025 successor and splits a divided one by equal shares, marked apportioned', async () => {
    const merged = await sql<{ old_unit_id: number; new_unit_id: number }>`
      select s.old_unit_id, s.new_unit_id from unit_succession s join admin_unit o on o.id = s.old_unit_id
      where o.level = 'commune' and s.kind = 'merged'
        and not exists (select 1 from unit_succession x where x.old_unit_id = s.old_unit_id and x.new_unit_id <> s.new_unit_id)
      order by s.old_unit_id limit 1`.execute(handle.db);
    const split = await sql<{ old_unit_id: number; n: number }>`
      select s.old_unit_id, count(*)::int as n from unit_succession s join admin_unit o on o.id = s.old_unit_id
      where o.level = 'commune' and s.kind = 'split' group by 1 having count(*) = 2 order by 1 limit 1`.execute(handle.db);
    const m = merged.rows[0] as { old_unit_id: number; new_unit_id: number };
    const s = split.rows[0] as { old_unit_id: number };
    const owner = (await sql<{ id: number }>`select unit_province_id(${m.old_unit_id}) as id`.execute(handle.db)).rows[0]?.id as number;
    const ds = await buildDataSet(handle.db, owner);
    const e = ds.elements[0] as { id: number; cocId: number };
    await handle.db.transaction().execute((trx) =>
      storeValues(trx, [write(Number(m.old_unit_id), e, 30, '202401'), write(Number(s.old_unit_id), e, 9, '202401')], { userId, source: 'form' }),
    );
    expect(await total('current', Number(m.new_unit_id), e.id, '202401')).toEqual({ sum: 30, apportioned: 0, n: 1 });
    expect(await total('entered', Number(m.old_unit_id), e.id, '202401')).toEqual({ sum: 30, apportioned: 0, n: 1 });
    const successors = await handle.db.selectFrom('unit_succession').select('new_unit_id').where('old_unit_id', '=', Number(s.old_unit_id)).execute();
    for (const successor of successors) {
      expect(await total('current', successor.new_unit_id, e.id, '202401')).toEqual({ sum: 4.5, apportioned: 4.5, n: 1 });
    }
  });

  it('keeps the totals maintained on write equal to the totals rebuilt from the values', async () => {
    const p = await buildProvince(handle.db, { communes: 3, villagesPerCommune: 3 });
    const ds = await buildDataSet(handle.db, p.provinceId, { level: 'village' });
    const [a, b] = ds.elements as unknown as [{ id: number; cocId: number }, { id: number; cocId: number }];
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) % 50;
    for (let round = 0; round < 4; round++) {
      const writes = p.villageIds.flatMap((v) => [write(v, a, rnd() === 0 ? null : rnd()), write(v, b, rnd(), round % 2 ? '202504' : '202503')]);
      await handle.db.transaction().execute((trx) => storeValues(trx, writes, { userId, source: 'form' }));
    }
    const incremental = await snapshot(p.provinceId);
    await handle.db.transaction().execute((trx) => rebuildTotals(trx, p.provinceId));
    expect(await snapshot(p.provinceId)).toEqual(incremental);
    expect(incremental.length).toBeGreaterThan(20);
  });
});
