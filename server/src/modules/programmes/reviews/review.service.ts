import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TReview, ZReviewInput, ZReviewPatch } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { findManageableProgramme, findReadableProgramme } from '../programme-access.repository.ts';
import { presentReview } from './review.presenter.ts';
import * as repo from './review.repository.ts';
import { taskPolicy } from '../tasks/task.policy.ts';

type ReviewPatch = z.output<typeof ZReviewPatch>;

/** The programme when the actor may read it (404 otherwise). */
export async function readable(db: Kysely<DB>, actor: Actor, programmeId: number) {
  authorize(taskPolicy.read(actor));
  const programme = await findReadableProgramme(db, actor.scope, programmeId);
  if (!programme) throw notFound('entity.programme');
  return programme;
}

/** The programme when the actor manages it: 403 for a reader who may not, 404 for anyone else. */
export async function manageableProgramme(db: Kysely<DB>, actor: Actor, programmeId: number) {
  authorize(taskPolicy.manage(actor));
  const programme = await findManageableProgramme(db, actor.scope, programmeId);
  if (programme) return programme;
  if (await findReadableProgramme(db, actor.scope, programmeId)) authorize(false);
  throw notFound('entity.programme');
}

export async function listReviews(db: Database, actor: Actor, programmeId: number): Promise<TReview[]> {
  await readable(db, actor, programmeId);
  return (await repo.findReviews(db, actor.scope, { programmeId })).map((row) => presentReview(row, clock.today()));
}

/** One review of a readable programme (404 otherwise). */
export async function getReview(db: Kysely<DB>, actor: Actor, programmeId: number, reviewId: number) {
  const [row] = await repo.findReviews(db, actor.scope, { programmeId, reviewId });
  if (!row) throw notFound('entity.programmeReview');
  return row;
}

export async function createReview(db: Database, actor: Actor, programmeId: number, input: z.output<typeof ZReviewInput>): Promise<TReview> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageableProgramme(trx, actor, programmeId);
    const values = { kind: input.kind, title: input.title, from_year: input.fromYear, to_year: input.toYear, due_on: input.dueOn, done_on: null };
    const id = await repo.insertReview(trx, { ...values, province_id: programme.province_id, programme_id: programmeId });
    await recordAudit(trx, actor, { action: 'create', entity: 'programme_review', entityId: id, unitId: programme.owner_unit_id, after: { name: input.title, ...input } });
    return presentReview(await getReview(trx, actor, programmeId, id), clock.today());
  });
}

export async function updateReview(db: Database, actor: Actor, programmeId: number, reviewId: number, input: ReviewPatch): Promise<TReview> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageableProgramme(trx, actor, programmeId);
    const before = await getReview(trx, actor, programmeId, reviewId);
    const values: Partial<repo.ReviewValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.title !== undefined) values.title = input.title;
    if (input.fromYear !== undefined) values.from_year = input.fromYear;
    if (input.toYear !== undefined) values.to_year = input.toYear;
    if (input.dueOn !== undefined) values.due_on = input.dueOn;
    if (input.doneOn !== undefined) values.done_on = input.doneOn;
    if ((values.to_year ?? before.to_year) < (values.from_year ?? before.from_year)) throw invalidField('toYear', msg('programmes.reviews.yearsReversed'));
    await repo.updateReview(trx, programme.province_id, reviewId, values);
    await recordAudit(trx, actor, { action: 'update', entity: 'programme_review', entityId: reviewId, unitId: programme.owner_unit_id, before: presentReview(before, clock.today()), after: { name: input.title ?? before.title, ...input } });
    return presentReview(await getReview(trx, actor, programmeId, reviewId), clock.today());
  });
}

export const markReviewDone = (db: Database, actor: Actor, programmeId: number, reviewId: number, doneOn?: string) =>
  updateReview(db, actor, programmeId, reviewId, { doneOn: doneOn ?? clock.today() });
