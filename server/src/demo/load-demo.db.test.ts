import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '#server/db/database.ts';
import { verifyPassword } from '#server/modules/auth/password.ts';
import { clock } from '#server/shared/clock.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { SERVER_MODULES } from '#server/modules/registry.ts';
import { insertUnits } from '#server/modules/units/unit.repository.ts';
import type { ServerModule } from '#server/shared/module.ts';
import { appliedDemoSteps } from './demo.repository.ts';
import { loadDemo, type DemoLoad } from './load-demo.ts';

/** Villages of the Quảng Bình part of province 44 (step quang-binh; fixed by the seed). */
const QB_VILLAGES = 885;

let handle: DatabaseHandle;
let db: Database;
let first: DemoLoad;
let seconds: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const started = performance.now();
  first = await loadDemo(db);
  seconds = (performance.now() - started) / 1000;
}, 120_000);
afterAll(() => handle.close());

/** Units of a level under an official unit, valid on a date. */
async function countUnder(structure: '2019' | '2025', code: string, level: string, asOf: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from admin_unit u, (select path from admin_unit where structure = ${structure} and code = ${code}) root
    where u.path <@ root.path and u.level = ${level}
      and (u.valid_from is null or u.valid_from <= ${asOf}::date) and (u.valid_to is null or u.valid_to >= ${asOf}::date)`.execute(db);
  return result.rows[0]?.n ?? -1;
}

async function tableCounts() {
  const result = await sql<Record<string, number>>`select
    (select count(*)::int from admin_unit) as units, (select count(*)::int from unit_succession) as successions,
    (select count(*)::int from organization) as organizations, (select count(*)::int from person) as people,
    (select count(*)::int from person_role) as roles, (select count(*)::int from app_user) as users`.execute(db);
  return result.rows[0];
}

describe('the demo province (Quảng Trị)', () => {
  // how long it takes is printed, not asserted: a timed test fails on a busy machine, not on slow code (the start
  // log prints each step's time, and the indicators step states its own)
  it('loads every step the first time', () => {
    expect(first.loaded).toBe(true);
    expect(first.summary).toContain('1113 villages');
    console.log(`demo loaded in ${seconds.toFixed(1)} s`);
  });

  it('has 10 districts and 141 communes under province 45 on 2019-01-01 (seed 001), 125 on 2020-06-01, 119 on 2025-03-01', async () => {
    expect(await countUnder('2019', '45', 'district', '2019-01-01')).toBe(10);
    expect(await Promise.all(['2019-01-01', '2020-06-01', '2025-03-01'].map((day) => countUnder('2019', '45', 'commune', day)))).toEqual([141, 125, 119]);
  });

  it('has exactly 1,113 villages under 45 in 2020 and 1,113 + the Quảng Bình side under the 2025 province 44 today', async () => {
    expect(await countUnder('2019', '45', 'village', '2020-01-01')).toBe(1113);
    expect(await countUnder('2025', '44', 'village', clock.today())).toBe(1113 + QB_VILLAGES);
    expect(await countUnder('2019', '45', 'village', clock.today())).toBe(0);
  });

  it('links every 2019 village to one 2025 village under a successor of its commune', async () => {
    const result = await sql<{ villages: number; linked: number; wrong: number }>`
      select count(distinct old.id)::int as villages, count(s.new_unit_id)::int as linked,
        count(*) filter (where not exists (select 1 from unit_succession cs
          where cs.old_unit_id = old.parent_id and cs.new_unit_id = new.parent_id))::int as wrong
      from admin_unit old
      join unit_succession s on s.old_unit_id = old.id
      join admin_unit new on new.id = s.new_unit_id
      where old.level = 'village' and old.structure = '2019' and s.effective_date = '2025-07-01'`.execute(db);
    expect(result.rows[0]).toEqual({ villages: 1113, linked: 1113, wrong: 0 });
  });

  it('is seed 001 on 14/12/2018: 1,113 villages, each with its Tổ dân vận, in 141 communes of 10 districts', async () => {
    const result = await sql<{ villages: number; communes: number; districts: number; districts_with_communes: number; teams: number }>`
      with v as (
        select v.id, v.parent_id from admin_unit v, (select path from admin_unit where structure = '2019' and code = '45') root
        where v.path <@ root.path and v.level = 'village'
          and (v.valid_from is null or v.valid_from <= '2018-12-14') and v.valid_to >= '2018-12-14')
      select count(*)::int as villages, count(distinct v.parent_id)::int as communes,
        (select count(*)::int from admin_unit d, (select path from admin_unit where structure = '2019' and code = '45') root
          where d.path <@ root.path and d.level = 'district' and d.valid_to >= '2018-12-14') as districts,
        count(distinct c.parent_id)::int as districts_with_communes,
        (select count(*)::int from organization o join v on v.id = o.unit_id
          where o.type = 'village_team' and o.founded_on <= '2018-12-14' and (o.dissolved_on is null or o.dissolved_on > '2018-12-14')) as teams
      from v join admin_unit c on c.id = v.parent_id
      where c.level = 'commune' and (c.valid_from is null or c.valid_from <= '2018-12-14') and c.valid_to >= '2018-12-14'`.execute(db);
    // Cồn Cỏ, the island district, has no commune
    expect(result.rows[0]).toEqual({ villages: 1113, communes: 141, districts: 10, districts_with_communes: 9, teams: 1113 });
  });

  it('moves the villages of a commune merged or divided before the reform to the communes named in the evidence, with their people', async () => {
    /** The commune (by code) a village of this name lay in on a day, under old Quảng Trị. */
    const communeOf = async (village: string, day: string) => {
      const rows = await sql<{ code: string }>`
        select c.code from admin_unit v join admin_unit c on c.id = v.parent_id, (select path from admin_unit where structure = '2019' and code = '45') root
        where v.path <@ root.path and v.level = 'village' and v.name = ${village}
          and (v.valid_from is null or v.valid_from <= ${day}::date) and v.valid_to >= ${day}::date`.execute(db);
      return rows.rows.map((row) => row.code);
    };
    // Gio Thành (19528) divided on 1/1/2020 (832/NQ-UBTVQH14): Nhĩ Trung to Gio Hải, Tân Minh to Gio Mai
    expect([await communeOf('Nhĩ Trung', '2019-06-01'), await communeOf('Nhĩ Trung', '2020-06-01')]).toEqual([['19528'], ['19519']]);
    expect([await communeOf('Tân Minh', '2019-06-01'), await communeOf('Tân Minh', '2020-06-01')]).toEqual([['19528'], ['19543']]);
    // Gio Châu (19525) divided on 1/1/2025 (1281/NQ-UBTVQH15): Hà Thanh to Gio Quang
    expect([await communeOf('Hà Thanh', '2024-06-01'), await communeOf('Hà Thanh', '2025-03-01')]).toEqual([['19525'], ['19552']]);
    // the same people lead the Tổ dân vận of Hà Thanh before and after: the team's roles are cut at the change
    const heads = await sql<{ day: string; person_id: number; commune: string }>`
      select d.day, r.person_id, c.code as commune
      from (values ('2024-06-01'::date), ('2025-03-01'::date)) as d(day)
      join admin_unit v on v.name = 'Hà Thanh' and v.level = 'village' and (v.valid_from is null or v.valid_from <= d.day) and v.valid_to >= d.day
      join admin_unit c on c.id = v.parent_id and c.code in ('19525', '19552')
      join organization o on o.unit_id = v.id and o.type = 'village_team'
      join person_role r on r.organization_id = o.id and r.is_head and r.term_from <= d.day and (r.term_to is null or r.term_to >= d.day)
      order by d.day`.execute(db);
    expect(heads.rows.map((row) => row.commune)).toEqual(['19525', '19552']);
    expect(heads.rows[0]?.person_id).toBe(heads.rows[1]?.person_id);
    // a commune merged on 1/1/2020 (Vĩnh Kim into Kim Thạch): its villages are under Kim Thạch from that day, 'moved'
    const moved = await sql<{ villages: number; to_kim_thach: number }>`
      select count(*)::int as villages, count(*) filter (where nc.code = '19384')::int as to_kim_thach
      from admin_unit v join admin_unit c on c.id = v.parent_id and c.code = '19381'
      join unit_succession s on s.old_unit_id = v.id and s.kind = 'moved' and s.effective_date = '2020-01-01'
      join admin_unit n on n.id = s.new_unit_id join admin_unit nc on nc.id = n.parent_id
      where v.level = 'village'`.execute(db);
    expect(moved.rows[0]?.villages).toBeGreaterThan(3);
    expect(moved.rows[0]?.to_kim_thach).toBe(moved.rows[0]?.villages);
  });

  it('gives every 2019 commune that reached the reform one Khối dân vận with 9–11 members on 2024-01-01', async () => {
    const result = await sql<{ commune: string; blocs: number; members: number }>`
      select c.full_name as commune, count(distinct o.id)::int as blocs, count(r.id)::int as members
      from admin_unit c
      join admin_unit d on d.id = c.parent_id
      join admin_unit p on p.id = d.parent_id and p.structure = '2019' and p.code = '45'
      left join organization o on o.unit_id = c.id and o.type = 'commune_bloc'
      left join person_role r on r.organization_id = o.id
        and r.term_from <= '2024-01-01' and (r.term_to is null or r.term_to >= '2024-01-01')
      where c.level = 'commune' and c.valid_to = '2025-06-30'
      group by c.id, c.full_name`.execute(db);
    expect(result.rows).toHaveLength(119);
    for (const row of result.rows) {
      expect(row.blocs, row.commune).toBe(1);
      expect(row.members, row.commune).toBeGreaterThanOrEqual(9);
      expect(row.members, row.commune).toBeLessThanOrEqual(11);
    }
  });

  it('gives every village one Tổ dân vận of 5–7 people, in both structures (2019 on 2024-01-01, 2025 today)', async () => {
    const today = clock.today();
    const result = await sql<{ structure: string; villages: number; teams: number; min: number; max: number }>`
      select v.structure, count(distinct v.id)::int as villages, count(distinct o.id)::int as teams,
        min(m.n)::int as min, max(m.n)::int as max
      from (values ('2019', '2024-01-01'::date), ('2025', ${today}::date)) as on_day(structure, d)
      join admin_unit v on v.structure = on_day.structure and v.level = 'village'
        and (v.valid_from is null or v.valid_from <= on_day.d) and (v.valid_to is null or v.valid_to >= on_day.d)
      left join organization o on o.unit_id = v.id and o.type = 'village_team'
      left join lateral (
        select count(*) as n from person_role r
        where r.organization_id = o.id and r.term_from <= on_day.d and (r.term_to is null or r.term_to >= on_day.d)) m on true
      group by v.structure order by v.structure`.execute(db);
    expect(result.rows).toEqual([
      { structure: '2019', villages: 1113, teams: 1113, min: 5, max: 7 },
      { structure: '2025', villages: 1113 + QB_VILLAGES, teams: 1113 + QB_VILLAGES, min: 5, max: 7 },
    ]);
  });

  it('has people holding roles in two organisations at once (cell secretary and village team leader)', async () => {
    const result = await sql<{ n: number }>`
      select count(distinct a.person_id)::int as n from person_role a
      join person_role b on b.person_id = a.person_id and b.organization_id <> a.organization_id
      where a.term_from <= coalesce(b.term_to, 'infinity') and b.term_from <= coalesce(a.term_to, 'infinity')`.execute(db);
    expect(result.rows[0]?.n).toBeGreaterThan(1000);
  });

  it('carries village teams over the reform: the 2025 team is the same people, from 2025-07-01', async () => {
    const result = await sql<{ differing: number }>`
      select count(*)::int as differing from unit_succession s
      join admin_unit old on old.id = s.old_unit_id and old.level = 'village'
      join organization ot on ot.unit_id = s.old_unit_id and ot.type = 'village_team'
      join organization nt on nt.unit_id = s.new_unit_id and nt.type = 'village_team'
      where (select array_agg(person_id order by person_id) from person_role where organization_id = ot.id and term_to = '2025-06-30')
        is distinct from (select array_agg(person_id order by person_id) from person_role where organization_id = nt.id and term_from = '2025-07-01')`.execute(db);
    expect(result.rows[0]?.differing).toBe(0);
  });

  it('can find every demo account, attached where DEMO_ACCOUNTS says, with the demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db
        .selectFrom('app_user as a')
        .leftJoin('admin_unit as u', 'u.id', 'a.unit_id')
        .select(['a.password_hash', 'a.roles', 'a.organization_id', 'a.must_change_password', 'a.full_name', 'u.full_name as unit_name', 'u.structure'])
        .where('a.username', '=', account.username)
        .executeTakeFirst();
      expect(user, account.username).toBeDefined();
      if (!user) continue;
      expect(user.unit_name).toBe(account.unitName);
      if (account.unitName) expect(user.structure).toBe(account.legacy ? '2019' : '2025');
      expect([...user.roles].sort()).toEqual([...account.roles].sort());
      expect(user.organization_id === null).toBe(account.home.level === 'country');
      expect(user.must_change_password).toBe(false);
      expect(user.full_name.length).toBeGreaterThan(3);
      expect(await verifyPassword(user.password_hash, account.password)).toBe(true);
    }
  });

  it('does nothing the second time', async () => {
    const before = await tableCounts();
    expect(await loadDemo(db)).toEqual({ loaded: false, applied: [], summary: 'demo already loaded' });
    expect(await tableCounts()).toEqual(before);
  });

  it('A2 demo: the Quảng Bình part of province 44 has villages, organisations and people, so the merged province is whole', async () => {
    const result = await sql<{ communes: number; with_villages: number; villages: number; teams: number; blocs: number }>`
      select count(*)::int as communes,
        count(*) filter (where exists (select 1 from admin_unit v where v.parent_id = c.id))::int as with_villages,
        (select count(*)::int from admin_unit v join admin_unit p on p.id = v.parent_id
          where p.parent_id = c.parent_id and v.level = 'village') as villages,
        (select count(*)::int from organization o join admin_unit v on v.id = o.unit_id join admin_unit p on p.id = v.parent_id
          where p.parent_id = c.parent_id and o.type = 'village_team') as teams,
        (select count(*)::int from organization o join admin_unit p on p.id = o.unit_id
          where p.parent_id = c.parent_id and o.type = 'commune_bloc') as blocs
      from admin_unit c join admin_unit p on p.id = c.parent_id
      where p.structure = '2025' and p.code = '44' and c.level = 'commune'
      group by c.parent_id`.execute(db);
    expect(result.rows).toEqual([{ communes: 78, with_villages: 78, villages: QB_VILLAGES + 1113, teams: QB_VILLAGES + 1113, blocs: 78 }]);
    expect(first.summary).toContain(`province-44-whole v1: rest of province 44 (Quảng Bình side, Cồn Cỏ): 42 communes, ${QB_VILLAGES} villages`);
  });

  it('A2 demo: accounts of today sit on 2025 units of province 44 and see both old provinces; one legacy account', async () => {
    const rows = await sql<{ username: string; structure: string | null; roots: number }>`
      select a.username, u.structure, coalesce(cardinality(unit_scope_paths(a.unit_id)), 0)::int as roots
      from app_user a left join admin_unit u on u.id = a.unit_id order by a.username`.execute(db);
    expect(rows.rows).toEqual([
      { username: 'admin', structure: null, roots: 0 },
      { username: 'lanhdao.qt', structure: '2025', roots: 3 },
      { username: 'thon.phu-hung.hai-lang', structure: '2025', roots: 2 },
      { username: 'tinh.qt', structure: '2025', roots: 3 },
      { username: 'xa.hai-lang', structure: '2025', roots: 4 },
      { username: 'xa.hai-phu', structure: '2019', roots: 1 },
      { username: 'xa.ta-rut', structure: '2025', roots: 4 },
    ]);
    expect(DEMO_ACCOUNTS.filter((account) => account.legacy).map((account) => account.username)).toEqual(['xa.hai-phu']);
  });

  it('is deterministic: another database gets the same villages, people and roles', async () => {
    const fingerprint = async (target: Database) => {
      const result = await sql<{ units: string; people: string; roles: string }>`select
        (select md5(string_agg(full_name || type, ',' order by id)) from admin_unit where level = 'village') as units,
        (select md5(string_agg(concat_ws('|', full_name, gender, birth_year, phone, ethnicity, religion), ',' order by id)) from person) as people,
        (select md5(string_agg(concat_ws('|', title, is_head, term_from, term_to), ',' order by id)) from person_role) as roles`.execute(target);
      return result.rows[0];
    };
    const other = await createTestDatabase();
    try {
      expect((await loadDemo(other.db)).loaded).toBe(true);
      expect(await fingerprint(other.db)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
    }
  }, 120_000);
  it('B8 demo steps: records each step once, and a step added later runs alone on the next load', async () => {
    expect(first.applied).toEqual(['foundation@1', 'province-44-whole@1', 'indicators.demo@1', 'indicators.derived-demo@1', 'programmes.demo@1', 'petitions.demo@1', 'reception.demo@1', 'emulation.demo@1', 'emulation.commitments-demo@1', 'surveys.demo@1', 'grassroots.demo@1', 'grassroots.briefings@1', 'training.demo@1', 'sentiment.demo@1']);
    expect((await appliedDemoSteps(db)).map((step) => `${step.name}@${step.version}`)).toEqual(['foundation@1', 'province-44-whole@1', 'indicators.demo@1', 'indicators.derived-demo@1', 'programmes.demo@1', 'petitions.demo@1', 'reception.demo@1', 'emulation.demo@1', 'emulation.commitments-demo@1', 'surveys.demo@1', 'grassroots.demo@1', 'grassroots.briefings@1', 'training.demo@1', 'sentiment.demo@1']);
    const before = await tableCounts();
    const ran: string[] = [];
    const later: ServerModule = {
      name: 'later',
      registerRoutes: () => undefined,
      demoSteps: [
        {
          name: 'later-villages',
          version: 1,
          run: async (trx, context) => {
            ran.push(context.today);
            const commune = await trx.selectFrom('admin_unit').select('id').where('structure', '=', '2025').where('code', '=', '19702').executeTakeFirstOrThrow();
            await insertUnits(trx, [
              { structure: '2025', code: null, name: 'Mới Lập', full_name: 'Thôn Mới Lập', level: 'village', type: 'thôn', parent_id: commune.id, valid_from: context.today, valid_to: null },
            ]);
            return 'one village';
          },
        },
      ],
    };
    const second = await loadDemo(db, [...SERVER_MODULES, later]);
    expect(second.applied).toEqual(['later-villages@1']);
    expect(ran).toEqual([clock.today()]);
    expect(await tableCounts()).toEqual({ ...before, units: (before?.units as number) + 1 });
    expect((await loadDemo(db, [...SERVER_MODULES, later])).applied).toEqual([]);
    expect(ran).toHaveLength(1);
    // a step that fails leaves neither its rows nor its record, and is tried again next time
    const failing: ServerModule = {
      name: 'failing',
      registerRoutes: () => undefined,
      demoSteps: [
        {
          name: 'failing',
          version: 1,
          run: async (trx) => {
            await trx.deleteFrom('app_session').execute();
            throw new Error('demo step failed');
          },
        },
      ],
    };
    await expect(loadDemo(db, [failing])).rejects.toThrow('demo step failed');
    expect((await appliedDemoSteps(db)).map((step) => step.name)).toEqual(['foundation', 'province-44-whole', 'indicators.demo', 'indicators.derived-demo', 'programmes.demo', 'petitions.demo', 'reception.demo', 'emulation.demo', 'emulation.commitments-demo', 'surveys.demo', 'grassroots.demo', 'grassroots.briefings', 'training.demo', 'sentiment.demo', 'later-villages']);
  });
});
