import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewEndpoints as e } from '#contracts/emulation/review.api.ts';
import type { Database } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-10-10' });
});
afterAll(() => t.close());

/** A campaign of the province with seed 002's kinds of criteria (weighted general and per kind, and a pass/fail one). */
async function buildCampaign(db: Database, provinceId: number, code = 'NDVK-2026') {
  const campaign = await db
    .insertInto('emulation_campaign')
    .values({
      province_id: provinceId, unit_id: provinceId, code, title: `Năm Dân vận khéo 2026 ${code}`, year: 2026, starts_on: '2026-01-01',
      ends_on: '2026-12-31', level: 'province', themes: ['04 không'], search_text: `nam dan van kheo 2026 ${code.toLowerCase()}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const criteria = [
    { applies_to: 'general', code: '1', text: 'Tạo đồng thuận và sự tham gia của người dân', scoring: 'weight', weight: 40, max_score: 10 },
    { applies_to: 'collective', code: '2', text: 'Tập thể trọng tâm ở cơ sở, trực tiếp vận động nhân dân', scoring: 'weight', weight: 60, max_score: 20 },
    { applies_to: 'general', code: '3', text: 'Được bình xét công khai', scoring: 'pass_fail', weight: null, max_score: null },
    { applies_to: 'individual', code: '4', text: 'Có giải pháp sáng tạo, hiệu quả trong vận động nhân dân', scoring: 'weight', weight: 60, max_score: 10 },
  ] as const;
  await db
    .insertInto('emulation_criterion')
    .values(criteria.map((c, i) => ({ ...c, province_id: provinceId, campaign_id: campaign.id, position: i + 1 })))
    .execute();
  return campaign.id;
}

async function buildModel(db: Database, provinceId: number, unitId: number, campaignId: number, kind: 'collective' | 'individual', title: string, status = 'building') {
  const id = uuidv7();
  const now = new Date('2026-03-01T00:00:00Z');
  await db
    .insertInto('emulation_model')
    .values({
      id, province_id: provinceId, unit_id: unitId, campaign_id: campaignId, kind, field: 'economy', title, status: status as 'building',
      search_text: sql<string>`fold_vi(${title})`, created_at: now, updated_at: now, started_on: '2026-02-01',
    })
    .execute();
  return id;
}

describe('review against criteria', () => {
  it('makes the sheet from the criteria, takes nominations, scores with corrections, ranks and concludes', async () => {
    const province = await buildProvince(t.db, { communes: 2 });
    const [communeA, communeB] = province.communeIds as [number, number];
    const campaignId = await buildCampaign(t.db, province.provinceId);
    const otherCampaign = await buildCampaign(t.db, province.provinceId, 'KHAC-2026');
    const modelA = await buildModel(t.db, province.provinceId, communeA, campaignId, 'collective', 'Dân vận khéo trong dồn điền đổi thửa');
    const modelB = await buildModel(t.db, province.provinceId, communeB, campaignId, 'collective', 'Tuyến đường hoa do dân tự làm');
    const modelC = await buildModel(t.db, province.provinceId, communeB, campaignId, 'individual', 'Bí thư chi bộ vận động hiến đất');
    const modelOther = await buildModel(t.db, province.provinceId, communeA, otherCampaign, 'collective', 'Mô hình của phong trào khác');

    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const reviewer2 = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['leader'] });
    const leaderA = await signIn(t.baseUrl, t.db, { unitId: communeA, roles: ['leader'] });
    const leaderB = await signIn(t.baseUrl, t.db, { unitId: communeB, roles: ['commission_officer'] });
    const stranger = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['commission_officer'] });

    // the sheet: a copy of the criteria, made once, by the campaign's unit only
    expect((await officer.call(e.getReviewSheet, { params: { campaignId } })).body).toBeNull();
    expect((await leaderA.call(e.createReviewSheet, { params: { campaignId }, body: { passPercent: 80 } })).status).toBe(403);
    expect((await stranger.call(e.createReviewSheet, { params: { campaignId }, body: { passPercent: 80 } })).status).toBe(404);
    const badMark = await officer.call(e.createReviewSheet, { params: { campaignId }, body: { passPercent: 120 } });
    expect(badMark.status).toBe(400);
    expect(errorBody(badMark).message).toContain('passPercent');
    const made = await officer.call(e.createReviewSheet, { params: { campaignId }, body: { passPercent: 75 } });
    expect(made.status).toBe(200);
    expect(made.body.items.map((i) => [i.code, i.appliesTo, i.scoring, i.weight, i.maxScore])).toEqual([
      ['1', 'general', 'weight', 40, 10],
      ['2', 'collective', 'weight', 60, 20],
      ['3', 'general', 'pass_fail', null, null],
      ['4', 'individual', 'weight', 60, 10],
    ]);
    expect(made.body).toMatchObject({ passPercent: 75, version: 1, inUse: false, canManage: true });
    expect((await officer.call(e.createReviewSheet, { params: { campaignId }, body: { passPercent: 75 } })).status).toBe(409);
    const stale = await officer.call(e.updateReviewSheet, { params: { campaignId }, body: { version: 9, passPercent: 70 } });
    expect(stale.status).toBe(409);
    expect((await officer.call(e.updateReviewSheet, { params: { campaignId }, body: { version: 1, passPercent: 70 } })).body).toMatchObject({ passPercent: 70, version: 2 });
    const nominableResponse = await leaderA.call(e.listNominable, { params: { campaignId }, query: {} });
    expect(nominableResponse.status, JSON.stringify(nominableResponse.body)).toBe(200);
    const nominable = nominableResponse.body;
    expect(nominable.map((n) => [n.model.id, n.unit.id, n.reviewers.map((r) => r.id)])).toEqual([[modelA, communeA, [province.provinceId]]]);
    expect((await leaderB.call(e.listNominable, { params: { campaignId }, query: { q: 'hien dat' } })).body.map((n) => n.model.id)).toEqual([modelC]);
    const item = Object.fromEntries(made.body.items.map((i) => [i.code, i.id])) as Record<'1' | '2' | '3' | '4', number>;

    // nominations: by the model's commune, to a unit above it, within the campaign
    const nominate = (client: typeof leaderA, body: Parameters<typeof leaderA.call<typeof e.createNomination>>[1]['body']) =>
      client.call(e.createNomination, { params: { campaignId }, body });
    const sideways = await nominate(leaderA, { modelId: modelA, toUnitId: communeB });
    expect(sideways.status).toBe(400);
    expect(errorBody(sideways).message).toContain('toUnitId');
    const wrongCampaign = await nominate(leaderA, { modelId: modelOther, toUnitId: province.provinceId });
    expect(wrongCampaign.status).toBe(400);
    expect(errorBody(wrongCampaign).message).toContain('modelId');
    expect((await nominate(leaderA, { modelId: modelB, toUnitId: province.provinceId })).status).toBe(404);
    const nA = await nominate(leaderA, { modelId: modelA, toUnitId: province.provinceId, note: 'Đề nghị xét công nhận cấp tỉnh' });
    expect(nA.status).toBe(200);
    expect(nA.body).toMatchObject({ status: 'nominated', fromUnit: { id: communeA }, toUnit: { id: province.provinceId }, totalPercent: null, passed: null, canReview: false });
    expect(nA.body.sheet.items.map((i) => i.code)).toEqual(['1', '2', '3']);
    expect((await nominate(leaderA, { modelId: modelA, toUnitId: province.provinceId })).status).toBe(409);
    const nB = (await nominate(leaderB, { modelId: modelB, toUnitId: province.provinceId })).body;
    const nC = (await nominate(leaderB, { modelId: modelC, toUnitId: province.provinceId })).body;
    expect(nC.sheet.items.map((i) => i.code)).toEqual(['1', '3', '4']);

    // scoring: only the reviewing unit; every value checked against its line
    const score = (client: typeof officer, id: string, scores: { itemId: number; score?: number; passed?: boolean; note?: string }[]) =>
      client.call(e.scoreNomination, { params: { id }, body: { scores } });
    expect((await score(leaderA, nA.body.id, [{ itemId: item['1'], score: 10 }])).status).toBe(403);
    const tooHigh = await score(officer, nA.body.id, [{ itemId: item['1'], score: 9 }, { itemId: item['2'], score: 25 }]);
    expect(tooHigh.status).toBe(400);
    expect(errorBody(tooHigh).message).toBe('Điểm (scores.1.score): điểm tối đa của tiêu chí này là 20');
    const noVerdict = await score(officer, nA.body.id, [{ itemId: item['3'], score: 5 }]);
    expect(noVerdict.status).toBe(400);
    expect(errorBody(noVerdict).message).toContain('scores.0.passed');
    const offSheet = await score(officer, nA.body.id, [{ itemId: item['4'], score: 5 }]);
    expect(offSheet.status).toBe(400);
    expect(errorBody(offSheet).message).toContain('scores.0.itemId');

    await score(officer, nA.body.id, [{ itemId: item['1'], score: 8 }, { itemId: item['2'], score: 16 }, { itemId: item['3'], passed: true }]);
    // the second reviewer scores, then corrects a line: a new revision, the first one kept
    await score(reviewer2, nA.body.id, [{ itemId: item['1'], score: 9 }, { itemId: item['2'], score: 12 }, { itemId: item['3'], passed: true }]);
    const corrected = await score(reviewer2, nA.body.id, [{ itemId: item['2'], score: 14, note: 'Sửa sau khi xem lại số liệu' }, { itemId: item['1'], score: 9 }]);
    expect(corrected.status).toBe(200);
    // (8.5/10 × 40 + 15/20 × 60) / 100 = 79 %, pass mark 70, the pass/fail line passed 2–0
    expect(corrected.body).toMatchObject({ totalPercent: 79, complete: true, passed: true, reviewerCount: 2, canReview: true });
    expect(corrected.body.history.filter((s) => s.itemId === item['2'] && s.reviewer.id === reviewer2.userId).map((s) => [s.revision, s.score])).toEqual([[1, 12], [2, 14]]);
    expect(corrected.body.scores.filter((s) => s.itemId === item['2']).map((s) => s.score).sort()).toEqual([14, 16]);
    expect(corrected.body.itemResults).toEqual([
      { itemId: item['1'], average: 8.5, passVotes: 0, failVotes: 0, passed: null },
      { itemId: item['2'], average: 15, passVotes: 0, failVotes: 0, passed: null },
      { itemId: item['3'], average: null, passVotes: 2, failVotes: 0, passed: true },
    ]);
    expect(await t.db.selectFrom('emulation_review_score').select(sql<number>`count(*)::int`.as('n')).where('nomination_id', '=', nA.body.id).executeTakeFirstOrThrow()).toEqual({ n: 7 });
    await expect(sql`update emulation_review_score set score = 0 where nomination_id = ${nA.body.id}`.execute(t.db)).rejects.toThrow(/append-only/);

    // B scores higher but fails the pass/fail line; C (individual) ranks in its own group, and cannot be concluded
    // before every line is scored
    await score(officer, nB.id, [{ itemId: item['1'], score: 10 }, { itemId: item['2'], score: 20 }, { itemId: item['3'], passed: false }]);
    const partial = await score(officer, nC.id, [{ itemId: item['1'], score: 5 }, { itemId: item['4'], score: 5 }]);
    expect(partial.body).toMatchObject({ totalPercent: 50, complete: false, passed: false });
    const incomplete = await officer.call(e.concludeNomination, {
      params: { id: nC.id },
      body: { version: partial.body.version, meetingOn: '2026-10-05', attendees: 'Hội đồng', participantCount: 9, votesFor: 9, votesAgainst: 0, votesAbstain: 0 },
    });
    expect(incomplete.status).toBe(409);
    expect(errorBody(incomplete).message).toBe('Chưa chấm đủ: còn 1 tiêu chí chưa có điểm (3).');
    await score(officer, nC.id, [{ itemId: item['3'], passed: true }]);
    const ranked = (await officer.call(e.listNominations, { params: { campaignId }, query: {} })).body;
    expect(ranked.map((n) => [n.model.title, n.model.kind, n.totalPercent, n.passed, n.rank])).toEqual([
      ['Dân vận khéo trong dồn điền đổi thửa', 'collective', 79, true, 1],
      ['Tuyến đường hoa do dân tự làm', 'collective', 100, false, 2],
      ['Bí thư chi bộ vận động hiến đất', 'individual', 50, false, 1],
    ]);
    expect((await officer.call(e.listNominations, { params: { campaignId }, query: { kind: 'individual' } })).body.map((n) => n.id)).toEqual([nC.id]);
    expect((await officer.call(e.listNominations, { params: { campaignId }, query: { q: 'duong hoa' } })).body.map((n) => n.id)).toEqual([nB.id]);
    // a commune sees its own nominations, unranked; another province sees nothing
    const ownList = (await leaderA.call(e.listNominations, { params: { campaignId }, query: {} })).body;
    expect(ownList.map((n) => [n.id, n.rank])).toEqual([[nA.body.id, null]]);
    expect((await stranger.call(e.getNomination, { params: { id: nA.body.id } })).status).toBe(404);
    expect((await stranger.call(e.listNominations, { params: { campaignId }, query: {} })).status).toBe(404);

    // conclusion: complete scores, the current version, the meeting's vote; then nothing changes
    const tooManyVotes = await officer.call(e.concludeNomination, {
      params: { id: nA.body.id },
      body: { version: corrected.body.version, meetingOn: '2026-10-05', attendees: 'Hội đồng', participantCount: 5, votesFor: 5, votesAgainst: 1, votesAbstain: 0 },
    });
    expect(tooManyVotes.status).toBe(400);
    expect(errorBody(tooManyVotes).message).toContain('votesFor');
    const staleConclusion = await officer.call(e.concludeNomination, {
      params: { id: nA.body.id },
      body: { version: nA.body.version, meetingOn: '2026-10-05', attendees: 'Hội đồng', participantCount: 7, votesFor: 6, votesAgainst: 1, votesAbstain: 0 },
    });
    expect(staleConclusion.status).toBe(409);
    const concluded = await officer.call(e.concludeNomination, {
      params: { id: nA.body.id },
      body: { version: corrected.body.version, meetingOn: '2026-10-05', attendees: 'Hội đồng thi đua tỉnh', participantCount: 7, votesFor: 6, votesAgainst: 1, votesAbstain: 0 },
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body).toMatchObject({
      status: 'concluded', totalPercent: 79, passed: true, concludedOn: '2026-10-10', canReview: false, stepNote: null,
      meeting: { meetingOn: '2026-10-05', attendees: 'Hội đồng thi đua tỉnh', participantCount: 7, votesFor: 6, votesAgainst: 1, votesAbstain: 0 },
    });
    // the model's "publicly reviewed" step, recorded through the models' lifecycle in the same transaction
    const model = await t.db.selectFrom('emulation_model').select(['status']).where('id', '=', modelA).executeTakeFirstOrThrow();
    expect(model.status).toBe('reviewed');
    const steps = await t.db.selectFrom('emulation_model_step').select(['step', 'on_date', 'details']).where('model_id', '=', modelA).execute();
    expect(steps.map((s) => [s.step, s.on_date])).toEqual([['reviewed', '2026-10-05']]);
    expect((await score(officer, nA.body.id, [{ itemId: item['1'], score: 10 }])).status).toBe(409);
    // a later change of the pass mark does not change a concluded result
    await officer.call(e.updateReviewSheet, { params: { campaignId }, body: { version: 2, passPercent: 90 } });
    expect((await officer.call(e.getNomination, { params: { id: nA.body.id } })).body).toMatchObject({ passed: true, totalPercent: 79 });
    expect((await officer.call(e.getNomination, { params: { id: nB.id } })).body.passed).toBe(false);

    // withdrawing: the nominating commune, with its reason
    const withdrawn = await leaderB.call(e.withdrawNomination, { params: { id: nB.id }, body: { version: (await leaderB.call(e.getNomination, { params: { id: nB.id } })).body.version, reason: 'Rút để bổ sung số liệu' } });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await officer.call(e.listNominations, { params: { campaignId }, query: { kind: 'collective' } })).body.map((n) => [n.status, n.rank])).toEqual([
      ['concluded', 1],
      ['withdrawn', null],
    ]);

    const audits = await t.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', 'in', ['emulation_review_sheet', 'emulation_nomination'])
      .where('unit_id', 'in', [province.provinceId, communeA, communeB])
      .execute();
    // sheet: create + 2 updates; nominations: 3 creates, 6 score writes (refused ones leave nothing), 1 conclusion, 1 withdrawal
    expect(audits.filter((a) => a.entity === 'emulation_review_sheet')).toHaveLength(3);
    expect(audits.filter((a) => a.entity === 'emulation_nomination')).toHaveLength(3 + 6 + 1 + 1);
  });

  it('concludes a review of a model its lifecycle cannot mark reviewed yet with a note, and keeps nominations scoped', async () => {
    const province = await buildProvince(t.db, { communes: 1 });
    const communeId = province.communeIds[0] as number;
    const campaignId = await buildCampaign(t.db, province.provinceId, 'GHI-CHU');
    const registered = await buildModel(t.db, province.provinceId, communeId, campaignId, 'individual', 'Trưởng thôn vận động làm đường', 'registered');
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const focal = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'] });
    // nominating before the sheet exists is refused in Vietnamese
    const early = await officer.call(e.createNomination, { params: { campaignId }, body: { modelId: registered, toUnitId: province.provinceId } });
    expect(early.status).toBe(409);
    expect(errorBody(early).message).toBe('Phong trào chưa có phiếu chấm điểm: đơn vị phát động cần lập phiếu trước khi nhận đề nghị xét chọn.');
    const sheet = (await officer.call(e.createReviewSheet, { params: { campaignId }, body: {} })).body;
    expect(sheet.passPercent).toBe(80);
    // a focal point may read but not nominate
    expect((await focal.call(e.createNomination, { params: { campaignId }, body: { modelId: registered, toUnitId: province.provinceId } })).status).toBe(403);
    const nomination = (await officer.call(e.createNomination, { params: { campaignId }, body: { modelId: registered, toUnitId: province.provinceId } })).body;
    const line = Object.fromEntries(sheet.items.map((i) => [i.code, i.id])) as Record<string, number>;
    const scored = await officer.call(e.scoreNomination, {
      params: { id: nomination.id },
      body: { scores: [{ itemId: line['1'] as number, score: 9 }, { itemId: line['4'] as number, score: 8.5 }, { itemId: line['3'] as number, passed: true }] },
    });
    // (9/10 × 40 + 8.5/10 × 60) / 100 = 87 %
    expect(scored.body).toMatchObject({ totalPercent: 87, passed: true, complete: true });
    const concluded = await officer.call(e.concludeNomination, {
      params: { id: nomination.id },
      body: { version: scored.body.version, meetingOn: '2026-10-01', attendees: 'Hội đồng thi đua', participantCount: 5, votesFor: 5, votesAgainst: 0, votesAbstain: 0 },
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body.stepNote).toBe(
      'Chưa ghi được bước “bình xét công khai” vào hồ sơ mô hình vì mô hình đang ở trạng thái “Đã đăng ký”; hãy ghi bước này trên trang mô hình khi mô hình đủ điều kiện.',
    );
    expect((await t.db.selectFrom('emulation_model').select('status').where('id', '=', registered).executeTakeFirstOrThrow()).status).toBe('registered');
    const future = await officer.call(e.withdrawNomination, { params: { id: nomination.id }, body: { version: concluded.body.version, reason: 'Thử' } });
    expect(future.status).toBe(409);
    expect((await focal.call(e.getNomination, { params: { id: nomination.id } })).body).toMatchObject({ status: 'concluded', canReview: false, canAttach: false });
  });
});
