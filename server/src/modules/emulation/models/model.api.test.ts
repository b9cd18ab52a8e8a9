import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { modelEndpoints, type TModelCreate, type TModelDetail, type TModelStepInput } from '#contracts/emulation/model.api.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildOrganization, buildPerson, buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody, type TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// the server's clock: 20 October 2026, after the recognitions of 15/10
const clock = fixedClock('2026-10-20');
let t: TestApp;
let province: TestProvince;
let communeA: number;
let communeB: number;
let orgA: number;
let personA: number;
type Client = TestClient & { userId: number; username: string };
let clerkA: Client;
let officerA: Client;
let clerkB: Client;
let provinceOfficer: Client;

beforeAll(async () => {
  t = await startTestApp({ clock });
  province = await buildProvince(t.db, { communes: 2 });
  [communeA, communeB] = province.communeIds as [number, number];
  orgA = await buildOrganization(t.db, communeA, { type: 'women_union', name: 'Chi hội Phụ nữ thôn 1' });
  personA = await buildPerson(t.db, communeA, { fullName: 'Hồ Thị Lành' });
  clerkA = await signIn(t.baseUrl, t.db, { unitId: communeA, roles: ['data_entry'] });
  officerA = await signIn(t.baseUrl, t.db, { unitId: communeA, roles: ['commission_officer'] });
  clerkB = await signIn(t.baseUrl, t.db, { unitId: communeB, roles: ['data_entry'] });
  provinceOfficer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
});
afterAll(() => t.close());

type NewUnit = { structure: '2019' | '2025'; code: string; name: string; full_name: string; level: 'province' | 'district' | 'commune'; type: string; parent_id: number | null; valid_from: string | null; valid_to: string | null };
/** Units one by one, each path its parent's path and its id (as the units module writes them). */
async function insertUnits(units: NewUnit[]) {
  const ids: { id: number }[] = [];
  for (const unit of units) {
    const row = await t.db.insertInto('admin_unit').values({ ...unit, path: '0' }).returning('id').executeTakeFirstOrThrow();
    await sql`update admin_unit c set path = coalesce((select p.path from admin_unit p where p.id = c.parent_id), ''::ltree) || text2ltree(c.id::text) where c.id = ${row.id}`.execute(t.db);
    ids.push({ id: row.id });
  }
  return ids;
}

const collective = (over: Partial<TModelCreate> = {}): TModelCreate => ({
  kind: 'collective', field: 'economy', title: 'Mô hình “Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo”',
  summary: 'Mỗi hội viên góp 50.000 đồng mỗi tháng; quỹ cho hộ khó khăn vay không lãi để nuôi bò.',
  whatChanged: 'Sau hai năm, 12 hộ thoát nghèo.', figures: [{ label: 'Hộ thoát nghèo', value: 12, unit: 'hộ' }],
  unitId: communeA, villageId: province.villagesByCommune[0]?.[0] ?? null, startedOn: '2024-03-01', registeredOn: '2026-04-01', ownerType: 'organization', ownerId: orgA, ...over,
});

async function register(client: TestClient, input: TModelCreate): Promise<TModelDetail> {
  const response = await client.call(modelEndpoints.createModel, { body: input });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

type AnyStepBody = TModelStepInput extends infer U ? (U extends unknown ? Omit<U, 'seenVersion'> : never) : never;
type StepBody<S extends TModelStepInput['step']> = Extract<AnyStepBody, { step: S }>;
async function step(client: TestClient, m: TModelDetail, body: AnyStepBody) {
  return client.call(modelEndpoints.addModelStep, { params: { id: m.id }, body: { ...body, seenVersion: m.version } as TModelStepInput });
}
async function stepOk(client: TestClient, m: TModelDetail, body: AnyStepBody): Promise<TModelDetail> {
  const response = await step(client, m, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}
const review = (over: Partial<StepBody<'reviewed'>> = {}): StepBody<'reviewed'> => ({
  step: 'reviewed', onDate: '2026-09-20', attendees: 'Chi bộ, Ban công tác Mặt trận, hội viên thôn 1', participantCount: 40, votesFor: 36, votesAgainst: 2, votesAbstain: 2, ...over,
});

/** A model of commune A brought to "publicly reviewed". */
async function reviewedModel(over: Partial<TModelCreate> = {}) {
  const m = await register(clerkA, collective(over));
  const built = await stepOk(clerkA, m, { step: 'building', onDate: '2026-05-01' });
  return stepOk(clerkA, built, review());
}

describe('registering', () => {
  it('registers a collective model owned by an organisation: first step, owner, village, figures, audit', async () => {
    const m = await register(clerkA, collective());
    expect(m).toMatchObject({
      status: 'registered', version: 1, kind: 'collective', field: 'economy', unit: { id: communeA, level: 'commune' },
      owner: { kind: 'organization', id: orgA, name: 'Chi hội Phụ nữ thôn 1' }, startedOn: '2024-03-01', recognisedLevel: null, published: false,
      figures: [{ label: 'Hộ thoát nghèo', value: 12, unit: 'hộ' }], replicaCount: 0, origin: null,
    });
    expect(m.village?.id).toBe(province.villagesByCommune[0]?.[0]);
    expect(m.steps).toHaveLength(1);
    expect(m.steps[0]).toMatchObject({ step: 'registered', onDate: '2026-04-01', byUserId: clerkA.userId });
    expect(m.actions).toEqual(expect.arrayContaining(['building', 'withdrawn', 'document']));
    expect(m.actions).not.toContain('recognised');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity', '=', 'emulation_model').where('entity_id', '=', m.id).execute();
    expect(audit).toEqual([{ action: 'create', user_id: clerkA.userId }]);
  });

  it('refuses bad input with a Vietnamese message naming the field; owners and units outside the scope', async () => {
    const badField = await clerkA.call(modelEndpoints.createModel, { body: { ...collective(), field: 'sport' as never } });
    expect(badField.status).toBe(400);
    expect(errorBody(badField).message).toContain('Lĩnh vực (field)');
    const noTitle = await clerkA.call(modelEndpoints.createModel, { body: { ...collective(), title: '  ' } });
    expect(noTitle.status).toBe(400);
    expect(errorBody(noTitle).message).toContain('(title)');
    const individualOfOrg = await clerkA.call(modelEndpoints.createModel, { body: collective({ kind: 'individual' }) });
    expect(individualOfOrg.status).toBe(400);
    expect(errorBody(individualOfOrg).message).toContain('Chủ thể là (ownerType)');
    const future = await clerkA.call(modelEndpoints.createModel, { body: collective({ startedOn: '2026-10-21' }) });
    expect(errorBody(future).message).toContain('Ngày bắt đầu (startedOn)');
    const otherUnit = await clerkA.call(modelEndpoints.createModel, { body: collective({ unitId: communeB, villageId: null, ownerType: 'unit', ownerId: communeB }) });
    expect(otherUnit.status).toBe(404);
    const orgB = await buildOrganization(t.db, communeB);
    const foreignOwner = await clerkA.call(modelEndpoints.createModel, { body: collective({ ownerId: orgB }) });
    expect(foreignOwner.status).toBe(400);
    expect(errorBody(foreignOwner).message).toContain('(ownerId)');
    const wrongVillage = await clerkA.call(modelEndpoints.createModel, { body: collective({ villageId: province.villagesByCommune[1]?.[0] ?? 0 }) });
    expect(errorBody(wrongVillage).message).toContain('(villageId)');
  });

  it('registers an individual model of a person; another commune cannot read it', async () => {
    const m = await register(clerkA, collective({ kind: 'individual', field: 'culture_society', title: 'Cá nhân điển hình vận động hiến đất làm đường', ownerType: 'person', ownerId: personA }));
    expect(m.owner).toEqual({ kind: 'person', id: personA, name: 'Hồ Thị Lành' });
    const read = await clerkB.call(modelEndpoints.getModel, { params: { id: m.id } });
    expect(read.status).toBe(404);
    const list = await clerkB.call(modelEndpoints.listModels, { query: { q: 'hien dat lam duong' } });
    expect(list.body.total).toBe(0);
    const own = await clerkA.call(modelEndpoints.listModels, { query: { q: 'HIEN DAT lam duong' } });
    expect(own.body.items.map((i) => i.id)).toEqual([m.id]);
  });
});

describe('lifecycle', () => {
  it('builds, reviews publicly (a vote the majority did not carry stays recorded), recognises at the commune, then at the province', async () => {
    const m = await register(clerkA, collective({ title: 'Mô hình “Dân vận khéo” trong xây dựng nông thôn mới' }));
    const built = await stepOk(clerkA, m, { step: 'building', onDate: '2026-05-01' });
    expect(built).toMatchObject({ status: 'building', version: 2 });
    const tooMany = await step(clerkA, built, review({ participantCount: 10, votesFor: 9, votesAgainst: 2, votesAbstain: 0 }));
    expect(tooMany.status).toBe(400);
    expect(errorBody(tooMany).message).toContain('(votesFor)');
    const failed = await stepOk(clerkA, built, review({ votesFor: 15, votesAgainst: 20, votesAbstain: 5 }));
    expect(failed).toMatchObject({ status: 'building', version: 3 });
    expect(failed.steps.at(-1)).toMatchObject({ step: 'reviewed', details: { passed: false, votesFor: 15, votesAgainst: 20, participantCount: 40 } });
    const reviewed = await stepOk(clerkA, failed, review({ onDate: '2026-09-25' }));
    expect(reviewed).toMatchObject({ status: 'reviewed', version: 4 });
    expect(reviewed.actions).not.toContain('recognised');

    // a data-entry clerk does not recognise; the commune does at its level only
    expect((await step(clerkA, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'commune', decisionNumber: '45/QĐ-UBND' })).status).toBe(403);
    const provinceByCommune = await step(officerA, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'province', decisionNumber: '45/QĐ-UBND' });
    expect(provinceByCommune.status).toBe(400);
    expect(errorBody(provinceByCommune).message).toContain('chỉ đơn vị cấp tỉnh mới công nhận mô hình ở cấp này');
    const district = await step(officerA, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'district', decisionNumber: '45/QĐ-UBND' });
    expect(errorBody(district).message).toContain('cấp huyện chỉ công nhận trước ngày 01/07/2025');
    const beforeLast = await step(officerA, reviewed, { step: 'recognised', onDate: '2026-09-01', level: 'commune', decisionNumber: '45/QĐ-UBND' });
    expect(errorBody(beforeLast).message).toContain('Ngày thực hiện (onDate)');
    const commune = await stepOk(officerA, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'commune', decisionNumber: '45/QĐ-UBND' });
    expect(commune).toMatchObject({ status: 'recognised', recognisedLevel: 'commune', recognisedOn: '2026-10-15', recognisedBy: { id: communeA } });
    expect(commune.steps.at(-1)?.details).toMatchObject({ level: 'commune', decisionNumber: '45/QĐ-UBND', byUnitId: communeA });

    // stale: the version the user saw is gone
    expect((await step(officerA, reviewed, { step: 'commended', onDate: '2026-10-16', awardForm: 'Giấy khen', decisionNumber: '46/QĐ-UBND' })).status).toBe(409);

    // the province reviews it again and recognises it at its level; not twice at the same level
    const asProvince = (await provinceOfficer.call(modelEndpoints.getModel, { params: { id: m.id } })).body;
    const again = await stepOk(provinceOfficer, asProvince, review({ onDate: '2026-10-16', attendees: 'Hội đồng thi đua tỉnh', participantCount: 11, votesFor: 10, votesAgainst: 1, votesAbstain: 0 }));
    const sameLevel = await step(provinceOfficer, again, { step: 'recognised', onDate: '2026-10-17', level: 'commune', decisionNumber: '1/QĐ' });
    expect(errorBody(sameLevel).message).toContain('(level)');
    const provinceLevel = await stepOk(provinceOfficer, again, { step: 'recognised', onDate: '2026-10-17', level: 'province', decisionNumber: '2345/QĐ-UBND' });
    expect(provinceLevel).toMatchObject({ status: 'recognised', recognisedLevel: 'province', recognisedOn: '2026-10-17', recognisedBy: { id: province.provinceId } });
    const commended = await stepOk(provinceOfficer, provinceLevel, { step: 'commended', onDate: '2026-10-18', awardForm: 'Bằng khen của Chủ tịch UBND tỉnh', decisionNumber: '2400/QĐ-UBND' });
    expect(commended.status).toBe('commended');
    expect(commended.steps.map((s) => s.step)).toEqual(['registered', 'building', 'reviewed', 'reviewed', 'recognised', 'reviewed', 'recognised', 'commended']);
    const transitions = await t.db.selectFrom('workflow_transition').select(['from_state', 'to_state']).where('entity_type', '=', 'emulation_model').where('entity_id', '=', m.id).orderBy('version').execute();
    expect(transitions.map((r) => `${r.from_state}>${r.to_state}`)).toEqual([
      'registered>building', 'building>reviewed', 'reviewed>recognised', 'recognised>reviewed', 'reviewed>recognised', 'recognised>commended',
    ]);

    // publishing is the recognising unit's step: the commune cannot publish the province's recognition
    const asCommune = (await officerA.call(modelEndpoints.getModel, { params: { id: m.id } })).body;
    expect((await step(officerA, asCommune, { step: 'published', onDate: '2026-10-19', published: true })).status).toBe(403);
    const published = await stepOk(provinceOfficer, commended, { step: 'published', onDate: '2026-10-19', published: true });
    expect(published.published).toBe(true);
    expect(published.status).toBe('commended');
  });

  it('keeps steps immutable and audits every step', async () => {
    const m = await reviewedModel({ title: 'Mô hình tổ tự quản đường hoa' });
    await expect(sql`update emulation_model_step set on_date = '2020-01-01' where model_id = ${m.id}::uuid`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from emulation_model_step where model_id = ${m.id}::uuid`.execute(t.db)).rejects.toThrow(/append-only/);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'emulation_model').where('entity_id', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('withdraws with a reason; documents must be the model’s own', async () => {
    const m = await register(clerkA, collective({ title: 'Mô hình sẽ rút' }));
    const upload = await clerkA.upload(fileEndpoints.upload, { query: { ownerType: 'emulation_model', ownerId: m.id } }, 'bien-ban.txt', 'Biên bản họp thôn\n');
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const fileId = (upload.body as { id: string }).id;
    const other = await register(clerkA, collective({ title: 'Mô hình khác' }));
    const foreignFile = await step(clerkA, other, { step: 'document', onDate: '2026-10-20', fileIds: [fileId] });
    expect(errorBody(foreignFile).message).toContain('(fileIds)');
    const documented = await stepOk(clerkA, m, { step: 'document', onDate: '2026-10-20', fileIds: [fileId] });
    expect(documented.steps.at(-1)).toMatchObject({ step: 'document', details: { fileIds: [fileId] } });
    const noReason = await clerkA.call(modelEndpoints.addModelStep, { params: { id: m.id }, body: { step: 'withdrawn', seenVersion: documented.version, onDate: '2026-10-20' } as never });
    expect(errorBody(noReason).message).toContain('(reason)');
    const withdrawn = await stepOk(clerkA, documented, { step: 'withdrawn', onDate: '2026-10-20', reason: 'Chủ thể chuyển công tác' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', actions: [] });
    expect((await step(clerkA, withdrawn, { step: 'building', onDate: '2026-10-20' })).status).toBe(409);
  });
});

describe('replication and counts', () => {
  it('replicates a recognised model in another commune; the chain reads both ways; counts by field × level', async () => {
    const reviewed = await reviewedModel({ field: 'defence_security', title: 'Mô hình “Camera an ninh” thôn 1' });
    // not recognised yet: not replicable
    const early = await clerkB.call(modelEndpoints.createModel, { body: collective({ unitId: communeB, villageId: null, ownerType: 'unit', ownerId: communeB, originModelId: reviewed.id }) });
    expect(errorBody(early).message).toContain('(originModelId)');
    const origin = await stepOk(officerA, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'commune', decisionNumber: '50/QĐ-UBND' });
    const replicable = await clerkB.call(modelEndpoints.listReplicable, { query: { q: 'camera an ninh' } });
    expect(replicable.body.map((r) => r.id)).toEqual([origin.id]);
    const sameUnit = await clerkA.call(modelEndpoints.createModel, { body: collective({ originModelId: origin.id }) });
    expect(errorBody(sameUnit).message).toContain('(originModelId)');
    const replica = await register(clerkB, collective({
      field: 'defence_security', title: 'Nhân rộng mô hình “Camera an ninh” ở xã Xuân 2', unitId: communeB, villageId: null, ownerType: 'unit', ownerId: communeB,
      startedOn: '2026-10-18', originModelId: origin.id,
    }));
    expect(replica.origin).toMatchObject({ id: origin.id, title: 'Mô hình “Camera an ninh” thôn 1' });
    expect(replica.steps[0]?.details).toMatchObject({ originModelId: origin.id });
    expect(replica.chain).toEqual([expect.objectContaining({ id: origin.id, depth: -1, inScope: false, status: 'recognised', recognisedLevel: 'commune' })]);
    // a replica of the replica, in commune B too
    const second = await register(clerkB, collective({ unitId: communeB, villageId: null, ownerType: 'unit', ownerId: communeB, title: 'Camera an ninh thôn 2', startedOn: '2026-10-19' }));
    await t.db.updateTable('emulation_model').set({ origin_model_id: replica.id, origin_province_id: replica.provinceId }).where('id', '=', second.id).execute();
    // commune A sees its model and counts B's unrecognised replicas without naming them; the province sees the whole chain
    const fromA = (await officerA.call(modelEndpoints.getModel, { params: { id: origin.id } })).body;
    expect(fromA).toMatchObject({ replicaCount: 1, hiddenReplicas: 2, chain: [] });
    const fromProvince = (await provinceOfficer.call(modelEndpoints.getModel, { params: { id: origin.id } })).body;
    expect(fromProvince.chain.map((c) => [c.id, c.depth, c.inScope])).toEqual([[replica.id, 1, true], [second.id, 2, true]]);
    const fromSecond = (await clerkB.call(modelEndpoints.getModel, { params: { id: second.id } })).body;
    expect(fromSecond.chain.map((c) => [c.id, c.depth])).toEqual([[origin.id, -2], [replica.id, -1]]);

    const counts = (await provinceOfficer.call(modelEndpoints.countModels, { query: { unitId: communeB } })).body;
    expect(counts).toMatchObject({ total: 2, replicas: 2 });
    expect(counts.cells).toEqual([{ field: 'defence_security', level: 'none', count: 1 }, { field: 'economy', level: 'none', count: 1 }].sort((a, b) => a.field.localeCompare(b.field)).map((c) => expect.objectContaining(c)));
    const defence = (await provinceOfficer.call(modelEndpoints.countModels, { query: { field: 'defence_security' } })).body;
    expect(defence.byLevel.find((l) => l.level === 'commune')?.count).toBe(1);
    expect(defence.byLevel.find((l) => l.level === 'none')?.count).toBe(1);
    expect(defence.total).toBe(2);
    const listed = (await provinceOfficer.call(modelEndpoints.listModels, { query: { field: 'defence_security', level: 'commune' } })).body;
    expect(listed.items.map((i) => i.id)).toEqual([origin.id]);
    expect(listed.items[0]?.replicaCount).toBe(1);
    const replicasOnly = (await provinceOfficer.call(modelEndpoints.listModels, { query: { replica: 'true' } })).body;
    expect(replicasOnly.items.map((i) => i.id).sort()).toEqual([replica.id, second.id].sort());
  });
});

describe('history flows forward', () => {
  it('a model of a 2019 commune, recognised by its district in 2024, reads under the 2025 successor; its district decision is recorded by the province', async () => {
    const tag = `${process.pid}${Date.now() % 100000}`;
    const old = { structure: '2019' as const, valid_from: null, valid_to: '2025-06-30' };
    const [p19] = await insertUnits([{ ...old, code: `H${tag}`, name: `Cũ ${tag}`, full_name: `Tỉnh Cũ ${tag}`, level: 'province', type: 'tỉnh', parent_id: null }]);
    const [d19] = await insertUnits([{ ...old, code: `H${tag}-1`, name: 'Vĩnh Linh', full_name: 'Huyện Vĩnh Linh', level: 'district', type: 'huyện', parent_id: p19!.id }]);
    const [c19] = await insertUnits([{ ...old, code: `H${tag}-1-1`, name: 'Vĩnh Thái', full_name: 'Xã Vĩnh Thái', level: 'commune', type: 'xã', parent_id: d19!.id }]);
    const now = { structure: '2025' as const, valid_from: '2025-07-01', valid_to: null };
    const [p25] = await insertUnits([{ ...now, code: `N${tag}`, name: `Mới ${tag}`, full_name: `Tỉnh Mới ${tag}`, level: 'province', type: 'tỉnh', parent_id: null }]);
    const [c25] = await insertUnits([{ ...now, code: `N${tag}-1`, name: 'Vĩnh Hoàng', full_name: 'Xã Vĩnh Hoàng', level: 'commune', type: 'xã', parent_id: p25!.id }]);
    await t.db.insertInto('unit_succession').values([
      { old_unit_id: p19!.id, new_unit_id: p25!.id, kind: 'merged', effective_date: '2025-07-01' },
      { old_unit_id: c19!.id, new_unit_id: c25!.id, kind: 'merged', effective_date: '2025-07-01' },
    ]).execute();
    // the model as back-filled from the 2024 records: reviewed in the commune before the reform
    const id = uuidv7();
    const at = new Date('2024-09-01T03:00:00Z');
    await t.db.insertInto('emulation_model').values({
      id, province_id: p25!.id, unit_id: c19!.id, kind: 'collective', field: 'culture_society', owner_unit_id: c19!.id, title: 'Mô hình “Làng văn hóa kiểu mẫu” Vĩnh Thái',
      summary: 'Xây dựng hương ước mới', figures: '[]', started_on: '2023-01-10', status: 'reviewed', search_text: 'mo hinh lang van hoa kieu mau vinh thai', version: 3, created_at: at, updated_at: at,
    }).execute();
    await t.db.insertInto('emulation_model_step').values([
      { id: uuidv7(), province_id: p25!.id, model_id: id, seq: 1, step: 'registered', to_status: 'registered', on_date: '2023-01-10', at },
      { id: uuidv7(), province_id: p25!.id, model_id: id, seq: 2, step: 'building', from_status: 'registered', to_status: 'building', on_date: '2023-02-01', at },
      { id: uuidv7(), province_id: p25!.id, model_id: id, seq: 3, step: 'reviewed', from_status: 'building', to_status: 'reviewed', on_date: '2024-09-01', at },
    ]).execute();
    const successor = await signIn(t.baseUrl, t.db, { unitId: c25!.id, roles: ['commission_officer'] });
    const listed = (await successor.call(modelEndpoints.listModels, { query: {} })).body;
    expect(listed.items.map((i) => i.id)).toEqual([id]);
    const m = (await successor.call(modelEndpoints.getModel, { params: { id } })).body;
    // the 2025 commune cannot record a district decision: it is not a district
    const asCommune = await step(successor, m, { step: 'recognised', onDate: '2024-10-15', level: 'district', decisionNumber: '812/QĐ-UBND' });
    expect(asCommune.status).toBe(400);
    const provinceUser = await signIn(t.baseUrl, t.db, { unitId: p25!.id, roles: ['commission_officer'] });
    // the ended district's decision of 15/10/2024, recorded by the successor province
    const late = await step(provinceUser, m, { step: 'recognised', onDate: '2025-07-15', level: 'district', decisionNumber: '812/QĐ-UBND', byUnitId: d19!.id });
    expect(errorBody(late).message).toContain('cấp huyện chỉ công nhận trước ngày 01/07/2025');
    const recognised = await stepOk(provinceUser, m, { step: 'recognised', onDate: '2024-10-15', level: 'district', decisionNumber: '812/QĐ-UBND', byUnitId: d19!.id });
    expect(recognised).toMatchObject({ status: 'recognised', recognisedLevel: 'district', recognisedOn: '2024-10-15', recognisedBy: { id: d19!.id, fullName: 'Huyện Vĩnh Linh' } });
    const counts = (await successor.call(modelEndpoints.countModels, { query: {} })).body;
    expect(counts.cells).toEqual([{ field: 'culture_society', level: 'district', count: 1 }]);
    // and the successor commune finds it among the models of its own subtree
    const subtree = (await provinceUser.call(modelEndpoints.listModels, { query: { unitId: c25!.id } })).body;
    expect(subtree.total).toBe(1);
  });
});
