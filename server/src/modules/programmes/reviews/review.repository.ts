import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { readableProgrammes } from '../programme-access.repository.ts';

/** Review milestones and budget lines of programmes, read through readableProgrammes. */

export async function findReviews(db: Kysely<DB>, scope: Scope, query: { programmeId?: number; reviewId?: number; ownerUnitId?: number; dueBefore?: string; open?: boolean }) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_review as r', (join) => join.onRef('r.programme_id', '=', 'p.id').onRef('r.province_id', '=', 'p.province_id'))
    .select([
      'r.id', 'r.programme_id', 'r.kind', 'r.title', 'r.from_year', 'r.to_year', 'r.due_on', 'r.done_on',
      'p.number as programme_number', 'p.title as programme_title', 'p.owner_unit_id', 'owner.full_name as owner_unit_name',
      'p.from_year as programme_from_year', 'p.to_year as programme_to_year',
    ])
    .$if(query.programmeId !== undefined, (q) => q.where('p.id', '=', query.programmeId ?? 0))
    .$if(query.reviewId !== undefined, (q) => q.where('r.id', '=', query.reviewId ?? 0))
    .$if(query.ownerUnitId !== undefined, (q) => q.where('p.owner_unit_id', '=', query.ownerUnitId ?? 0))
    .$if(query.dueBefore !== undefined, (q) => q.where('r.due_on', '<=', query.dueBefore ?? ''))
    .$if(query.open === true, (q) => q.where('r.done_on', 'is', null))
    .orderBy('r.due_on').orderBy('r.id')
    .execute();
}
export type ReviewRow = Awaited<ReturnType<typeof findReviews>>[number];

export interface ReviewValues {
  kind: 'annual' | 'midterm' | 'final' | 'evaluation';
  title: string;
  from_year: number;
  to_year: number;
  due_on: string;
  done_on: string | null;
}

export async function insertReview(db: Kysely<DB>, values: ReviewValues & { province_id: number; programme_id: number }) {
  const row = await db.insertInto('programme_review').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReview(db: Kysely<DB>, provinceId: number, reviewId: number, values: Partial<ReviewValues>) {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('programme_review').set(values).where('province_id', '=', provinceId).where('id', '=', reviewId).execute();
}
