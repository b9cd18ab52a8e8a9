import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { codeIndex, findLineage, findSubtreeWithPredecessors, listChildren } from './unit.repository.ts';

let handle: DatabaseHandle;
let old: Map<string, number>;
let current: Map<string, number>;
const all = { all: true } as const;
beforeAll(async () => {
  handle = await createTestDatabase();
  old = await codeIndex(handle.db, '2019');
  current = await codeIndex(handle.db, '2025');
});
afterAll(() => handle.close());

const id = (index: Map<string, number>, code: string) => {
  const value = index.get(code);
  if (value === undefined) throw new Error(`no unit ${code}`);
  return value;
};

describe('official data as loaded', () => {
  it('holds the official counts of both structures', async () => {
    const rows = await sql<{ structure: string; level: string; n: number }>`
      select structure, level, count(*)::int as n from admin_unit where code not like 'T%' group by 1, 2 order by 1, 2`.execute(handle.db);
    // the 4-level structure: the units in force on 30/6/2025 and those that ended since 2019-01-01 (issue 9; the
    // earlier parent periods of communes that changed district have no code of their own)
    expect(rows.rows).toEqual([
      { structure: '2019', level: 'commune', n: 10035 + 1133 },
      { structure: '2019', level: 'district', n: 696 + 19 },
      { structure: '2019', level: 'province', n: 63 },
      { structure: '2025', level: 'commune', n: 3321 },
      { structure: '2025', level: 'province', n: 34 },
    ]);
  });

  it('keeps the same code apart in the two structures: 00004 is Trúc Bạch before and Ba Đình after', async () => {
    const names = await handle.db
      .selectFrom('admin_unit')
      .select(['structure', 'full_name'])
      .where('code', '=', '00004')
      .orderBy('structure')
      .execute();
    expect(names).toEqual([
      { structure: '2019', full_name: 'Phường Trúc Bạch' },
      { structure: '2025', full_name: 'Phường Ba Đình' },
    ]);
  });

  it('builds ltree paths province → district → commune', async () => {
    const row = await handle.db.selectFrom('admin_unit').select('path').where('id', '=', id(old, '18796')).executeTakeFirstOrThrow();
    expect(row.path).toBe(`${id(old, '42')}.${id(old, '449')}.${id(old, '18796')}`);
  });
});

describe('lineage through the 2025 reform', () => {
  it('a split commune reaches each of its three successors, marked split', async () => {
    const lineage = await findLineage(handle.db, id(old, '18796'));
    expect(lineage.filter((entry) => entry.relation === 'successor').map((entry) => [entry.unitId, entry.kind])).toEqual(
      ['18754', '18823', '18832'].map((code) => [id(current, code), 'split']).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('a new commune reaches all its predecessors, and the district-less island đặc khu its district', async () => {
    const lineage = await findLineage(handle.db, id(current, '18754'));
    const predecessors = lineage.filter((entry) => entry.relation === 'predecessor').map((entry) => entry.unitId).sort((a, b) => a - b);
    // 18817 (Kỳ Hưng) went into 18754 on 1/1/2020 (a likely successor): the lineage is transitive through the history
    expect(predecessors).toEqual(['18754', '18796', '18811', '18820', '18817'].map((code) => id(old, code)).sort((a, b) => a - b));
    // Cồn Cỏ district (471) had no commune and became a đặc khu
    const conCo = await sql<{ new_code: string }>`
      select n.code as new_code from unit_succession s join admin_unit n on n.id = s.new_unit_id where s.old_unit_id = ${id(old, '471')}`.execute(handle.db);
    expect(conCo.rows).toHaveLength(1);
  });

  it('aggregating under the 2025 Quảng Trị reaches the old communes of both Quảng Bình and Quảng Trị', async () => {
    const ids = await findSubtreeWithPredecessors(handle.db, all, id(current, '44'), '2026-01-01');
    const oldCommunes = await handle.db
      .selectFrom('admin_unit')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('id', 'in', ids)
      .where('structure', '=', '2019')
      .where('level', '=', 'commune')
      .executeTakeFirstOrThrow();
    const expected = await handle.db
      .selectFrom('admin_unit as c')
      .innerJoin('admin_unit as d', 'd.id', 'c.parent_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('c.level', '=', 'commune')
      .where('c.structure', '=', '2019')
      .where('d.parent_id', 'in', [id(old, '44'), id(old, '45')])
      // every commune with a successor (those that ended before 2025 with an unknown successor cannot be reached)
      .where(sql<boolean>`exists (select 1 from unit_succession s where s.old_unit_id = c.id)`)
      .executeTakeFirstOrThrow();
    expect(oldCommunes.n).toBe(expected.n);
    expect(expected.n).toBeGreaterThan(200);
  });

  it('as-of dates pick the structure: 2025-06-30 still has districts, 2025-07-01 does not', async () => {
    const lastDay = await listChildren(handle.db, all, '2025-06-30', id(old, '45'));
    const firstDay = await listChildren(handle.db, all, '2025-07-01', id(old, '45'));
    expect(lastDay).toHaveLength(10);
    expect(firstDay).toHaveLength(0);
  });
});
