import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { ZSurveyForm, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';
import { surveyEndpoints as e } from '#contracts/surveys/api.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { TTabulatedQuestion, TTabulation } from '#contracts/surveys/tabulation.schemas.ts';
import { crossBuildTuning } from '../responses/cross-build.ts';
import { TallyBatch, type TCells } from '../responses/tally.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { buildSurvey, storeTestResponses, type TestSurvey } from '#test/factories-tabulation.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The tabulation over HTTP (issue 13 must-have 4) on responses stored through the store's write path: seed 001's
 * 131 answers to a multiple choice (49.6 % / 28.2 % / 34.4 %), base = respondents or submissions, skipped (by
 * relevant) vs unanswered, numbers, cross-tabs by unit, group and a select_one question, a commune's scope, the
 * sensitive question, and the Excel export read back with the same figures.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[] = ['data_entry']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const form: TSurveyForm = {
  title: 'Khảo sát công tác dân vận',
  defaultLanguage: '',
  languages: [''],
  items: [
    { kind: 'question', name: 'informed', type: 'select_one', listName: 'yn', required: true, label: { '': 'Ông/bà có được thông tin về chủ trương không?' } },
    {
      kind: 'group',
      name: 'kenh',
      label: { '': 'Kênh tiếp nhận' },
      items: [
        {
          kind: 'question', name: 'channels', type: 'select_multiple', listName: 'ch', required: false, relevant: "${informed} = 'yes'",
          label: { '': 'Ông/bà góp ý qua kênh nào?' },
        },
      ],
    },
    { kind: 'question', name: 'visit', type: 'select_one', listName: 'yn', required: true, label: { '': 'Lãnh đạo có đến thăm hộ gia đình không?' } },
    { kind: 'question', name: 'age', type: 'integer', required: false, label: { '': 'Tuổi' } },
    { kind: 'question', name: 'comment', type: 'text', required: false, label: { '': 'Ý kiến khác' } },
    { kind: 'question', name: 'religion', type: 'select_one', listName: 'rel', required: false, sensitive: true, label: { '': 'Tôn giáo' } },
  ],
  choiceLists: {
    yn: [
      { name: 'yes', label: { '': 'Có' } },
      { name: 'no', label: { '': 'Không' } },
    ],
    ch: [
      { name: 'meeting', label: { '': 'Họp dân' } },
      { name: 'leaders', label: { '': 'Gặp lãnh đạo' } },
      { name: 'media', label: { '': 'Phương tiện thông tin' } },
    ],
    rel: [
      { name: 'none', label: { '': 'Không theo tôn giáo' } },
      { name: 'buddhism', label: { '': 'Phật giáo' } },
    ],
  },
};

/**
 * 140 responses i = 0…139: i < 100 in commune 1, the rest in commune 2; even i citizens, odd i cadres; channels
 * answered by i < 131 (meeting: i < 65; leaders: 65 ≤ i < 102; media: i < 16 or 102 ≤ i < 131: 65, 37, 45 of 131),
 * skipped by 131 ≤ i < 136 (not informed), left empty by 136 ≤ i < 140; visit yes for i < 56; ages of i < 7:
 * 30 30 41 45 45 45 60; a comment by i < 12; religion none for i < 100, else buddhism.
 */
function answersOf(i: number): TAnswers {
  const channels = [i < 65 && 'meeting', i >= 65 && i < 102 && 'leaders', (i < 16 || (i >= 102 && i < 131)) && 'media'].filter((c): c is string => typeof c === 'string');
  const ages = [30, 30, 41, 45, 45, 45, 60];
  return {
    informed: i >= 131 && i < 136 ? 'no' : 'yes',
    ...(i < 131 ? { channels } : {}),
    visit: i < 56 ? 'yes' : 'no',
    ...(i < 7 ? { age: ages[i] } : {}),
    ...(i < 12 ? { comment: `ý kiến ${i}` } : {}),
    religion: i < 100 ? 'none' : 'buddhism',
  };
}

const q = (body: TTabulation | { questions: TTabulatedQuestion[] }, name: string) => body.questions.find((x) => x.name === name) as TTabulatedQuestion;
const figures = (question: TTabulatedQuestion) => question.choices?.map((c) => [c.name, c.count, c.base, c.percent]);

describe('tabulation over HTTP, on responses stored through the write path', () => {
  let p: TestProvince;
  let survey: TestSurvey;
  let province: TestClient;
  let commune2: TestClient;
  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    survey = await buildSurvey(t.db, p.provinceId, form);
    const responses = Array.from({ length: 140 }, (_, i) => ({
      unitId: (i < 100 ? p.communeIds[0] : p.communeIds[1]) as number,
      group: (i % 2 === 0 ? 'citizen' : 'cadre') as TRespondentGroup,
      answers: answersOf(i),
    }));
    await storeTestResponses(t.db, survey, responses);
    // three paper forms waiting for their second typing: not counted
    await storeTestResponses(t.db, survey, [0, 1, 2].map(() => ({ unitId: p.communeIds[0] as number, group: 'citizen' as const, answers: answersOf(0) })), { pending: true });
    province = await signIn(p.provinceId, ['unit_admin']);
    commune2 = await signIn(p.communeIds[1] as number);
  });

  it('counts and percentages per choice; a select_multiple on those who answered it (sum over 100 %); skipped and unanswered apart', async () => {
    const response = await province.call(e.tabulation, { params: { id: survey.id }, query: {} as never });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ surveyId: survey.id, title: 'Khảo sát công tác dân vận', submissions: 140, base: 'respondents', decimals: 1, by: null, columns: [] });
    expect(body.questions.map((x) => x.name)).toEqual(['informed', 'channels', 'visit', 'age', 'comment', 'religion']);
    expect(q(body, 'channels')).toMatchObject({ label: 'Ông/bà góp ý qua kênh nào?', groups: ['Kênh tiếp nhận'], answered: 131, skipped: 5, unanswered: 4, base: 131 });
    expect(figures(q(body, 'channels'))).toEqual([['meeting', 65, 131, 49.6], ['leaders', 37, 131, 28.2], ['media', 45, 131, 34.4]]);
    expect(q(body, 'channels').choices?.map((c) => c.label)).toEqual(['Họp dân', 'Gặp lãnh đạo', 'Phương tiện thông tin']);
    expect(figures(q(body, 'informed'))).toEqual([['yes', 135, 140, 96.4], ['no', 5, 140, 3.6]]);
    expect(figures(q(body, 'visit'))).toEqual([['yes', 56, 140, 40], ['no', 84, 140, 60]]);
    expect(q(body, 'age')).toMatchObject({ answered: 7, skipped: 0, unanswered: 133, numbers: { count: 7, mean: 42.3, median: 45, min: 30, max: 60 } });
    expect(q(body, 'comment')).toEqual({ name: 'comment', label: 'Ý kiến khác', type: 'text', groups: [], sensitive: false, answered: 12, skipped: 0, unanswered: 128, base: 12 });
    // the province's unit administrator holds surveys.readSensitive: the sensitive question's counts, audited
    expect(figures(q(body, 'religion'))).toEqual([['none', 100, 140, 71.4], ['buddhism', 40, 140, 28.6]]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('entity', '=', 'survey').where('entity_id', '=', String(survey.id)).execute();
    expect(audit).toContainEqual({ action: 'read_protected', entity: 'survey', entity_id: String(survey.id) });
  });

  it('base = submissions: every response of the selection; decimals as asked', async () => {
    const response = await province.call(e.tabulation, { params: { id: survey.id }, query: { base: 'submissions', decimals: 2 } as never });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ base: 'submissions', decimals: 2 });
    expect(q(response.body, 'channels')).toMatchObject({ answered: 131, base: 140 });
    expect(figures(q(response.body, 'channels'))).toEqual([['meeting', 65, 140, 46.43], ['leaders', 37, 140, 26.43], ['media', 45, 140, 32.14]]);
  });

  it('a commune account tabulates only its own responses, and not the sensitive question', async () => {
    const response = await commune2.call(e.tabulation, { params: { id: survey.id }, query: {} as never });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // i = 100…139: channels answered by 100…130 (leaders 100, 101; media 102…130), skipped 131…135, empty 136…139
    expect(response.body.submissions).toBe(40);
    expect(q(response.body, 'channels')).toMatchObject({ answered: 31, skipped: 5, unanswered: 4 });
    expect(figures(q(response.body, 'channels'))).toEqual([['meeting', 0, 31, 0], ['leaders', 2, 31, 6.5], ['media', 29, 31, 93.5]]);
    expect(figures(q(response.body, 'visit'))).toEqual([['yes', 0, 40, 0], ['no', 40, 40, 100]]);
    expect(q(response.body, 'religion')).toEqual({ name: 'religion', label: 'Tôn giáo', type: 'select_one', groups: [], sensitive: true, answered: 0, skipped: 0, unanswered: 0, base: 0 });
    // asking for the other commune's subtree gives nothing of it
    const other = await commune2.call(e.tabulation, { params: { id: survey.id }, query: { unitId: p.communeIds[0] } as never });
    expect(other.status).toBe(200);
    expect(other.body.submissions).toBe(0);
    expect(q(other.body, 'channels').choices?.map((c) => c.percent)).toEqual([null, null, null]);
  });

  it('a unit subtree and a respondent group narrow the selection', async () => {
    const response = await province.call(e.tabulation, { params: { id: survey.id }, query: { unitId: p.communeIds[0], respondentGroup: 'cadre' } as never });
    expect(response.status).toBe(200);
    // odd i < 100: 50 responses; channels all answered; meeting odd < 65: 32; leaders odd 65…99: 18; media odd < 16: 8
    expect(response.body.submissions).toBe(50);
    expect(figures(q(response.body, 'channels'))).toEqual([['meeting', 32, 50, 64], ['leaders', 18, 50, 36], ['media', 8, 50, 16]]);
  });

  it('cross-tabulations by unit, by respondent group and by a select_one question', async () => {
    const byUnit = await province.call(e.tabulation, { params: { id: survey.id }, query: { by: 'unit' } as never });
    expect(byUnit.status).toBe(200);
    expect(byUnit.body.columns.map((c) => [c.key, c.label, c.submissions])).toEqual([
      [String(p.communeIds[0]), 'Xã Xuân 1', 100],
      [String(p.communeIds[1]), 'Xã Xuân 2', 40],
    ]);
    expect(figures(q(byUnit.body.columns[0] as TTabulation['columns'][number], 'channels'))).toEqual([['meeting', 65, 100, 65], ['leaders', 35, 100, 35], ['media', 16, 100, 16]]);

    const byGroup = await province.call(e.tabulation, { params: { id: survey.id }, query: { by: 'group' } as never });
    expect(byGroup.status).toBe(200);
    expect(byGroup.body.columns.map((c) => [c.key, c.label, c.submissions])).toEqual([
      ['cadre', 'Cán bộ, công chức', 70],
      ['citizen', 'Người dân', 70],
    ]);
    // citizens: even i; channels answered by the 66 even i < 131; meeting 33 (0…64), leaders 18 (66…100), media 8 + 15
    expect(figures(q(byGroup.body.columns[1] as TTabulation['columns'][number], 'channels'))).toEqual([['meeting', 33, 66, 50], ['leaders', 18, 66, 27.3], ['media', 23, 66, 34.8]]);
    // the overall figures stay beside the columns
    expect(figures(q(byGroup.body, 'channels'))).toEqual([['meeting', 65, 131, 49.6], ['leaders', 37, 131, 28.2], ['media', 45, 131, 34.4]]);

    const byVisit = await province.call(e.tabulation, { params: { id: survey.id }, query: { by: 'question:visit' } as never });
    expect(byVisit.status, JSON.stringify(byVisit.body)).toBe(200);
    expect(byVisit.body.columns.map((c) => [c.key, c.label, c.submissions])).toEqual([['yes', 'Có', 56], ['no', 'Không', 84]]);
    const [yes, no] = byVisit.body.columns as [TTabulation['columns'][number], TTabulation['columns'][number]];
    expect(figures(q(yes, 'channels'))).toEqual([['meeting', 56, 56, 100], ['leaders', 0, 56, 0], ['media', 16, 56, 28.6]]);
    expect(q(no, 'channels')).toMatchObject({ answered: 75, skipped: 5, unanswered: 4 });
    expect(figures(q(no, 'channels'))).toEqual([['meeting', 9, 75, 12], ['leaders', 37, 75, 49.3], ['media', 29, 75, 38.7]]);
    expect(q(yes, 'age').numbers).toEqual({ count: 7, mean: 42.3, median: 45, min: 30, max: 60 });
    expect(q(no, 'age').numbers).toEqual({ count: 0, mean: null, median: null, min: null, max: null });

    const notSelectOne = await province.call(e.tabulation, { params: { id: survey.id }, query: { by: 'question:channels' } as never });
    expect(notSelectOne.status).toBe(400);
    expect(errorBody(notSelectOne).message).toContain('(by)');
  });

  it('a survey crossed by a select_one question (crossQuestions) keeps its cross tally on every write: the columns equal those counted from the responses', async () => {
    const own = await buildSurvey(t.db, p.provinceId, form);
    const sample = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => ({ unitId: (k % 3 === 0 ? p.communeIds[1] : p.communeIds[0]) as number, group: (k % 2 === 0 ? 'citizen' : 'cadre') as TRespondentGroup, answers: answersOf(from + k) }));
    await storeTestResponses(t.db, own, sample(0, 60));
    const byVisit = async () => {
      const response = await province.call(e.tabulation, { params: { id: own.id }, query: { by: 'question:visit' } as never });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.columns;
    };
    const crossTallyRows = async () => (await t.db.selectFrom('survey_cross_tally').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', own.id).executeTakeFirstOrThrow()).n;
    const fromResponses = await byVisit();
    const read = await province.call(e.get, { params: { id: own.id } });
    const wrong = await province.call(e.update, { params: { id: own.id }, body: { expectedVersion: read.body.version, crossQuestions: ['channels'] } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('crossQuestions');
    const set = await province.call(e.update, { params: { id: own.id }, body: { expectedVersion: read.body.version, crossQuestions: ['visit'] } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.crossQuestions).toEqual(['visit']);
    // built by a job, not in the request
    expect(set.body.crossTallies).toEqual([{ question: 'visit', state: 'building', jobId: expect.any(String) }]);
    const built = await waitForJob(province, set.body.crossTallies?.[0]?.jobId ?? null);
    expect(built.status, JSON.stringify(built)).toBe('succeeded');
    expect((await province.call(e.get, { params: { id: own.id } })).body.crossTallies).toEqual([{ question: 'visit', state: 'ready', jobId: null }]);
    expect(await crossTallyRows()).toBeGreaterThan(0);
    // built from the stored responses
    expect(await byVisit()).toEqual(fromResponses);
    // kept by the write path: 40 more responses, 3 pending (not counted)
    await storeTestResponses(t.db, own, sample(60, 100));
    await storeTestResponses(t.db, own, sample(100, 103), { pending: true });
    const crossed = await byVisit();
    expect(crossed.reduce((sum, c) => sum + c.submissions, 0)).toBe(fromResponses.reduce((sum, c) => sum + c.submissions, 0) + sample(60, 100).filter((r) => typeof r.answers.visit === 'string').length);
    // no longer crossed: its rows go, and the cross-tabulation read from the responses gives the same columns
    const cleared = await province.call(e.update, { params: { id: own.id }, body: { expectedVersion: set.body.version, crossQuestions: [] } });
    expect(cleared.status).toBe(200);
    expect(await crossTallyRows()).toBe(0);
    expect(await byVisit()).toEqual(crossed);
  });

  /** The cross tally of a survey by `question` as sorted lines, and what the write path's counting gives over its accepted responses (each with its version's form). */
  async function crossTallyLines(surveyId: number, question: string) {
    const rows = await t.db
      .selectFrom('survey_cross_tally')
      .select(['by_value', 'question', 'value', 'unit_id', 'respondent_group', 'count'])
      .where('survey_id', '=', surveyId)
      .where('by_question', '=', question)
      .where('count', '>', 0)
      .execute();
    return rows.map((r) => `${r.by_value}|${r.question}|${r.value}|${r.unit_id}|${r.respondent_group}|${r.count}`).sort();
  }
  async function countedFromResponses(surveyId: number, question: string) {
    const forms = new Map((await t.db.selectFrom('survey_version').select(['number', 'form']).where('survey_id', '=', surveyId).execute()).map((v) => [v.number, ZSurveyForm.parse(v.form)]));
    const rows = await t.db.selectFrom('survey_response').select(['unit_id', 'respondent_group', 'version_number', 'answers', 'cells']).where('survey_id', '=', surveyId).where('status', '=', 'accepted').execute();
    const batch = new TallyBatch();
    for (const r of rows) {
      batch.add(forms.get(r.version_number) as TSurveyForm, { unitId: Number(r.unit_id), group: r.respondent_group, answers: r.answers as TAnswers, cells: r.cells as TCells }, 1, [question]);
    }
    return batch
      .deltas()
      .flatMap((d) => (d.by ? [`${d.by.value}|${d.question}|${d.value}|${d.unitId}|${d.group}|${d.count}`] : []))
      .sort();
  }
  const crossedBy = async (surveyId: number, question: string) => {
    const response = await province.call(e.tabulation, { params: { id: surveyId }, query: { by: `question:${question}` } as never });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.columns;
  };
  const sampleOf = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => ({ unitId: (k % 3 === 0 ? p.communeIds[1] : p.communeIds[0]) as number, group: (k % 2 === 0 ? 'citizen' : 'cadre') as TRespondentGroup, answers: answersOf(from + k) }));

  it('naming a cross question queues its build: the PATCH answers at once, reads meanwhile count the responses, writes during the build are counted once', async () => {
    const own = await buildSurvey(t.db, p.provinceId, form);
    await storeTestResponses(t.db, own, sampleOf(0, 60));
    // the job's order: (unit, id); after its first batch of 7 it has counted the first 7 of the lower unit
    const order = await t.db.selectFrom('survey_response').select(['id', 'unit_id']).where('survey_id', '=', own.id).orderBy('unit_id').orderBy('id').execute();
    const [low, high] = [Number(order[0]?.unit_id), Number(order.at(-1)?.unit_id)];
    expect(low).toBeLessThan(high);
    let jobId: string | null | undefined;
    let during: { state: unknown; columns: TTabulation['columns'] } | null = null;
    const flipVisit = async (id: string, change: (answers: TAnswers) => Record<string, unknown>) => {
      const stored = await province.call(e.response, { params: { id: own.id, responseId: id } });
      expect(stored.status, JSON.stringify(stored.body)).toBe(200);
      const corrected = await province.call(e.correct, { params: { id: own.id, responseId: id }, body: { expectedRevision: stored.body.revision, answers: change(stored.body.answers), reason: 'Nhập sai phiếu' } });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    };
    crossBuildTuning.batch = 7;
    crossBuildTuning.afterBatch = async (done) => {
      if (done !== 7) return;
      // between two batches: a response before the cursor (the lower unit, the smallest id) is the writer's to count,
      // one after it (the higher unit) the job's
      await storeTestResponses(t.db, own, [{ unitId: low, group: 'citizen', answers: answersOf(1), id: '00000000-0000-7000-8000-000000000001' }]);
      await storeTestResponses(t.db, own, [{ unitId: high, group: 'cadre', answers: answersOf(80) }]);
      // a counted response corrected (its old keys leave the cross tally, the new ones come in), one not yet counted
      // corrected (the job counts it as it is when it gets there), a counted one rejected
      await flipVisit(order[0]?.id as string, (a) => ({ ...a, visit: a.visit === 'yes' ? 'no' : 'yes' }));
      await flipVisit(order.at(-1)?.id as string, (a) => ({ ...a, visit: a.visit === 'yes' ? 'no' : 'yes' }));
      const second = await province.call(e.response, { params: { id: own.id, responseId: order[1]?.id as string } });
      const rejected = await province.call(e.correct, { params: { id: own.id, responseId: order[1]?.id as string }, body: { expectedRevision: second.body.revision, status: 'rejected', reason: 'Phiếu trùng' } });
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      during = { state: (await province.call(e.get, { params: { id: own.id } })).body.crossTallies, columns: await crossedBy(own.id, 'visit') };
    };
    try {
      const read = await province.call(e.get, { params: { id: own.id } });
      const set = await province.call(e.update, { params: { id: own.id }, body: { expectedVersion: read.body.version, crossQuestions: ['visit'] } });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body.crossTallies).toEqual([{ question: 'visit', state: 'building', jobId: expect.any(String) }]);
      jobId = set.body.crossTallies?.[0]?.jobId ?? null;
      const job = await waitForJob(province, jobId);
      expect(job.status, JSON.stringify(job)).toBe('succeeded');
      // the job walked the 60 and the one written after its cursor; the one written before it was the writer's
      expect(job.result).toEqual({ counted: 61, dropped: false });
      expect(job.progress).toEqual({ done: 61, total: 61 });
    } finally {
      crossBuildTuning.batch = 5000;
      crossBuildTuning.afterBatch = null;
    }
    // during the build: the survey says so, and the cross-tabulation came from the responses (after the writes)
    const seen = during as { state: unknown; columns: TTabulation['columns'] } | null;
    expect(seen?.state).toEqual([{ question: 'visit', state: 'building', jobId }]);
    expect((await province.call(e.get, { params: { id: own.id } })).body.crossTallies).toEqual([{ question: 'visit', state: 'ready', jobId: null }]);
    // the tally equals the count from the responses, each once, in its last state; the tabulation read from it too
    expect(await crossTallyLines(own.id, 'visit')).toEqual(await countedFromResponses(own.id, 'visit'));
    expect(await crossedBy(own.id, 'visit')).toEqual(seen?.columns);
    expect((seen?.columns ?? []).reduce((sum, c) => sum + c.submissions, 0)).toBe(61);
  });

  it('the cross tally and the cross-tabulation from the responses count each response with the questions of the version it answered', async () => {
    const own = await buildSurvey(t.db, p.provinceId, form);
    await storeTestResponses(t.db, own, sampleOf(0, 30));
    // version 2: age renamed tuoi, comment removed
    const form2: TSurveyForm = {
      ...form,
      items: form.items.flatMap((item) => (item.kind === 'question' && item.name === 'comment' ? [] : item.kind === 'question' && item.name === 'age' ? [{ ...item, name: 'tuoi' }] : [item])),
    };
    const added = await province.call(e.addVersion, { params: { id: own.id }, body: { form: form2 } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await storeTestResponses(
      t.db,
      own,
      sampleOf(0, 20).map(({ answers: { age, comment: _comment, ...rest }, ...r }) => ({ ...r, answers: { ...rest, ...(age === undefined ? {} : { tuoi: age }) } })),
      { versionNumber: 2 },
    );
    const fromResponses = await crossedBy(own.id, 'visit');
    // version 1's 7 ages and version 2's 7 under their names; the current form tabulates tuoi: answered by version 2 only
    const tuoi = (columns: TTabulation['columns']) => columns.reduce((sum, c) => sum + (c.questions.find((x) => x.name === 'tuoi')?.answered ?? 0), 0);
    expect(tuoi(fromResponses)).toBe(7);
    const set = await province.call(e.update, { params: { id: own.id }, body: { expectedVersion: added.body.version, crossQuestions: ['visit'] } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const job = await waitForJob(province, set.body.crossTallies?.[0]?.jobId ?? null);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const lines = await crossTallyLines(own.id, 'visit');
    expect(lines).toEqual(await countedFromResponses(own.id, 'visit'));
    const sumOf = (question: string, value: string) => lines.filter((l) => l.split('|')[1] === question && l.split('|')[2] === value).reduce((sum, l) => sum + Number(l.split('|')[5]), 0);
    expect([sumOf('age', ''), sumOf('tuoi', ''), sumOf('tuoi', '~unanswered'), sumOf('comment', '')]).toEqual([7, 7, 13, 12]);
    expect(await crossedBy(own.id, 'visit')).toEqual(fromResponses);
  });

  it('the Excel export holds the same figures, with Vietnamese headers and a sheet per column', async () => {
    const json = await province.call(e.tabulation, { params: { id: survey.id }, query: { by: 'group' } as never });
    const response = await fetch(`${t.baseUrl}/api/surveys/${survey.id}/tabulation.xlsx?by=group`, { headers: { cookie: province.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`ket-qua-khao-sat-${survey.id}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Kết quả', 'Cán bộ, công chức', 'Người dân']);
    const rowsOf = (sheet: ExcelJS.Worksheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const main = rowsOf(book.worksheets[0] as ExcelJS.Worksheet);
    expect(main[0]).toEqual(['Kết quả khảo sát: Khảo sát công tác dân vận']);
    expect(main[2]).toEqual(['Câu hỏi', 'Phương án', 'Số lượng', 'Cơ sở', 'Tỷ lệ (%)']);
    // every choice of every question: the JSON's figures
    for (const question of json.body.questions.filter((x) => x.choices)) {
      for (const choice of question.choices ?? []) {
        const label = [...question.groups, question.label].join(' / ');
        expect(main).toContainEqual([label, choice.label, choice.count, choice.base, ...(choice.percent === null ? [] : [choice.percent])]);
      }
    }
    expect(main).toContainEqual(['Kênh tiếp nhận / Ông/bà góp ý qua kênh nào?', 'Họp dân', 65, 131, 49.6]);
    expect(main).toContainEqual(['Kênh tiếp nhận / Ông/bà góp ý qua kênh nào?', 'Không hỏi (bỏ qua theo điều kiện)', 5]);
    expect(main).toContainEqual(['Kênh tiếp nhận / Ông/bà góp ý qua kênh nào?', 'Bỏ trống', 4]);
    expect(main).toContainEqual(['Tuổi', 'Trung bình', 42.3]);
    expect(main).toContainEqual(['Tuổi', 'Trung vị', 45]);
    const citizens = rowsOf(book.worksheets[2] as ExcelJS.Worksheet);
    expect(citizens).toContainEqual(['Kênh tiếp nhận / Ông/bà góp ý qua kênh nào?', 'Gặp lãnh đạo', 18, 66, 27.3]);
  });

  it('another province’s account does not see the survey; a survey of no one is 404', async () => {
    const elsewhere = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const stranger = await signIn(elsewhere.provinceId, ['unit_admin']);
    expect((await stranger.call(e.tabulation, { params: { id: survey.id }, query: {} as never })).status).toBe(404);
    expect((await province.call(e.tabulation, { params: { id: 999_999_999 }, query: {} as never })).status).toBe(404);
  });
});
