import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { responseRow, surveyScopeFixtures } from '../survey.fixtures.ts';
import { copyNewResponses, isDuplicateId, openResponseCopy, type ImportedResponse } from './response.repository.ts';

// An import writes its batches with COPY (copyNewResponses) after looking their ids up. A response stored meanwhile by
// another transaction under one of those ids (a phone's resend racing the import) must neither fail the import nor
// be overwritten: the batch goes again row by row and the stored response stands.

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A province's survey with one response stored (on paper), and the time the rows of a test are submitted at. */
async function surveyWithResponse() {
  const db = handle.db;
  const province = { id: (await buildProvince(db)).provinceId };
  const fixture = await surveyScopeFixtures(db, province.id);
  const surveyId = (fixture['/api/surveys/:id'] as { id: number }).id;
  const storedId = (fixture['/api/surveys/:id/responses/:responseId'] as { responseId: string }).responseId;
  return { db, province, surveyId, storedId, now: new Date('2026-03-02T03:04:05Z') };
}

describe('copyNewResponses', () => {
  it('copies new responses exactly; an id stored meanwhile is skipped and keeps its answers', async () => {
    const { db, province, surveyId, storedId, now } = await surveyWithResponse();
    const survey = { id: surveyId, province_id: province.id };
    const row = (id: string, answer: string) => responseRow({ id, survey, unitId: province.id, channel: 'import', answer, at: now });
    const fresh = [uuidv7(), uuidv7()];
    const first = await db.transaction().execute((trx) => copyNewResponses(trx, [row(fresh[0] as string, 'Tab\tvà "ngoặc"\n\\ xuống dòng')]));
    expect([...first]).toEqual([fresh[0]]);
    // the stored response's id comes in a batch again: nothing fails, the stored answers stand
    const second = await db.transaction().execute((trx) => copyNewResponses(trx, [row(storedId, 'ghi đè?'), row(fresh[1] as string, 'mới')]));
    expect([...second]).toEqual([fresh[1]]);
    const stored = await db.selectFrom('survey_response').select(['id', 'answers', 'channel', 'submitted_at']).where('survey_id', '=', surveyId).orderBy('id').execute();
    expect(stored.map((r) => [r.id, r.answers, r.channel])).toEqual(
      [
        [storedId, { q1: 'Ý kiến' }, 'paper'],
        [fresh[0], { q1: 'Tab\tvà "ngoặc"\n\\ xuống dòng' }, 'import'],
        [fresh[1], { q1: 'mới' }, 'import'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(new Date(stored.find((r) => r.id === fresh[1])?.submitted_at as Date).toISOString()).toBe('2026-03-02T03:04:05.000Z');
  });
});

describe('openResponseCopy', () => {
  it('writes an import over many statements, all or nothing: a stored id in a later one fails them all, a rollback leaves none', async () => {
    const { db, province, surveyId, storedId, now } = await surveyWithResponse();
    const shared = { province_id: province.id, survey_id: surveyId, version_number: 1, entered_by: null, import_job_id: null, now };
    const rows = (n: number, from: number): ImportedResponse[] =>
      Array.from({ length: n }, (_, i) => ({ id: uuidv7(), unit_id: province.id, respondent_group: 'citizen', answers: { q1: `Ý kiến ${from + i}\t"x"\\` }, cells: {}, submitted_at: now }));
    const imported = async () => {
      const found = await db.selectFrom('survey_response').select(['answers']).where('survey_id', '=', surveyId).where('channel', '=', 'import').execute();
      return found.map((r) => (r.answers as { q1: string }).q1).sort((a, b) => Number(a.split(' ')[2]) - Number(b.split(' ')[2]));
    };
    // statements of 2 KB: ten or so rows each
    const copied = await db.transaction().execute(async (trx) => {
      const copy = await openResponseCopy(trx, shared, { segmentBytes: 2048 });
      for (let k = 0; k < 3; k++) await copy.write(rows(100, 100 * k));
      return copy.end();
    });
    expect(copied).toBe(300);
    expect(await imported()).toEqual(Array.from({ length: 300 }, (_, i) => `Ý kiến ${i}\t"x"\\`));

    // a stored id in the last of the statements: the COPY fails as a unique violation, the rows before it are not kept,
    // and the transaction goes on from its savepoint
    const outcome = await db.transaction().execute(async (trx) => {
      const copy = await openResponseCopy(trx, shared, { segmentBytes: 2048 });
      let failure: unknown = null;
      try {
        await copy.write(rows(100, 1000));
        await copy.write([...rows(50, 1100), { ...(rows(1, 1200)[0] as ImportedResponse), id: storedId }]);
        await copy.end();
      } catch (error) {
        failure = error;
        await copy.rollback();
      }
      const after = await trx.selectFrom('survey_response').select(['id']).where('survey_id', '=', surveyId).execute();
      return { failure, rows: after.length };
    });
    expect(isDuplicateId(outcome.failure)).toBe(true);
    expect(outcome.rows).toBe(301);

    // abandoned midway (a row error further in the file): nothing of it stays
    await db.transaction().execute(async (trx) => {
      const copy = await openResponseCopy(trx, shared, { segmentBytes: 2048 });
      await copy.write(rows(100, 2000));
      await copy.rollback();
    });
    expect((await imported()).length).toBe(300);
  });
});
