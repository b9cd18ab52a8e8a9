import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/**
 * Set-based SQL that fills the benchmark database: villages under the official communes, one Tổ dân vận per
 * village and its members. Every statement works on one province's subtree (INSERT … SELECT generate_series),
 * so a national run is ~100 statements of ~1,000 villages / ~6,000 people each. Synthetic values are derived
 * from hashes of ids and codes: the same data set every time.
 */

type Db = Kysely<DB>;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Hồng'];
const GIVEN_MALE = ['Anh', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Vinh'];
const GIVEN_FEMALE = ['An', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Yến'];
const MINORITIES = ['Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê'];

/** `(array['a','b'])[1 + (hash % n)]`: a deterministic pick from a constant list. */
function pick(list: string[], hash: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(array[${sql.join(list.map((item) => sql.lit(item)))}])[1 + (${hash}) % ${sql.lit(list.length)}]`;
}

/** Relative number of villages of a commune: rural xã have more; a 2025 commune merges ~3 of 2019. */
const COMMUNE_WEIGHT = sql<number>`(case when c.type in ('xã', 'đặc khu') then 1.3 else 1.0 end)
  * (case when c.structure = '2025' then 3.0 else 1.0 end)`;

/** Villages of both structures, whatever their validity. */
export async function countVillages(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from admin_unit where level = 'village'`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Sum of COMMUNE_WEIGHT over every official commune: villages per weight unit = target / this. */
export async function communeWeightSum(db: Db): Promise<number> {
  const result = await sql<{ w: number }>`select coalesce(sum(${COMMUNE_WEIGHT}), 0)::float8 as w
    from admin_unit c where c.level = 'commune'`.execute(db);
  return result.rows[0]?.w ?? 0;
}

/** Provinces of both structures, the unit of work of the seed. */
export async function listProvinces(db: Db) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'structure', 'code', 'name', 'path'])
    .where('level', '=', 'province')
    .orderBy('structure')
    .orderBy('code')
    .execute();
}

/**
 * Villages under every commune of a province that has none yet: `perWeight × weight × (0.6…1.4)` of them
 * (at least 2), named 1…n, typed by region (bản in the northern mountains, buôn in the Central Highlands, ấp in
 * the South, tổ dân phố / khu phố in phường and thị trấn), valid over the commune's own validity. Ids are
 * taken from the identity sequence up front so the ltree path is written once, as insertUnits would leave it.
 */
export async function insertVillages(db: Db, provincePath: string, perWeight: number): Promise<number> {
  const communeHash = sql`(hashtext(c.structure || ':' || c.code) & 2147483647)`;
  const result = await sql`
    insert into admin_unit (id, structure, code, name, full_name, level, type, parent_id, path, valid_from, valid_to)
    overriding system value
    select s.id, s.structure, null, s.n::text, upper(left(s.vtype, 1)) || substr(s.vtype, 2) || ' ' || s.n,
           'village', s.vtype, s.commune_id, s.commune_path || s.id::text, s.valid_from, s.valid_to
    from (
      select nextval(pg_get_serial_sequence('admin_unit', 'id')) as id, c.id as commune_id, c.path as commune_path,
             c.structure, c.valid_from, c.valid_to, g.n,
             case
               when c.type in ('phường', 'thị trấn') then case when p.code::int >= 70 then 'khu phố' else 'tổ dân phố' end
               when p.code::int between 2 and 20 and ${communeHash} % 2 = 0 then 'bản'
               when p.code::int between 62 and 68 and ${communeHash} % 3 = 0 then 'buôn'
               when p.code::int >= 70 then 'ấp'
               else 'thôn'
             end as vtype
      from admin_unit c
      join admin_unit p on p.id = ltree2text(subpath(c.path, 0, 1))::bigint
      cross join lateral generate_series(1, greatest(2,
        round(${perWeight}::float8 * ${COMMUNE_WEIGHT} * (0.6 + 0.8 * (${communeHash} % 1000) / 1000.0)))::int) g(n)
      where c.level = 'commune' and c.path <@ ${provincePath}::ltree
        and not exists (select 1 from admin_unit v where v.parent_id = c.id and v.level = 'village')
    ) s`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** One Tổ dân vận (organization type 'village_team') per village of the province that has none. */
export async function insertVillageTeams(db: Db, provincePath: string): Promise<number> {
  const result = await sql`
    insert into organization (unit_id, type, name, founded_on, dissolved_on, updated_at)
    select v.id, 'village_team', 'Tổ dân vận ' || v.type || ' ' || v.name,
           coalesce(v.valid_from, date '2015-01-01'), v.valid_to, now()
    from admin_unit v
    where v.level = 'village' and v.path <@ ${provincePath}::ltree
      and not exists (select 1 from organization o where o.unit_id = v.id and o.type = 'village_team')`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * 5–7 people per village team of the province that has no members yet, registered in the village, each with
 * a role for the village's term: Tổ trưởng (head), Tổ phó, then Tổ viên. One statement: the people are
 * inserted by a data-modifying CTE, their roles by the main INSERT.
 */
export async function insertTeamMembers(db: Db, provincePath: string): Promise<number> {
  const h = (salt: number) => sql`(hashint8(s.person_id * 7919 + ${sql.lit(salt)}) & 2147483647)`;
  const female = sql`(${h(1)} % 2 = 0)`;
  const result = await sql`
    with s as materialized (
      select nextval(pg_get_serial_sequence('person', 'id')) as person_id, o.id as org_id, o.unit_id, g.k,
             -- since 2020, or since 2019 for a village whose commune ended on 31/12/2019 (the 2019–2025 history)
             case when v.valid_from is null and v.valid_to < date '2020-01-01' then date '2019-01-01'
                  else coalesce(v.valid_from, date '2020-01-01') end as term_from, v.valid_to as term_to
      from organization o
      join admin_unit v on v.id = o.unit_id
      cross join lateral generate_series(1, 5 + (hashint8(o.unit_id) & 2147483647) % 3) g(k)
      where o.type = 'village_team' and v.path <@ ${provincePath}::ltree
        and not exists (select 1 from person_role r where r.organization_id = o.id)
    ),
    people as (
      insert into person (id, unit_id, full_name, gender, birth_year, phone, ethnicity, religion, updated_at)
      overriding system value
      select s.person_id, s.unit_id,
             ${pick(SURNAMES, h(2))} || ' '
               || case when ${female} then ${pick(MIDDLE_FEMALE, h(3))} || ' ' || ${pick(GIVEN_FEMALE, h(4))}
                  else ${pick(MIDDLE_MALE, h(3))} || ' ' || ${pick(GIVEN_MALE, h(4))} end,
             case when ${female} then 'female' else 'male' end,
             1950 + ${h(5)} % 50,
             '09' || lpad((${h(6)} % 100000000)::text, 8, '0'),
             case when ${h(7)} % 100 < 85 then 'Kinh' else ${pick(MINORITIES, h(8))} end,
             case when ${h(9)} % 100 < 70 then null when ${h(9)} % 100 < 85 then 'Phật giáo'
                  when ${h(9)} % 100 < 93 then 'Công giáo' when ${h(9)} % 100 < 96 then 'Cao Đài' else 'Tin Lành' end,
             now()
      from s
      returning id
    )
    insert into person_role (person_id, organization_id, title, is_head, term_from, term_to)
    select s.person_id, s.org_id, case s.k when 1 then 'Tổ trưởng' when 2 then 'Tổ phó' else 'Tổ viên' end,
           s.k = 1, s.term_from, s.term_to
    from s`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Row counts of what the seed produces, for the summary line. */
export async function seedCounts(db: Db) {
  const result = await sql<{ units: number; villages: number; teams: number; people: number; roles: number }>`
    select (select count(*)::int from admin_unit where level <> 'village') as units,
           (select count(*)::int from admin_unit where level = 'village') as villages,
           (select count(*)::int from organization where type = 'village_team') as teams,
           (select count(*)::int from person) as people,
           (select count(*)::int from person_role) as roles`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('no counts');
  return row;
}

/** Refreshes planner statistics after the bulk load (the benchmark plans depend on them). */
export async function analyzeAll(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
