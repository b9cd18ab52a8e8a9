import { sql } from 'kysely';
import { formQuestions, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { applyTally, insertResponses } from '#server/modules/surveys/responses/response.repository.ts';
import { TallyBatch, type TCells } from '#server/modules/surveys/responses/tally.ts';
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
 * Responses stored as the store's write path stores them (responses/: the rows by `insertResponses`, the tallies of
 * the accepted ones by `TallyBatch` and `applyTally` in the same transaction — what storeResponses does after checking
 * the answers). The cells are stated here: a question named in `skipped` was not asked (its relevant was false),
 * one without an answer was left empty. storeResponses itself cannot yet tell skipped from unanswered: its answer
 * check is a stand-in until the expressions' checkAnswers lands (responses/answers-check.ts); then this can call it.
 * `pending`: paper forms waiting for their second typing (stored, not counted).
 */
export async function storeTestResponses(
  db: Database,
  survey: TestSurvey,
  form: TSurveyForm,
  responses: readonly { unitId: number; group: TRespondentGroup; answers: TAnswers; skipped?: readonly string[] }[],
  options: { pending?: boolean } = {},
): Promise<string[]> {
  const now = new Date('2026-03-01T03:00:00Z');
  const status = options.pending ? 'pending' : 'accepted';
  const prepared = responses.map((r) => {
    const cells: TCells = {};
    for (const { question } of formQuestions(form)) {
      cells[question.name] = r.skipped?.includes(question.name) ? 'skipped' : r.answers[question.name] === undefined ? 'unanswered' : 'answered';
    }
    return { ...r, id: uuidv7(), cells };
  });
  await db.transaction().execute(async (trx) => {
    const written = await insertResponses(
      trx,
      prepared.map((r) => ({
        id: r.id, province_id: survey.province_id, survey_id: survey.id, version_number: 1, unit_id: r.unitId, respondent_group: r.group,
        channel: options.pending ? 'paper' : 'import', status, answers: JSON.stringify(r.answers), cells: JSON.stringify(r.cells), submitted_at: now,
        entered_by: null, invitation_id: null, import_job_id: null, created_at: now, updated_at: now,
      })),
    );
    if (written.size !== prepared.length) throw new Error('responses not written');
    if (options.pending) return;
    const tally = new TallyBatch();
    for (const r of prepared) tally.add(form, { unitId: r.unitId, group: r.group, answers: r.answers, cells: r.cells }, 1);
    await applyTally(trx, survey, tally.deltas());
  });
  return prepared.map((r) => r.id);
}
