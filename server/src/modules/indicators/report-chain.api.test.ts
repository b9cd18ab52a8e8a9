import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { officialUnitId } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  // before the reform: communes report to their district, which accepts and passes the report to the province
  t = await startTestApp({ today: '2025-04-02' });
});
afterAll(() => t.close());

describe('approval up a tree with districts (2019 structure)', () => {
  it('commune submits, district accepts, the 2025 province (whose territory holds the 2019 one) approves; 202503 is reported by 2019 units', async () => {
    const province2025 = await officialUnitId(t.db, '2025', '44');
    const { rows } = await sql<{ commune: number; district: number; province: number }>`
      select c.id as commune, d.id as district, p.id as province from admin_unit c
      join admin_unit d on d.id = c.parent_id join admin_unit p on p.id = d.parent_id
      where c.structure = '2019' and c.level = 'commune' and p.code = '45' order by c.code limit 1`.execute(t.db);
    const { commune, district, province } = rows[0] as { commune: number; district: number; province: number };
    const ds = await buildDataSet(t.db, province2025);
    const element = ds.elements[0] as { id: number; cocId: number };

    const communeUser = await signIn(t.baseUrl, t.db, { unitId: commune, roles: ['data_entry'] });
    const districtUser = await signIn(t.baseUrl, t.db, { unitId: district, roles: ['commission_officer'] });
    const provinceUser = await signIn(t.baseUrl, t.db, { unitId: province2025, roles: ['leader'] });

    const put = await communeUser.call(reportEndpoints.putValues, {
      body: { dataSetId: ds.id, unitId: commune, period: '202503', values: [{ writeId: uuidv7(), unitId: commune, dataElementId: element.id, cocId: element.cocId, value: '14' }] },
    });
    expect(put.status).toBe(200);
    const id = put.body.report.id;
    const submitted = await communeUser.call(reportEndpoints.transitionReport, { params: { id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    expect([submitted.body.state, submitted.body.holderUnitId]).toEqual(['submitted', district]);

    const tooEarly = await provinceUser.call(reportEndpoints.transitionReport, { params: { id }, body: { to: 'approved', seenState: 'submitted', seenVersion: 1 } });
    expect(tooEarly.status).toBe(409);
    expect(errorBody(tooEarly).message).toBe('Chỉ cấp tỉnh phê duyệt báo cáo; cấp dưới tiếp nhận rồi chuyển lên.');

    const accepted = await districtUser.call(reportEndpoints.transitionReport, { params: { id }, body: { to: 'accepted', seenState: 'submitted', seenVersion: 1 } });
    expect([accepted.status, accepted.body.state, accepted.body.holderUnitId, accepted.body.actions]).toEqual([200, 'accepted', province, []]);

    const view = await provinceUser.call(reportEndpoints.getReport, { params: { id } });
    expect(view.body.actions).toEqual(['approved', 'returned']);
    const approved = await provinceUser.call(reportEndpoints.transitionReport, { params: { id }, body: { to: 'approved', seenState: 'accepted', seenVersion: 2 } });
    expect([approved.status, approved.body.state]).toEqual([200, 'approved']);

    const completeness = await provinceUser.call(reportEndpoints.completeness, { query: { dataSetId: ds.id, period: '202503' } });
    // every 2019 commune of both old provinces that became Quảng Trị reports March 2025; one has
    const expected = await sql<{ n: number }>`
      select count(*)::int as n from admin_unit c where c.level = 'commune' and c.structure = '2019'
        and c.path <@ any (unit_scope_paths(${province2025})) and c.valid_to >= '2025-03-31'`.execute(t.db);
    expect([completeness.body.expected, completeness.body.approved, completeness.body.missing]).toEqual([expected.rows[0]?.n, 1, (expected.rows[0]?.n ?? 0) - 1]);
    expect(completeness.body.expected).toBeGreaterThan(100);

    const later = await provinceUser.call(reportEndpoints.completeness, { query: { dataSetId: ds.id, period: '202507' } });
    expect(later.status).toBe(200);
    const communes2025 = await sql<{ n: number }>`select count(*)::int as n from admin_unit where parent_id = ${province2025} and level = 'commune'`.execute(t.db);
    expect(later.body.expected).toBe(communes2025.rows[0]?.n);
  });
});
