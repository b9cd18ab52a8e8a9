import { sql } from 'kysely';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { storeResponses, type IncomingResponse } from '#server/modules/surveys/responses/response-store.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';

let counter = 0;

/** An open survey of `unitId` with `form` as its version 1 (straight into the tables, as the surveys root would write them). */
export async function buildSurvey(db: Database, unitId: number, form: TSurveyForm, overrides: Partial<{ title: string; decimals: number }> = {}) {
  const now = new Date('2026-03-01T02:00:00Z');
  const code = `KS-${process.pid % 1000}-${++counter}`;
  const survey = await db
    .insertInto('survey')
    .values({
      province_id: sql<number>`unit_province_id(${unitId}::bigint)`, unit_id: unitId, code, title: overrides.title ?? form.title, status: 'open', current_version: 1,
      decimals: overrides.decimals ?? 1, search_text: code.toLowerCase(), created_at: now, updated_at: now,
    })
    .returning(['id', 'province_id'])
    .executeTakeFirstOrThrow();
  await db.insertInto('survey_version').values({ province_id: survey.province_id, survey_id: survey.id, number: 1, form: JSON.stringify(form), created_at: now }).execute();
  const unit = await db.selectFrom('admin_unit').select(sql<string>`path::text`.as('path')).where('id', '=', unitId).executeTakeFirstOrThrow();
  return { id: Number(survey.id), province_id: Number(survey.province_id), unit_id: unitId, unit_path: unit.path, double_entry: false };
}

export type TestSurvey = Awaited<ReturnType<typeof buildSurvey>>;

/**
 * Responses through the store's one write path (responses/response-store.ts: answers checked against the form, skip
 * logic evaluated — a question whose relevant is false is `skipped`, one left empty `unanswered` — and the tallies
 * kept in the same transaction). `pending`: paper forms under double entry, waiting for their second typing (stored,
 * not counted). `versionNumber`: the version they answered (1 by default); an item's `id` is kept. Throws on a refused
 * response.
 */
export async function storeTestResponses(
  db: Database,
  survey: TestSurvey,
  responses: readonly { unitId: number; group: TRespondentGroup; answers: Record<string, unknown>; id?: string }[],
  options: { pending?: boolean; versionNumber?: number } = {},
): Promise<string[]> {
  const items: IncomingResponse[] = responses.map((r) => ({ id: r.id ?? uuidv7(), versionNumber: options.versionNumber ?? 1, unitId: r.unitId, respondentGroup: r.group, answers: r.answers }));
  const outcomes = await db.transaction().execute((trx) =>
    storeResponses(trx, { ...survey, double_entry: options.pending === true }, items, {
      channel: options.pending ? 'paper' : 'import',
      enteredBy: null,
      audit: { userId: null, ip: null },
      today: '2026-03-01',
      now: new Date('2026-03-01T03:00:00Z'),
      targets: [],
    }),
  );
  const refused = outcomes.find((o) => !o.ok);
  if (refused && !refused.ok) throw new Error(`response refused: ${refused.field}: ${refused.message}`);
  if (outcomes.some((o) => o.ok && o.status !== (options.pending ? 'pending' : 'accepted'))) throw new Error('unexpected status');
  return outcomes.map((o) => o.id);
}
