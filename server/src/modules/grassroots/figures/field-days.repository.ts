import { sql, type Kysely } from 'kysely';
import { MAX_VISIT_SPAN_DAYS } from '#contracts/grassroots/days.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * The SQL of field-day figures (seed 000 i7). The cadres of a month are the people holding a role, some day of the
 * month, in a body of the given types whose unit (of the given level) lies in `scope`; their field days are read
 * from the visits of their province, wherever the visit was (a cadre's day in another commune still counts).
 * Both start from unitOwned: the page passes the reader's scope, the derived values the province's.
 */

type Db = Kysely<DB>;

export interface CadreRow {
  person_id: number;
  person_name: string;
  unit_id: number;
  unit_name: string;
  unit_level: string;
  organization_name: string;
  title: string;
}

/** People holding a role in a body of `types` at a unit of `level` in scope, some day between start and end. */
export async function cadresOfMonth(
  db: Db,
  scope: Scope,
  args: { start: string; end: string; types: readonly string[]; levels: readonly string[]; unitIds?: readonly number[] },
): Promise<CadreRow[]> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  let query = unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'p.full_name as person_name', 'o.unit_id', 'unit.full_name as unit_name', 'unit.level as unit_level', 'o.name as organization_name', 'r.title'])
    .where('o.type', 'in', [...args.types])
    .where('unit.level', 'in', [...args.levels] as Array<'commune' | 'province'>)
    .where('r.term_from', '<=', args.end)
    .where((eb) => eb.or([eb('r.term_to', 'is', null), eb('r.term_to', '>=', args.start)]))
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>=', args.start)]))
    .where((eb) => eb.or([eb('o.founded_on', 'is', null), eb('o.founded_on', '<=', args.end)]));
  if (args.unitIds) query = query.where('o.unit_id', 'in', [...args.unitIds]);
  const rows = await query.orderBy('o.unit_id').orderBy('p.full_name').orderBy('r.person_id').orderBy('r.id').execute();
  return rows.map((row) => ({ ...row, person_id: Number(row.person_id), unit_id: Number(row.unit_id) }));
}

/**
 * Field days between start and end per person of `personIds`, from the visits of the province (half days where
 * they fall: a half first day counts 0.5 when it is in the month, a half last day likewise); only visits of
 * `purpose` when given. A visit spans at most MAX_VISIT_SPAN_DAYS, so one that reaches the period started at most
 * that many days before it: the lower bound on from_date keeps the index scan to those.
 */
export async function daysOfPeople(
  db: Db,
  provinceScope: Scope,
  args: { provinceId: number; start: string; end: string; personIds: readonly number[]; purpose?: string },
): Promise<Map<number, number>> {
  if (args.personIds.length === 0) return new Map();
  let query = unitOwned(db, 'field_visit as v', 'v.unit_id', provinceScope)
    .select('v.person_id')
    .select(
      sql<number>`sum(
        (least(v.to_date, ${args.end}::date) - greatest(v.from_date, ${args.start}::date) + 1)
        - case when v.start_half and v.from_date >= ${args.start}::date then 0.5 else 0 end
        - case when v.end_half and v.to_date <= ${args.end}::date then 0.5 else 0 end
      )::float8`.as('days'),
    )
    .where('v.province_id', '=', args.provinceId)
    .where('v.from_date', '<=', args.end)
    .where('v.to_date', '>=', args.start)
    // implied by the span limit (the table checks to_date - from_date ≤ 62): bounds the index range on from_date
    // (field_visit_month) to the month and the 62 days before, instead of every visit of the province up to the month's end
    .where('v.from_date', '>=', sql<string>`${args.start}::date - ${MAX_VISIT_SPAN_DAYS - 1}::int`)
    .where(sql<boolean>`v.person_id = any(${[...args.personIds]}::bigint[])`)
    .groupBy('v.person_id');
  if (args.purpose) {
    query = query.where('v.purpose_id', 'in', (eb) => eb.selectFrom('field_visit_purpose as fp').select('fp.id').where('fp.code', '=', args.purpose as string));
  }
  const rows = await query.execute();
  return new Map(rows.map((row) => [Number(row.person_id), Number(row.days)]));
}

export interface UnitFigureRow {
  unit_id: number;
  cadres: number;
  meeting: number;
  field_days: number;
  at_cells: number;
}

/**
 * The figures per unit of a month, added up in the database (the derived values need no cadre rows): cadres of
 * bodies of `types` (a person once per unit), those with ≥ `minDays` field days, their field days, and
 * party-committee members with a visit of purpose `cellPurpose`. The same roles and days as cadresOfMonth and
 * daysOfPeople (bench/grassroots.bench.ts checks them equal on the national set).
 */
export async function unitFiguresOfMonth(db: Db, scope: Scope, args: UnitFigureArgs): Promise<UnitFigureRow[]> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  const rows = await unitFiguresQuery(db, scope, args).execute();
  return rows.map((row) => ({ unit_id: Number(row.unit_id), cadres: Number(row.cadres), meeting: Number(row.meeting), field_days: Number(row.field_days), at_cells: Number(row.at_cells) }));
}

export interface UnitFigureArgs {
  provinceId: number;
  start: string;
  end: string;
  types: readonly string[];
  levels: readonly string[];
  unitIds?: readonly number[];
  minDays: number;
  cellPurpose: string;
}

/** The statement of unitFiguresOfMonth (exported for its plan: bench/grassroots.bench.ts explains it). */
export function unitFiguresQuery(db: Db, scope: Scope, args: UnitFigureArgs) {
  let roles = unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .select(['o.unit_id', 'r.person_id', sql<boolean>`o.type = 'party_committee'`.as('committee')])
    .distinct()
    .where((eb) => eb.or([eb('o.type', 'in', [...args.types]), eb('o.type', '=', 'party_committee')]))
    .where('unit.level', 'in', [...args.levels] as Array<'commune' | 'province'>)
    .where('r.term_from', '<=', args.end)
    .where((eb) => eb.or([eb('r.term_to', 'is', null), eb('r.term_to', '>=', args.start)]))
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>=', args.start)]))
    .where((eb) => eb.or([eb('o.founded_on', 'is', null), eb('o.founded_on', '<=', args.end)]));
  if (args.unitIds) roles = roles.where('o.unit_id', 'in', [...args.unitIds]);
  const span = sql<number>`(least(v.to_date, ${args.end}::date) - greatest(v.from_date, ${args.start}::date) + 1)
    - case when v.start_half and v.from_date >= ${args.start}::date then 0.5 else 0 end
    - case when v.end_half and v.to_date <= ${args.end}::date then 0.5 else 0 end`;
  return db
    .with('roles', () => roles)
    // materialized: the month's days are added up once, even when the planner misjudges the roles (PGlite has no
    // autovacuum: before an ANALYZE it guesses one row each side and would re-run the aggregate per role)
    .with((cte) => cte('days').materialized(), (qb) =>
      qb
        .selectFrom('field_visit as v')
        .select(['v.person_id', sql<number>`sum(${span})`.as('days'), sql<number>`sum(${span}) filter (where fp.code = ${args.cellPurpose})`.as('cell_days')])
        .leftJoin('field_visit_purpose as fp', 'fp.id', 'v.purpose_id')
        .where('v.province_id', '=', args.provinceId)
        .where('v.from_date', '<=', args.end)
        .where('v.to_date', '>=', args.start)
        .where('v.from_date', '>=', sql<string>`${args.start}::date - ${MAX_VISIT_SPAN_DAYS - 1}::int`)
        .groupBy('v.person_id'),
    )
    .selectFrom('roles as r')
    .leftJoin('days as d', 'd.person_id', 'r.person_id')
    .select([
      'r.unit_id',
      sql<number>`count(*) filter (where not r.committee)::int`.as('cadres'),
      sql<number>`count(*) filter (where not r.committee and coalesce(d.days, 0) >= ${args.minDays})::int`.as('meeting'),
      sql<number>`coalesce(sum(d.days) filter (where not r.committee), 0)::float8`.as('field_days'),
      sql<number>`count(*) filter (where r.committee and d.cell_days > 0)::int`.as('at_cells'),
    ])
    .groupBy('r.unit_id');
}
