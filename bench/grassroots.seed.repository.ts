import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { FIELD_DAYS_BODY_TYPES } from '#contracts/grassroots/enums.ts';

/**
 * The set-based SQL of bench/grassroots.seed.ts: one statement per 2025 province and table. Values derive from
 * hashes of ids, so every seed gives the same data.
 */

type Db = Kysely<DB>;

/** The first day of the seeded year of visits and its length: 2025-12-01 … 2026-11-30. */
export const VISIT_YEAR_START = '2025-12-01';
const YEAR_DAYS = 365;

const BODY_NAMES: Record<(typeof FIELD_DAYS_BODY_TYPES)[number] | 'party_committee', string> = {
  mobilization_commission: 'Ban Dân vận',
  propaganda_mobilization_commission: 'Ban Tuyên giáo và Dân vận',
  party_building_board: 'Ban Xây dựng Đảng',
  fatherland_front: 'Ủy ban MTTQ Việt Nam',
  trade_union: 'Công đoàn',
  womens_union: 'Hội Liên hiệp Phụ nữ',
  youth_union: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  farmers_union: 'Hội Nông dân',
  veterans_association: 'Hội Cựu chiến binh',
  party_committee: 'Đảng ủy',
};
// the bodies of the measured runs in bench/RESULTS.md: the 2026 bodies (Ban Tuyên giáo và Dân vận, Ban Xây dựng
// Đảng) count the same way and would only add rows of the same shape
const TYPES = [...FIELD_DAYS_BODY_TYPES.filter((type) => type !== 'propaganda_mobilization_commission' && type !== 'party_building_board'), 'party_committee'] as const;

/** A hash of a bigint expression and a salt, ≥ 0. */
const h = (expr: ReturnType<typeof sql>, salt: number) => sql`(hashint8((${expr}) * 7919 + ${sql.lit(salt)}) & 2147483647)`;

export interface SeedProvince {
  id: number;
  code: string;
  name: string;
  path: string;
  done: boolean;
}

/** The 2025 provinces, and whether they hold visits already (the seed skips those). */
export async function listProvinces(db: Db): Promise<SeedProvince[]> {
  const rows = await sql<SeedProvince>`
    select p.id, p.code, p.name, p.path::text as path, exists (select 1 from field_visit v where v.province_id = p.id) as done
    from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code`.execute(db);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The bodies of seed 000 i7 and a Đảng ủy at every 2025 commune of the province and at the province itself. */
export async function insertBodies(db: Db, province: SeedProvince): Promise<number> {
  const names = sql.join(TYPES.map((type) => sql`(${type}, ${BODY_NAMES[type]})`));
  const result = await sql`
    insert into organization (unit_id, type, name, founded_on, updated_at)
    select u.id, t.type, t.name || ' ' || u.full_name, date '2025-07-01', now()
    from admin_unit u cross join (values ${names}) t(type, name)
    where u.structure = '2025' and u.level in ('commune', 'province') and u.path <@ ${province.path}::ltree
      and not exists (select 1 from organization o where o.unit_id = u.id and o.type = t.type)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Cadre roles from 2025-07-01 for the people of the seed (bench/seed.ts: members of a Tổ dân vận) whose village
 * lies in the province: people of a 2025 village in a body of its commune, people of a 2019 village in a body of
 * the 2025 commune that succeeded theirs; 1 % in a body of the province instead. One of the seven bodies by hash;
 * the first of each body its head. ~5 % also sit on the commune's Đảng ủy.
 */
export async function insertCadreRoles(db: Db, province: SeedProvince): Promise<number> {
  const body = sql`(array[${sql.join(FIELD_DAYS_BODY_TYPES.map((t) => sql`${t}`))}])[1 + ${h(sql`x.person_id`, 11)} % ${sql.lit(FIELD_DAYS_BODY_TYPES.length)}]`;
  const result = await sql`
    with communes as materialized (
      select c.id from admin_unit c where c.structure = '2025' and c.level = 'commune' and c.path <@ ${province.path}::ltree
    ),
    people as materialized (
      select p.id as person_id, v.parent_id as commune_id from person p join admin_unit v on v.id = p.unit_id
      where v.level = 'village' and v.parent_id in (select id from communes)
      union all
      select p.id, (select min(s.new_unit_id) from unit_succession s where s.old_unit_id = v.parent_id and s.new_unit_id in (select id from communes))
      from person p join admin_unit v on v.id = p.unit_id
      where v.level = 'village' and v.structure = '2019'
        and exists (select 1 from unit_succession s where s.old_unit_id = v.parent_id and s.new_unit_id in (select id from communes))
    ),
    placed as (
      select x.person_id, case when ${h(sql`x.person_id`, 12)} % 100 = 0 then ${province.id}::bigint else x.commune_id end as unit_id,
        ${body.as('type')}
      from people x
      where not exists (select 1 from person_role r join organization o on o.id = r.organization_id
                        where r.person_id = x.person_id and o.type <> 'village_team' and o.type <> 'party_cell')
    ),
    ranked as (
      select placed.person_id, o.id as organization_id, o.type, row_number() over (partition by o.id order by placed.person_id) as n
      from placed join organization o on o.unit_id = placed.unit_id and o.type = placed.type
    )
    insert into person_role (person_id, organization_id, title, is_head, term_from)
    select person_id, organization_id,
      case when n = 1 then case type when 'mobilization_commission' then 'Trưởng Ban' when 'youth_union' then 'Bí thư' else 'Chủ tịch' end
           when n <= 3 then case type when 'mobilization_commission' then 'Phó Trưởng Ban' when 'youth_union' then 'Phó Bí thư' else 'Phó Chủ tịch' end
           else 'Ủy viên' end,
      n = 1, date '2025-07-01'
    from ranked
    union all
    select r.person_id, pc.id, 'Đảng ủy viên', false, date '2025-07-01'
    from ranked r join organization o on o.id = r.organization_id join organization pc on pc.unit_id = o.unit_id and pc.type = 'party_committee'
    where ${h(sql`r.person_id`, 13)} % 100 < 5`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * One year of field visits (2025-12-01 … 2026-11-30) for the cadres of the seven bodies of the province. Provinces
 * differ: a share of full-time cadres of 6–18 % by province making 20–34 (+ 0–9 by province) visits a year, the
 * others 0–2. A visit lasts 1–3 days; a half first day in 1 of 4, a half last day in 1 of 5 (never
 * both on a one-day visit). Where: a village of the cadre's commune (a commune of the province for the province's
 * bodies) in 3 of 4, the commune itself otherwise. Purpose by hash among the national purposes.
 */
export async function insertVisits(db: Db, province: SeedProvince): Promise<number> {
  const ph = sql`(hashint8(${province.id}::bigint) & 2147483647)`;
  const vh = (salt: number) => sql`(hashint8(c.role_id * 131 + g.k * 7 + ${sql.lit(salt)}) & 2147483647)`;
  const len = sql`(case when ${vh(1)} % 10 < 6 then 0 when ${vh(1)} % 10 < 9 then 1 else 2 end)`;
  const startHalf = sql`(${vh(2)} % 4 = 0)`;
  const endHalf = sql`(${vh(3)} % 5 = 0 and not (${len} = 0 and ${vh(2)} % 4 = 0))`;
  const result = await sql`
    with units as materialized (
      select c.id, coalesce((select array_agg(v.id order by v.id) from admin_unit v where v.parent_id = c.id and v.level = 'village'), array[c.id]) as villages
      from admin_unit c where c.structure = '2025' and c.level = 'commune' and c.path <@ ${province.path}::ltree
    ),
    communes as materialized (select array_agg(id order by id) as ids from units),
    purposes as materialized (select array_agg(id order by sort_order, id) as ids from field_visit_purpose where province_id is null),
    c as materialized (
      select r.id as role_id, r.person_id, o.id as organization_id, o.unit_id,
        case when ${h(sql`r.person_id`, 21)} % 1000 < 60 + ${ph} % 121 then 20 + ${h(sql`r.person_id`, 22)} % 15 + ${ph} % 10
             else ${h(sql`r.person_id`, 22)} % 3 end as n
      from organization o join admin_unit u on u.id = o.unit_id join person_role r on r.organization_id = o.id
      where u.path <@ ${province.path}::ltree and u.structure = '2025' and u.level in ('commune', 'province')
        and o.type in (${sql.join(FIELD_DAYS_BODY_TYPES.map((t) => sql`${t}`))})
    ),
    v as (
      select c.role_id, c.person_id, c.organization_id, g.k,
        ${VISIT_YEAR_START}::date + ((g.k - 1) * ${sql.lit(YEAR_DAYS)}) / c.n + ${vh(4)} % greatest(1, ${sql.lit(YEAR_DAYS)} / c.n) as from_date,
        ${len} as len, ${startHalf} as start_half, ${endHalf} as end_half,
        case when c.unit_id = ${province.id}::bigint
             then (select ids[1 + ${vh(5)} % cardinality(ids)] from communes)
             else (select case when ${vh(6)} % 4 = 0 then u.id else u.villages[1 + ${vh(5)} % cardinality(u.villages)] end from units u where u.id = c.unit_id) end as unit_id,
        (select ids[1 + ${vh(7)} % cardinality(ids)] from purposes) as purpose_id
      from c cross join lateral generate_series(1, c.n) g(k)
    )
    insert into field_visit (id, province_id, unit_id, person_id, role_id, organization_id, from_date, to_date, start_half, end_half, days, purpose_id, topics, created_at)
    select (lpad(to_hex((extract(epoch from v.from_date::timestamp) * 1000)::bigint), 12, '0') || '7' || substr(md5(v.role_id || ':' || v.k), 1, 3) || '8' || substr(md5(v.role_id || ':' || v.k), 4, 15))::uuid,
      ${province.id}::bigint, v.unit_id, v.person_id, v.role_id, v.organization_id, v.from_date, v.from_date + v.len, v.start_half, v.end_half,
      v.len + 1 - case when v.start_half then 0.5 else 0 end - case when v.end_half then 0.5 else 0 end, v.purpose_id,
      case when v.k % 3 = 0 then array['livelihood'] when v.k % 7 = 0 then array['land', 'policy'] else '{}' end,
      v.from_date + time '17:30'
    from v`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function analyze(db: Db): Promise<void> {
  await sql`analyze organization, person_role, field_visit`.execute(db);
}
