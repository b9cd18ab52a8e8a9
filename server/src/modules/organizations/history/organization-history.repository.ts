import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, OrganizationSuccessionTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * Recorded links of an organisation (issue 9 item 8): to its successors (`after`) or from its predecessors
 * (`before`), the other body read through the caller's scope (a link to a body out of scope is not shown).
 */
export async function findLinks(db: Kysely<DB>, scope: Scope, organizationId: number, direction: 'before' | 'after') {
  const [self, other] = direction === 'after' ? (['s.old_organization_id', 's.new_organization_id'] as const) : (['s.new_organization_id', 's.old_organization_id'] as const);
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('organization_succession as s', other, 'o.id')
    .select(['o.id', 'o.name', 'o.unit_id', 'unit.full_name as unit_name', 's.kind', 's.effective_date', 's.instrument', 's.certainty', 's.note'])
    .where(self, '=', organizationId)
    .orderBy('s.effective_date')
    .orderBy('o.id')
    .execute();
}

/**
 * Every body an organisation took over, directly or through others (a 2019 commission merged into a 2025 one that
 * a later body took over): the transitive predecessors, nearest first. The table is small and read by id.
 */
export async function findLineage(db: Kysely<DB>, organizationId: number): Promise<number[]> {
  const result = await sql<{ id: string }>`
    with recursive lineage(id, depth) as (
      select old_organization_id, 1 from organization_succession where new_organization_id = ${organizationId}
      union
      select s.old_organization_id, l.depth + 1 from organization_succession s join lineage l on s.new_organization_id = l.id where l.depth < 50
    )
    select id from lineage group by id order by min(depth), id`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** The organisation and every body it took over (a record of the 2019 Ban Dân vận reads under its 2025 successor). */
export async function findWithPredecessors(db: Kysely<DB>, organizationId: number): Promise<number[]> {
  return [organizationId, ...(await findLineage(db, organizationId))];
}

export async function findSuccession(db: Kysely<DB>, oldId: number, newId: number) {
  return db
    .selectFrom('organization_succession')
    .select('kind')
    .where('old_organization_id', '=', oldId)
    .where('new_organization_id', '=', newId)
    .executeTakeFirst();
}

export async function insertSuccession(db: Kysely<DB>, row: Insertable<OrganizationSuccessionTable>): Promise<void> {
  await db.insertInto('organization_succession').values(row).execute();
}

/** The abbreviations of an organisation, oldest first. */
export async function findAbbreviations(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('organization_abbreviation')
    .select(['id', 'abbreviation', 'valid_from', 'valid_to'])
    .where('organization_id', '=', organizationId)
    .orderBy(sql`valid_from nulls first`)
    .orderBy('id')
    .execute();
}

/** Ends the abbreviation open on `from` the day before it and starts `abbreviation` on `from`. */
export async function startAbbreviation(db: Kysely<DB>, organizationId: number, abbreviation: string, from: string): Promise<void> {
  await db
    .updateTable('organization_abbreviation')
    .set({ valid_to: sql<string>`${from}::date - 1` })
    .where('organization_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .execute();
  await db.insertInto('organization_abbreviation').values({ organization_id: organizationId, abbreviation, valid_from: from, valid_to: null }).execute();
}
