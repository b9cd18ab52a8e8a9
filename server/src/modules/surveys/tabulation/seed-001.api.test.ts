import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyEndpoints as e } from '#contracts/surveys/api.ts';
import type { TTabulatedQuestion, TTabulation } from '#contracts/surveys/tabulation.schemas.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { DEMO_SURVEY_CODE, surveysDemoStep } from '../demo/surveys-demo-step.ts';

/**
 * Seed 001's tabulation over HTTP (issue 13 "Done means"): the demo's 131 responses give the report's percentages
 * where 131 forms can give them (docs/design/survey-seed-001.md), in the JSON and in the Excel export alike.
 */

let t: TestApp;
let admin: TestClient;
let surveyId: number;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
  await t.db.transaction().execute((trx) => surveysDemoStep.run(trx, { today: '2026-03-02' }));
  surveyId = Number((await t.db.selectFrom('survey').select('id').where('code', '=', DEMO_SURVEY_CODE).executeTakeFirstOrThrow()).id);
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const percents = (body: TTabulation, name: string) => {
  const question = body.questions.find((q) => q.name === name) as TTabulatedQuestion;
  return Object.fromEntries((question.choices ?? []).filter((c) => c.count > 0).map((c) => [c.name, [c.count, c.base, c.percent]]));
};

describe("seed 001's survey: the report's figures", () => {
  it('131 forms: 49.6 % / 28.2 % / 34.4 % (the report says 34.3 %) of a multiple choice, the issues 19.1 / 61.8 / 22.9 / 26.0 %', async () => {
    const response = await admin.call(e.tabulation, { params: { id: surveyId }, query: {} as never });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    const body = response.body;
    expect(body.submissions).toBe(131);
    expect(percents(body, 'lay_y_kien')).toMatchObject({ ho_dan: [65, 131, 49.6], thon_ban: [37, 131, 28.2], hdnd_ubnd: [45, 131, 34.4] });
    expect(percents(body, 'van_de_buc_xuc')).toMatchObject({
      thu_tuc_hanh_chinh: [25, 131, 19.1], dat_dai: [81, 131, 61.8], tiep_cong_dan: [30, 131, 22.9], chuong_trinh_du_an: [34, 131, 26],
    });
    expect(percents(body, 'quan_triet_nghi_quyet')).toMatchObject({ day_du: [107, 131, 81.7] });
    expect(percents(body, 'chinh_sach_phu_hop')).toMatchObject({ phu_hop: [129, 131, 98.5], chua_dong_tinh: [2, 131, 1.5] });
    expect(percents(body, 'duy_tri_to_dan_van')).toMatchObject({ nen_duy_tri: [103, 131, 78.6] });
    expect(percents(body, 'tham_ho_gia_dinh')).toMatchObject({ ung_ho: [126, 131, 96.2] });
    expect(percents(body, 'tham_gia_hop_dan')).toMatchObject({ trung_binh: [53, 131, 40.5], khi_co_quyen_loi: [43, 131, 32.8], chu_yeu_can_bo: [42, 131, 32.1] });
    expect(body.questions.find((q) => q.name === 'ly_do_chua_dong_tinh')).toMatchObject({ skipped: 129 });

    const byUnit = await admin.call(e.tabulation, { params: { id: surveyId }, query: { by: 'unit' } as never });
    expect(byUnit.status).toBe(200);
    expect(byUnit.body.columns.map((c) => c.submissions).sort()).toEqual([39, 46, 46]);
  });

  it('the Excel export carries the same figures', async () => {
    const json = (await admin.call(e.tabulation, { params: { id: surveyId }, query: {} as never })).body;
    const response = await fetch(`${t.baseUrl}/api/surveys/${surveyId}/tabulation.xlsx`, { headers: { cookie: admin.cookie ?? '' } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    (book.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    let checked = 0;
    for (const question of json.questions) {
      for (const choice of question.choices ?? []) {
        const label = [...question.groups, question.label].join(' / ');
        expect(rows).toContainEqual([label, choice.label, choice.count, choice.base, ...(choice.percent === null ? [] : [choice.percent])]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
    const ask = json.questions.find((q) => q.name === 'lay_y_kien') as TTabulatedQuestion;
    expect(rows).toContainEqual([[...ask.groups, ask.label].join(' / '), ask.choices?.find((c) => c.name === 'hdnd_ubnd')?.label, 45, 131, 34.4]);
  });
});
