import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { DEMO_SURVEY_CODE, surveysDemoStep } from './surveys-demo-step.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('surveys demo step', () => {
  it("stores seed 001's 131 responses through the response store: the tallies give the report's counts", async () => {
    const summary = await handle.db.transaction().execute((trx) => surveysDemoStep.run(trx, { today: '2026-03-02' }));
    expect(summary).toBe(`survey ${DEMO_SURVEY_CODE}: 131 responses in 3 localities`);
    const survey = await handle.db.selectFrom('survey').select(['id', 'status', 'current_version', 'notes']).where('code', '=', DEMO_SURVEY_CODE).executeTakeFirstOrThrow();
    expect(survey).toMatchObject({ status: 'closed', current_version: 1 });
    expect(survey.notes).toContain('34,4% (báo cáo 34,3%)');
    const rows = await handle.db
      .selectFrom('survey_tally')
      .select(['question', 'value', sql<number>`sum(count)::int`.as('n')])
      .where('survey_id', '=', survey.id)
      .groupBy(['question', 'value'])
      .execute();
    const tally = Object.fromEntries(rows.map((r) => [`${r.question}|${r.value}`, Number(r.n)]));
    // docs/design/survey-seed-001.md §2: the count each figure of the report implies
    expect(tally).toMatchObject({
      '|': 131,
      'quan_triet_nghi_quyet|day_du': 107,
      'trach_nhiem_dan_van|he_thong_chinh_tri': 131,
      'lay_y_kien|ho_dan': 65,
      'lay_y_kien|thon_ban': 37,
      'lay_y_kien|hdnd_ubnd': 45,
      'chinh_sach_phu_hop|phu_hop': 129,
      'chinh_sach_phu_hop|chua_dong_tinh': 2,
      'duy_tri_to_dan_van|nen_duy_tri': 103,
      'tham_ho_gia_dinh|ung_ho': 126,
      'van_de_buc_xuc|thu_tuc_hanh_chinh': 25,
      'van_de_buc_xuc|dat_dai': 81,
      'van_de_buc_xuc|tiep_cong_dan': 30,
      'van_de_buc_xuc|chuong_trinh_du_an': 34,
      'tham_gia_hop_dan|trung_binh': 53,
      'tham_gia_hop_dan|khi_co_quyen_loi': 43,
      'tham_gia_hop_dan|chu_yeu_can_bo': 42,
      'ly_do_chua_dong_tinh|~skipped': 129,
    });
    const byUnit = await handle.db
      .selectFrom('survey_tally as t')
      .innerJoin('admin_unit as u', 'u.id', 't.unit_id')
      .select(['u.code', 't.count'])
      .where('t.survey_id', '=', survey.id)
      .where('t.question', '=', '')
      .orderBy('u.code')
      .execute();
    expect(byUnit.map((r) => [r.code, Number(r.count)])).toEqual([['461', 46], ['467', 39], ['470', 46]]);
    expect(await handle.db.transaction().execute((trx) => surveysDemoStep.run(trx, { today: '2026-03-02' }))).toBe(`survey ${DEMO_SURVEY_CODE} already there`);
  });
});
