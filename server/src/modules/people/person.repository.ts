import { sql, type Kysely } from 'kysely';
import type { DB, PersonTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { clock } from '#server/shared/clock.ts';

/** People joined to their registry unit; the unit's path is what scopes them. */
function peopleInScope(db: Kysely<DB>, scope: Scope) {
  return unitOwned(db, 'person as p', 'p.unit_id', scope);
}

const PERSON_COLUMNS = ['p.id', 'p.unit_id', 'unit.full_name as unit_name', 'p.full_name', 'p.gender', 'p.birth_year', 'p.phone'] as const;

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People registered in a unit (or its whole subtree), optionally matching a name with diacritics optional,
 * sorted the Vietnamese way (given name, the last word, first), one page plus the total.
 */
export async function listPeople(
  db: Kysely<DB>,
  scope: Scope,
  unit: { id: number; path: string },
  filter: { q?: string | undefined; subtree: boolean; limit: number; offset: number },
) {
  let base = peopleInScope(db, scope);
  base = filter.subtree ? base.where(sql<boolean>`unit.path <@ ${unit.path}::ltree`) : base.where('p.unit_id', '=', unit.id);
  if (filter.q) base = base.where(sql<boolean>`p.search_name like '%' || fold_vi(${likeEscape(filter.q)}) || '%'`);
  const [rows, total] = await Promise.all([
    base
      .select(PERSON_COLUMNS)
      .orderBy(sql`regexp_replace(p.search_name, '^.* ', '')`)
      .orderBy('p.search_name')
      .orderBy('p.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** One person in scope with the sensitive columns (the service decides whether they leave the server). */
export async function findPerson(db: Kysely<DB>, scope: Scope, id: number) {
  return peopleInScope(db, scope)
    .select([...PERSON_COLUMNS, 'p.ethnicity', 'p.religion'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** Columns a person is written with. */
type PersonValues = Pick<PersonTable, 'unit_id' | 'full_name' | 'gender' | 'birth_year' | 'phone' | 'ethnicity' | 'religion'>;

/** Inserts people; returns their ids in input order. */
export async function insertPeople(db: Kysely<DB>, people: PersonValues[]): Promise<number[]> {
  if (people.length === 0) return [];
  const now = clock.now();
  const ids: number[] = [];
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000).map((person) => ({ ...person, updated_at: now }));
    const rows = await db.insertInto('person').values(chunk).returning('id').execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export async function updatePerson(db: Kysely<DB>, id: number, changes: Partial<Omit<PersonValues, 'unit_id'>>): Promise<void> {
  await db
    .updateTable('person')
    .set({ ...changes, updated_at: clock.now() })
    .where('id', '=', id)
    .execute();
}

/**
 * People of a unit whose folded name equals the folded form of one of `names` (fold_vi in SQL, the same fold
 * as search_name). Returns, per input name, its folded form and the matching people.
 */
export async function findPeopleByNames(db: Kysely<DB>, scope: Scope, unitId: number, names: string[]) {
  if (names.length === 0) return { folded: new Map<string, string>(), people: [] };
  const folds = await sql<{ name: string; folded: string }>`
    select x.name, fold_vi(x.name) as folded from unnest(${names}::text[]) as x(name)`.execute(db);
  const folded = new Map(folds.rows.map((row) => [row.name, row.folded]));
  const people = await unitOwned(db, 'person as p', 'p.unit_id', scope)
    .select(['p.id', 'p.search_name', 'p.birth_year'])
    .where('p.unit_id', '=', unitId)
    .where('p.search_name', 'in', [...new Set(folded.values())])
    .orderBy('p.id')
    .execute();
  return { folded, people };
}

/** Whether the person holds or held any role in the organisation (focal points edit only their own people). */
export async function heldRoleIn(db: Kysely<DB>, scope: Scope, personId: number, organizationId: number): Promise<boolean> {
  const row = await unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .select('r.id')
    .where('r.person_id', '=', personId)
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}
