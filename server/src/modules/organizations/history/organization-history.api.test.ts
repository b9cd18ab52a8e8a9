import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { buildOrganization, buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/** Issue 9 items 7–8: bodies over dates, their successors and their dated abbreviations. */
let t: TestApp;
let province: TestProvince;
beforeAll(async () => {
  t = await startTestApp();
  province = await buildProvince(t.db);
});
afterAll(() => t.close());

describe('the succession of bodies', () => {
  it('records that the Ban Dân vận merged into the Ban Tuyên giáo và Dân vận, shows it both ways, and audits it', async () => {
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const old = await buildOrganization(t.db, province.provinceId, { type: 'mobilization_commission', name: 'Ban Dân vận Tỉnh ủy', foundedOn: null, dissolvedOn: '2025-03-01' });
    const merged = await admin.call(organizationEndpoints.create, {
      body: { unitId: province.provinceId, type: 'propaganda_mobilization_commission', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', foundedOn: '2025-03-01' },
    });
    expect(merged.status).toBe(200);
    const link = await admin.call(organizationEndpoints.addSuccessor, {
      params: { id: old },
      body: { successorId: merged.body.id, kind: 'merged', effectiveDate: '2025-03-01', instrument: 'Quyết định 983-QĐ/TU', reason: 'Hợp nhất hai Ban theo Kết luận 121-KL/TW' },
    });
    expect(link.status).toBe(200);
    expect(link.body.successors).toEqual([
      {
        organization: { id: merged.body.id, name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', unitId: province.provinceId, unitName: expect.any(String) },
        kind: 'merged',
        effectiveDate: '2025-03-01',
        instrument: 'Quyết định 983-QĐ/TU',
        certainty: 'certain',
        note: 'Hợp nhất hai Ban theo Kết luận 121-KL/TW',
      },
    ]);
    expect(link.body.continuedAs.map((ref) => ref.id)).toEqual([merged.body.id]);
    const after = await admin.call(organizationEndpoints.get, { params: { id: merged.body.id }, query: {} });
    expect(after.body.predecessors.map((p) => [p.organization.id, p.kind])).toEqual([[old, 'merged']]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'organization_succession').execute();
    expect(audit).toEqual([{ action: 'create', entity_id: String(old) }]);

    // never twice, never a loop, never before the successor existed
    const again = await admin.call(organizationEndpoints.addSuccessor, {
      params: { id: old },
      body: { successorId: merged.body.id, kind: 'renamed', effectiveDate: '2025-03-01', reason: 'Ghi lại lần nữa' },
    });
    expect(again.status).toBe(409);
    const loop = await admin.call(organizationEndpoints.addSuccessor, {
      params: { id: merged.body.id },
      body: { successorId: old, kind: 'merged', effectiveDate: '2025-03-01', reason: 'Vòng lặp' },
    });
    expect(loop.status).toBe(400);
    expect(errorBody(loop).message).toContain('đã là tiền thân');
    const early = await buildOrganization(t.db, province.provinceId, { type: 'agency', name: 'Ban Tuyên giáo Tỉnh ủy', foundedOn: null, dissolvedOn: '2025-03-01' });
    const tooEarly = await admin.call(organizationEndpoints.addSuccessor, {
      params: { id: early },
      body: { successorId: merged.body.id, kind: 'merged', effectiveDate: '2025-02-01', reason: 'Ngày sai' },
    });
    expect(tooEarly.status).toBe(400);
    expect(errorBody(tooEarly).message).toContain('01/03/2025');
  });

  it('keeps dated abbreviations: the one in force ends the day before the next starts', async () => {
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const body = await buildOrganization(t.db, province.provinceId, { type: 'fatherland_front', name: 'Ủy ban MTTQ tỉnh' });
    const first = await admin.call(organizationEndpoints.addAbbreviation, { params: { id: body }, body: { abbreviation: 'MTTQ', validFrom: '2019-01-01' } });
    expect(first.status).toBe(200);
    const second = await admin.call(organizationEndpoints.addAbbreviation, { params: { id: body }, body: { abbreviation: 'UBMTTQ', validFrom: '2025-07-01' } });
    expect(second.body.abbreviations).toEqual([
      { abbreviation: 'MTTQ', validFrom: '2019-01-01', validTo: '2025-06-30' },
      { abbreviation: 'UBMTTQ', validFrom: '2025-07-01', validTo: null },
    ]);
    const backwards = await admin.call(organizationEndpoints.addAbbreviation, { params: { id: body }, body: { abbreviation: 'MT', validFrom: '2024-01-01' } });
    expect(backwards.status).toBe(400);
    const lower = await admin.call(organizationEndpoints.addAbbreviation, { params: { id: body }, body: { abbreviation: 'btg dv', validFrom: '2026-01-01' } });
    expect(lower.status).toBe(400);
  });

  it('refuses a type out of its period at the level, and hides the bodies of another province', async () => {
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const late = await admin.call(organizationEndpoints.create, {
      body: { unitId: province.provinceId, type: 'mobilization_commission', name: 'Ban Dân vận Tỉnh ủy mới' },
    });
    expect(late.status).toBe(400);
    expect(errorBody(late).message).toContain('không áp dụng ở cấp tỉnh');
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    const mine = await buildOrganization(t.db, province.provinceId, { type: 'party_committee', name: 'Tỉnh ủy' });
    const theirs = await buildOrganization(t.db, other.provinceId, { type: 'party_committee', name: 'Tỉnh ủy khác' });
    const cross = await stranger.call(organizationEndpoints.addSuccessor, {
      params: { id: mine },
      body: { successorId: theirs, kind: 'merged', effectiveDate: '2025-07-01', reason: 'Đọc trộm' },
    });
    expect(cross.status).toBe(404);
  });
});
