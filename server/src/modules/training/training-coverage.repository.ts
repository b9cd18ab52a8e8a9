import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { GRASSROOTS_CADRE_TYPES, MOBILISATION_ORG_TYPES, UPPER_CADRE_TYPES, type TTrainingGroup, type TTrainingWindow, shiftDate } from '#contracts/training/rules.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope } from '#server/shared/scope.ts';

/**
 * Coverage of a group of roles (contracts/src/training/rules.ts says the same rules in TypeScript; the rules test
 * checks both against each other). A holder is a person with a role of the group current on `asOf` in an
 * organisation existing that day; they count once, in the commune holding that organisation's unit (or that unit
 * itself above communes), by their latest role.
 */

/** The role `r` in organisation `o` of unit `u` belongs to the group. */
export function groupCondition(group: TTrainingGroup, o: string, r: string, u: string): RawBuilder<SqlBool> {
  const type = sql.ref(`${o}.type`);
  const level = sql.ref(`${u}.level`);
  switch (group) {
    case 'mobilisation_cadre':
      return sql<SqlBool>`${type} in (${sql.join(MOBILISATION_ORG_TYPES.map((t) => sql.lit(t)))}) and ${level} <> 'village'`;
    case 'cell_secretary_village_head':
      return sql<SqlBool>`${type} = 'party_cell' and fold_vi(${sql.ref(`${r}.title`)}) ~ '^bi thu chi bo.*kiem truong'`;
    case 'upper_cadre':
      return sql<SqlBool>`${type} in (${sql.join(UPPER_CADRE_TYPES.map((t) => sql.lit(t)))}) and ${level} in ('province', 'district')`;
    case 'grassroots_cadre':
      return sql<SqlBool>`${type} in (${sql.join(GRASSROOTS_CADRE_TYPES.map((t) => sql.lit(t)))}) and ${level} = 'commune'`;
  }
}

/** The course `c` is for the group (a course naming no group is for every group). */
const courseFor = (group: TTrainingGroup) => sql<SqlBool>`(cardinality(c.target_groups) = 0 or ${group} = any(c.target_groups))`;

export interface CoverageArgs {
  group: TTrainingGroup;
  window: TTrainingWindow;
  asOf: string;
  /** Only holders in organisations under this unit path. */
  underPath?: string | undefined;
  /** Only these group units (communes, or units above). */
  groupUnitIds?: readonly number[] | undefined;
}

/** Each holder of the group in scope with where they count, their term, their last completed course and whether it is in the window. */
function holders(db: Kysely<DB>, scope: Scope, args: CoverageArgs) {
  const { group, asOf } = args;
  const under = args.underPath ? sql`and unit.path <@ ${args.underPath}::ltree` : sql``;
  const start =
    args.window === 'two_years'
      ? sql`${shiftDate(asOf, -2, 1)}::date`
      : args.window === 'term'
        ? sql`h.term_from`
        : sql`(select min(r2.term_from) from person_role r2 join organization o2 on o2.id = r2.organization_id join admin_unit u2 on u2.id = o2.unit_id
               where r2.person_id = h.person_id and r2.term_from <= ${asOf}::date and ${groupCondition(group, 'o2', 'r2', 'u2')})`;
  const groupUnits = args.groupUnitIds ? sql`where h.group_unit_id = any(${[...args.groupUnitIds]}::bigint[])` : sql``;
  // only roles under these units (the communes a write touched): their ids are labels of the unit's path
  const onlyUnder = args.groupUnitIds ? sql`and string_to_array(unit.path::text, '.')::bigint[] && ${[...args.groupUnitIds]}::bigint[]` : sql``;
  return sql`
    with h as (
      select distinct on (r.person_id) r.person_id, r.title, r.term_from, o.name as organization_name, unit.id as unit_id, unit.path as unit_path
      from organization o
      join admin_unit unit on unit.id = o.unit_id
      join person_role r on r.organization_id = o.id
      where ${inScope('unit.path', scope)} ${under} ${onlyUnder}
        and ${groupCondition(group, 'o', 'r', 'unit')}
        and r.term_from <= ${asOf}::date and (r.term_to is null or r.term_to >= ${asOf}::date)
        and (o.founded_on is null or o.founded_on <= ${asOf}::date) and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)
      order by r.person_id, r.term_from desc, r.id desc
    ), g as (
      -- the commune holding the role's unit: one of the ancestors its path names (primary-key lookups), else the unit
      select h.*, coalesce((select a.id from admin_unit a where a.id = any(string_to_array(h.unit_path::text, '.')::bigint[]) and a.level = 'commune'), h.unit_id) as group_unit_id
      from h
    ), t as (
      select h.*,
        (select max(c.ends_on) from training_participant tp join training_course c on c.province_id = tp.province_id and c.id = tp.course_id
          where tp.person_id = h.person_id and tp.completed and c.ends_on <= ${asOf}::date and ${courseFor(group)}) as last_trained_on,
        ${start} as window_start
      from g h ${groupUnits}
    )`;
}

/** Holders and trained holders of the group in scope, by the commune (or unit above) where they count. */
export async function coverageByUnit(db: Kysely<DB>, scope: Scope, args: CoverageArgs) {
  const rows = await sql<{ unit_id: number; unit_name: string; province_id: string; holders: number; trained: number }>`
    ${holders(db, scope, args)}
    select t.group_unit_id as unit_id, u.full_name as unit_name, split_part(u.path::text, '.', 1) as province_id, count(*)::int as holders,
      count(*) filter (where t.last_trained_on >= t.window_start)::int as trained
    from t join admin_unit u on u.id = t.group_unit_id
    group by t.group_unit_id, u.full_name, u.path
    order by u.full_name, t.group_unit_id`.execute(db);
  return rows.rows.map((row) => ({ unitId: Number(row.unit_id), unitName: row.unit_name, provinceId: Number(row.province_id), holders: row.holders, trained: row.trained }));
}

/** Holders of the group in scope not trained within the window (last course before it, or none), or (two-year window) whose window lapses by `dueBy`. */
export async function untrainedHolders(db: Kysely<DB>, scope: Scope, args: CoverageArgs & { dueBy: string | null; limit: number }) {
  const due = args.dueBy && args.window === 'two_years' ? sql`or (t.last_trained_on + interval '2 years')::date <= ${args.dueBy}::date` : sql``;
  const rows = await sql<{
    person_id: number;
    full_name: string;
    birth_year: number | null;
    title: string;
    organization_name: string;
    unit_id: number;
    unit_name: string;
    term_from: string;
    last_trained_on: string | null;
    in_window: boolean;
    total: number;
  }>`
    ${holders(db, scope, args)}
    select t.person_id, p.full_name, p.birth_year, t.title, t.organization_name, t.group_unit_id as unit_id, u.full_name as unit_name,
      t.term_from, t.last_trained_on, coalesce(t.last_trained_on >= t.window_start, false) as in_window, count(*) over ()::int as total
    from t join person p on p.id = t.person_id join admin_unit u on u.id = t.group_unit_id
    where t.last_trained_on is null or t.last_trained_on < t.window_start ${due}
    order by u.full_name, p.search_name, t.person_id
    limit ${args.limit}`.execute(db);
  return rows.rows;
}
