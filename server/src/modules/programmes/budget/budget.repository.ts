import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { readableProgrammes } from '../programme-access.repository.ts';
import type { ProgrammeKey } from '../targets/programme-target.repository.ts';

/** Budget lines of programmes (seed 003: planned, allocated, spent per year), read through readableProgrammes. */

export async function findBudgetLines(db: Kysely<DB>, scope: Scope, programmeId: number, years?: { from?: number | undefined; to?: number | undefined }) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_budget_line as b', (join) => join.onRef('b.programme_id', '=', 'p.id').onRef('b.province_id', '=', 'p.province_id'))
    .select(['b.id', 'b.programme_id', 'b.year', 'b.title', 'b.source', 'b.planned', 'b.allocated', 'b.spent', 'b.position'])
    .where('p.id', '=', programmeId)
    .$if(years?.from !== undefined, (q) => q.where('b.year', '>=', years?.from ?? 0))
    .$if(years?.to !== undefined, (q) => q.where('b.year', '<=', years?.to ?? 0))
    .orderBy(sql`b.year nulls first`).orderBy('b.position').orderBy('b.id')
    .execute();
}
export type BudgetLineRow = Awaited<ReturnType<typeof findBudgetLines>>[number];

export interface BudgetValues {
  year: number | null;
  title: string;
  source: string | null;
  planned: number | null;
  allocated: number | null;
  spent: number | null;
  position: number;
}

export async function insertBudgetLine(db: Kysely<DB>, programme: ProgrammeKey, values: Omit<BudgetValues, 'position'> & { position?: number | undefined }) {
  const next = await db
    .selectFrom('programme_budget_line')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('programme_budget_line')
    .values({ ...values, province_id: programme.province_id, programme_id: programme.id, position: values.position ?? next.n })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteBudgetLine(db: Kysely<DB>, provinceId: number, lineId: number) {
  await db.deleteFrom('programme_budget_line').where('province_id', '=', provinceId).where('id', '=', lineId).execute();
}

export async function updateBudgetLine(db: Kysely<DB>, provinceId: number, lineId: number, values: Partial<BudgetValues>, at: Date) {
  await db.updateTable('programme_budget_line').set({ ...values, updated_at: at }).where('province_id', '=', provinceId).where('id', '=', lineId).execute();
}
