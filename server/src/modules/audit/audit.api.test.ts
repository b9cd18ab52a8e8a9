import type { TRole } from '#contracts/auth.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEndpoints } from '#contracts/audit.ts';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { personEndpoints } from '#contracts/people.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildPerson, buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

async function signedIn(unitId: number | null, roles: TRole[], fullName?: string) {
  const user = await buildUser(t.db, { unitId, roles, fullName });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return { client, user };
}

describe('audit log', () => {
  it('shows an admin the changes in their subtree, with who and before/after, and nothing from elsewhere', async () => {
    const province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 0 });
    const [communeA, communeB] = province.communeIds as [number, number];
    const clerkA = await signedIn(communeA, ['data_entry']);
    const clerkB = await signedIn(communeB, ['data_entry']);
    await clerkA.client.call(unitEndpoints.createVillage, { params: { id: communeA }, body: { name: 'Thôn Đông', type: 'thôn' } });
    await clerkB.client.call(unitEndpoints.createVillage, { params: { id: communeB }, body: { name: 'Thôn Tây', type: 'thôn' } });

    const adminA = await signedIn(communeA, ['unit_admin']);
    const seen = await adminA.client.call(auditEndpoints.list, { query: { action: 'create', entity: 'admin_unit' } });
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0]).toMatchObject({
      action: 'create',
      entity: 'admin_unit',
      username: clerkA.user.username,
      unitId: communeA,
      unitName: 'Xã Xuân 1',
      after: { name: 'Thôn Đông', type: 'thôn' },
    });

    const provinceAdmin = await signedIn(province.provinceId, ['unit_admin']);
    const both = await provinceAdmin.client.call(auditEndpoints.list, { query: { action: 'create', entity: 'admin_unit' } });
    expect(both.body.items.map((item) => item.unitId).sort()).toEqual([communeA, communeB].sort());
  });

  it('is closed to roles other than administrators', async () => {
    const province = await buildProvince(t.db);
    const clerk = await signedIn(province.provinceId, ['data_entry', 'leader']);
    expect((await clerk.client.call(auditEndpoints.list, { query: {} })).status).toBe(403);
  });

  it('pages newest first with nextBefore, and filters by user and date', async () => {
    const province = await buildProvince(t.db, { communes: 1, villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const clerk = await signedIn(communeId, ['data_entry']);
    for (const name of ['Một', 'Hai', 'Ba']) {
      await clerk.client.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name, type: 'thôn' } });
    }
    const admin = await signedIn(null, ['system_admin']);
    const first = await admin.client.call(auditEndpoints.list, { query: { userId: clerk.user.id, action: 'create', limit: 2 } });
    expect(first.body.items.map((item) => (item.after as { name: string }).name)).toEqual(['Ba', 'Hai']);
    expect(first.body.nextBefore).toBe(first.body.items[1]?.id);
    const second = await admin.client.call(auditEndpoints.list, {
      query: { userId: clerk.user.id, action: 'create', limit: 2, before: first.body.nextBefore ?? undefined },
    });
    expect(second.body.items.map((item) => (item.after as { name: string }).name)).toEqual(['Một']);
    expect(second.body.nextBefore).toBeNull();
    const future = await admin.client.call(auditEndpoints.list, { query: { userId: clerk.user.id, from: '2099-01-01' } });
    expect(future.body.items).toEqual([]);
    const logins = await admin.client.call(auditEndpoints.list, { query: { userId: clerk.user.id, action: 'login' } });
    expect(logins.body.items).toHaveLength(1);
  });
});

// --- shell-home ---
describe('names, not ids', () => {
  it('names the author and the record: "Nguyễn Văn A" changed the person "Trần Thị B", and a village by its name', async () => {
    const province = await buildProvince(t.db, { communes: 1, villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const personId = await buildPerson(t.db, communeId, { fullName: 'Trần Thị B' });
    const clerk = await signedIn(communeId, ['data_entry'], 'Nguyễn Văn A');
    expect((await clerk.client.call(personEndpoints.update, { params: { id: personId }, body: { phone: '0912345678' } })).status).toBe(200);
    await clerk.client.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: 'Đông Hà', type: 'thôn' } });

    const admin = await signedIn(communeId, ['unit_admin']);
    const person = await admin.client.call(auditEndpoints.list, { query: { entity: 'person' } });
    expect(person.body.items.map((item) => [item.userFullName, item.action, item.entity, item.entityName])).toEqual([
      ['Nguyễn Văn A', 'update', 'person', 'Trần Thị B'],
    ]);
    const village = await admin.client.call(auditEndpoints.list, { query: { entity: 'admin_unit', action: 'create' } });
    expect(village.body.items.map((item) => [item.userFullName, item.entityName])).toEqual([['Nguyễn Văn A', 'Thôn Đông Hà']]);
    // a sign-in names its account too
    const logins = await admin.client.call(auditEndpoints.list, { query: { entity: 'user', action: 'login', userId: clerk.user.id } });
    expect(logins.body.items.map((item) => item.entityName)).toEqual(['Nguyễn Văn A']);
  });

  it('refuses a kind of record that is not in the list, naming the field', async () => {
    const admin = await signedIn(null, ['system_admin']);
    const response = await admin.client.request('GET', '/api/audit?entity=khong_co');
    expect(response.status).toBe(400);
    expect(errorBody(response).message).toContain('Đối tượng (entity)');
  });
});

describe('recent changes', () => {
  it('shows any role the latest record changes of its units, by name, without sign-ins or other units', async () => {
    const province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 0 });
    const [mine, other] = province.communeIds as [number, number];
    const personId = await buildPerson(t.db, mine, { fullName: 'Lê Thị C' });
    const clerk = await signedIn(mine, ['data_entry'], 'Phạm Văn D');
    await clerk.client.call(personEndpoints.update, { params: { id: personId }, body: { phone: '0987654321' } });
    const elsewhere = await signedIn(other, ['data_entry']);
    await elsewhere.client.call(unitEndpoints.createVillage, { params: { id: other }, body: { name: 'Bên Kia', type: 'thôn' } });

    const leader = await signedIn(mine, ['leader']);
    const recent = await leader.client.call(auditEndpoints.recent, { query: {} });
    expect(recent.status).toBe(200);
    expect(recent.body.items.map((item) => [item.userFullName, item.action, item.entity, item.entityName, item.unitName])).toEqual([
      ['Phạm Văn D', 'update', 'person', 'Lê Thị C', 'Xã Xuân 1'],
    ]);
    expect(Object.keys(recent.body.items[0] ?? {})).not.toContain('ip');
    expect(Object.keys(recent.body.items[0] ?? {})).not.toContain('after');
  });

  it('names a periodic report by its form and period, and says what happened to it', async () => {
    const province = await buildProvince(t.db, { communes: 1, villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const ds = await buildDataSet(t.db, province.provinceId);
    const element = ds.elements[0] as { id: number; cocId: number };
    const clerk = await signedIn(communeId, ['data_entry'], 'Bùi Thị E');
    const put = await clerk.client.call(reportEndpoints.putValues, {
      body: { dataSetId: ds.id, unitId: communeId, period: '202602', values: [{ writeId: uuidv7(), unitId: communeId, dataElementId: element.id, cocId: element.cocId, value: '7' }] },
    });
    expect(put.status).toBe(200);
    const sent = await clerk.client.call(reportEndpoints.transitionReport, { params: { id: put.body.report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    expect(sent.status).toBe(200);
    const officer = await signedIn(province.provinceId, ['commission_officer'], 'Hoàng Văn G');
    const returned = await officer.client.call(reportEndpoints.transitionReport, {
      params: { id: put.body.report.id },
      body: { to: 'returned', seenState: 'submitted', seenVersion: 1, reason: 'Thiếu số liệu' },
    });
    expect(returned.status).toBe(200);

    const recent = await (await signedIn(communeId, ['leader'])).client.call(auditEndpoints.recent, { query: {} });
    const name = `Báo cáo thử ${ds.code.slice('DS_'.length)}`;
    expect(recent.body.items.map((item) => [item.userFullName, item.reportChange, item.entityName])).toEqual([
      ['Hoàng Văn G', 'returned', `${name}, Tháng 2/2026`],
      ['Bùi Thị E', 'submitted', `${name}, Tháng 2/2026`],
      ['Bùi Thị E', 'values', `${name}, Tháng 2/2026`],
    ]);
  });
});
