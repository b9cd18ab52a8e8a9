import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TBudget, TBudgetLine, ZBudgetLineInput } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { presentBudget, presentBudgetLine } from './budget.presenter.ts';
import * as repo from './budget.repository.ts';
import { manageableProgramme, readable } from '../reviews/review.service.ts';

type BudgetInput = z.output<typeof ZBudgetLineInput>;

export async function getBudget(db: Kysely<DB>, actor: Actor, programmeId: number, years: { fromYear?: number | undefined; toYear?: number | undefined } = {}): Promise<TBudget> {
  await readable(db, actor, programmeId);
  return presentBudget(await repo.findBudgetLines(db, actor.scope, programmeId, { from: years.fromYear, to: years.toYear }));
}

async function readLine(db: Kysely<DB>, actor: Actor, programmeId: number, lineId: number) {
  const row = (await repo.findBudgetLines(db, actor.scope, programmeId)).find((line) => line.id === lineId);
  if (!row) throw notFound('entity.budgetLine');
  return row;
}

export async function createBudgetLine(db: Database, actor: Actor, programmeId: number, input: BudgetInput): Promise<TBudgetLine> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageableProgramme(trx, actor, programmeId);
    const id = await repo.insertBudgetLine(trx, programme, {
      year: input.year ?? null, title: input.title, source: input.source ?? null, planned: input.planned ?? null,
      allocated: input.allocated ?? null, spent: input.spent ?? null, position: input.position,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'programme_budget_line', entityId: id, unitId: programme.owner_unit_id, after: { name: input.title, ...input } });
    return presentBudgetLine(await readLine(trx, actor, programmeId, id));
  });
}

export async function updateBudgetLine(db: Database, actor: Actor, programmeId: number, lineId: number, input: Partial<BudgetInput>): Promise<TBudgetLine> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageableProgramme(trx, actor, programmeId);
    const before = presentBudgetLine(await readLine(trx, actor, programmeId, lineId));
    const values: Partial<repo.BudgetValues> = {};
    if (input.year !== undefined) values.year = input.year;
    if (input.title !== undefined) values.title = input.title;
    if (input.source !== undefined) values.source = input.source;
    if (input.planned !== undefined) values.planned = input.planned;
    if (input.allocated !== undefined) values.allocated = input.allocated;
    if (input.spent !== undefined) values.spent = input.spent;
    if (input.position !== undefined) values.position = input.position;
    await repo.updateBudgetLine(trx, programme.province_id, lineId, values, clock.now());
    await recordAudit(trx, actor, { action: 'update', entity: 'programme_budget_line', entityId: lineId, unitId: programme.owner_unit_id, before, after: { name: input.title ?? before.title, ...input } });
    return presentBudgetLine(await readLine(trx, actor, programmeId, lineId));
  });
}

/** Deletes a budget line, unless spending is recorded on it (money spent stays on the books; it is corrected, not removed). */
export async function deleteBudgetLine(db: Database, actor: Actor, programmeId: number, lineId: number) {
  return db.transaction().execute(async (trx) => {
    const programme = await manageableProgramme(trx, actor, programmeId);
    const line = await readLine(trx, actor, programmeId, lineId);
    if (line.spent !== null && line.spent > 0) throw conflict(msg('programmes.budget.lineHasSpending', { title: line.title }));
    await repo.deleteBudgetLine(trx, programme.province_id, lineId);
    await recordAudit(trx, actor, { action: 'delete', entity: 'programme_budget_line', entityId: lineId, unitId: programme.owner_unit_id, before: { name: line.title, ...presentBudgetLine(line) } });
    return { ok: true as const };
  });
}
