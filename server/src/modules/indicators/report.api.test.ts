import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

/** A province with two communes and a monthly commune set "received / resolved" with the rule resolved ≤ received. */
async function setUp() {
  const province = await buildProvince(t.db, { communes: 2 });
  const ds = await buildDataSet(t.db, province.provinceId, {
    elements: [
      { valueType: 'integer', name: 'Số đơn thư tiếp nhận' },
      { valueType: 'integer', name: 'Số đơn thư đã giải quyết' },
    ],
  });
  const [received, resolved] = ds.elements as unknown as [{ id: number; code: string; cocId: number }, { id: number; code: string; cocId: number }];
  await t.db
    .insertInto('validation_rule')
    .values({
      data_set_id: ds.id,
      code: `R_${ds.id}`,
      left_side: `#{${resolved.code}}`,
      operator: '<=',
      right_side: `#{${received.code}}`,
      severity: 'error',
      message: 'Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận',
    })
    .execute();
  const [communeId, otherCommuneId] = province.communeIds as [number, number];
  const commune = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['data_entry'] });
  const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
  const put = (values: [{ id: number; cocId: number }, number | null][], writeId?: string) =>
    commune.call(reportEndpoints.putValues, {
      body: {
        dataSetId: ds.id,
        unitId: communeId,
        period: '202602',
        values: values.map(([e, n], i) => ({ writeId: i === 0 && writeId ? writeId : uuidv7(), unitId: communeId, dataElementId: e.id, cocId: e.cocId, value: n === null ? null : String(n) })),
      },
    });
  return { province, ds, received, resolved, communeId, otherCommuneId, commune, officer, put };
}

describe('a monthly report from entry to approval', () => {
  it('commune enters and submits, the province returns it with a reason, the commune corrects, the province approves', async () => {
    const { ds, received, resolved, communeId, commune, officer, put } = await setUp();
    const first = await put([[received, 10], [resolved, 12]]);
    expect(first.status).toBe(200);
    expect(first.body.violations.map((v) => [v.severity, v.left, v.right])).toEqual([['error', 12, 10]]);
    let report = first.body.report;
    expect([report.state, report.actions]).toEqual(['draft', ['submitted']]);

    const refused = await commune.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toBe('Chưa gửi được: Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận');

    expect((await put([[resolved, 9]])).status).toBe(200);
    const submitted = await commune.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    expect(submitted.status).toBe(200);
    report = submitted.body;
    expect([report.state, report.version, report.holderUnitName.startsWith('Tỉnh'), report.onTime, report.actions]).toEqual(['submitted', 1, true, true, []]);

    const locked = await put([[received, 11]]);
    expect(locked.status).toBe(409);
    expect(errorBody(locked).message).toContain('Đã gửi');

    const noReason = await officer.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'returned', seenState: 'submitted', seenVersion: 1 } });
    expect(noReason.status).toBe(400);
    const returned = await officer.call(reportEndpoints.transitionReport, {
      params: { id: report.id },
      body: { to: 'returned', seenState: 'submitted', seenVersion: 1, reason: 'Số đơn tiếp nhận chưa khớp sổ theo dõi, đề nghị kiểm tra lại' },
    });
    expect(returned.status).toBe(200);
    expect([returned.body.state, returned.body.holderUnitId, returned.body.lastReason]).toEqual([
      'returned',
      communeId,
      'Số đơn tiếp nhận chưa khớp sổ theo dõi, đề nghị kiểm tra lại',
    ]);

    const form = await commune.call(reportEndpoints.getForm, { params: { dataSetId: ds.id }, query: { unitId: communeId, period: '202602' } });
    expect([form.body.editable, form.body.report?.actions]).toEqual([true, ['submitted']]);
    expect((await put([[received, 11]])).status).toBe(200);
    const resubmitted = await commune.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'submitted', seenState: 'returned', seenVersion: 2 } });
    expect(resubmitted.body.state).toBe('submitted');

    const stale = await officer.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'approved', seenState: 'submitted', seenVersion: 1 } });
    expect(stale.status).toBe(409);
    const approved = await officer.call(reportEndpoints.transitionReport, { params: { id: report.id }, body: { to: 'approved', seenState: 'submitted', seenVersion: 3 } });
    expect([approved.status, approved.body.state, approved.body.onTime]).toEqual([200, 'approved', true]);
    expect(approved.body.history.map((h) => `${h.from}>${h.to}`)).toEqual(['draft>submitted', 'submitted>returned', 'returned>submitted', 'submitted>approved']);

    const values = await officer.call(reportEndpoints.getForm, { params: { dataSetId: ds.id }, query: { unitId: communeId, period: '202602' } });
    expect(values.body.values.map((v) => [v.dataElementId, v.num]).sort()).toEqual([[received.id, 11], [resolved.id, 9]].sort());
    expect(values.body.editable).toBe(false);

    const history = await officer.call(reportEndpoints.valueHistory, { query: { unitId: communeId, period: '202602', dataElementId: resolved.id, cocId: resolved.cocId } });
    expect(history.body.map((h) => [h.oldValue, h.newValue])).toEqual([['12', '9'], [null, '12']]);

    const unapproved = await officer.call(reportEndpoints.transitionReport, {
      params: { id: report.id },
      body: { to: 'submitted', seenState: 'approved', seenVersion: 4, reason: 'Phát hiện sai sót sau khi duyệt' },
    });
    expect([unapproved.body.state, unapproved.body.approvedAt, unapproved.body.history.length]).toEqual(['submitted', null, 5]);
  });

  it('stores a write sent twice once, and answers the resend after the report was submitted', async () => {
    const { received, resolved, commune, put } = await setUp();
    const writeId = uuidv7();
    const first = await put([[received, 5]], writeId);
    expect(first.body.results[0]?.status).toBe('created');
    await put([[resolved, 1]]);
    await commune.call(reportEndpoints.transitionReport, { params: { id: first.body.report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    const again = await put([[received, 5]], writeId);
    expect([again.status, again.body.results[0]?.status]).toEqual([200, 'duplicate']);
    const changes = await t.db.selectFrom('data_value_change').select('id').where('id', '=', writeId).execute();
    expect(changes).toHaveLength(1);
  });

  it('refuses a value of the wrong type naming the field, a future period and a unit of another province', async () => {
    const { ds, received, communeId, commune } = await setUp();
    const bad = await commune.call(reportEndpoints.putValues, {
      body: { dataSetId: ds.id, unitId: communeId, period: '202602', values: [{ writeId: uuidv7(), unitId: communeId, dataElementId: received.id, cocId: received.cocId, value: '2,5' }] },
    });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).fields).toEqual([{ field: 'values.0.value', message: 'Số đơn thư tiếp nhận: Phải là số nguyên' }]);
    const future = await commune.call(reportEndpoints.putValues, {
      body: { dataSetId: ds.id, unitId: communeId, period: '202604', values: [{ writeId: uuidv7(), unitId: communeId, dataElementId: received.id, cocId: received.cocId, value: '1' }] },
    });
    expect(future.status).toBe(409);
    const other = await buildProvince(t.db, { communes: 1 });
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.communeIds[0] as number, roles: ['data_entry'] });
    const foreign = await stranger.call(reportEndpoints.getForm, { params: { dataSetId: ds.id }, query: { unitId: communeId, period: '202602' } });
    expect(foreign.status).toBe(404);
  });

  it('counts completeness: expected, submitted on time, missing with the list of units', async () => {
    const { ds, received, resolved, otherCommuneId, commune, officer, put } = await setUp();
    const first = await put([[received, 3], [resolved, 3]]);
    await commune.call(reportEndpoints.transitionReport, { params: { id: first.body.report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    const c = await officer.call(reportEndpoints.completeness, { query: { dataSetId: ds.id, period: '202602' } });
    expect(c.status).toBe(200);
    expect([c.body.expected, c.body.submitted, c.body.onTime, c.body.late, c.body.missing]).toEqual([2, 1, 1, 0, 1]);
    expect(c.body.units.filter((u) => u.report === null).map((u) => u.unitId)).toEqual([otherCommuneId]);
  });
});
