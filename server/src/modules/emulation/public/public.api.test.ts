import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_EMULATION_LIMITS, publicEmulationEndpoints as endpoints } from '#contracts/emulation/public.ts';
import { insertAttachment } from '#server/platform/files/file.repository.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { buildOrganization, buildPerson, buildProvince, officialUnitId } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const clock = fixedClock('2026-03-02');
let t: TestApp;
let ipCounter = 0;
/** A visitor of its own address (the server trusts X-Forwarded-For here), so one test's limits do not touch another's. */
const visitor = () => new TestClient(t.baseUrl, { 'x-forwarded-for': `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let qt: number; // Tỉnh Quảng Trị (2025)
let quangTri: number; // Phường Quảng Trị (2025)
let haiLang: number; // Xã Hải Lăng (2025)
let anDon2019: number; // Phường An Đôn (2019), merged into Phường Quảng Trị
const ids = {} as Record<'a' | 'hidden' | 'building' | 'person' | 'replica' | 'old' | 'other', string>;
let photoA: string;
let decisionScan: string;
let photoHidden: string;
let photoPerson: string;
let otherProvince: number;

interface ModelInput {
  provinceId: number;
  unitId: number;
  title: string;
  field?: 'economy' | 'culture_society' | 'defence_security' | 'party_building';
  kind?: 'collective' | 'individual';
  status?: 'registered' | 'building' | 'reviewed' | 'recognised' | 'commended' | 'withdrawn';
  level?: 'commune' | 'district' | 'province' | 'central' | null;
  recognisedOn?: string | null;
  published?: boolean;
  summary?: string | null;
  whatChanged?: string | null;
  figures?: unknown[];
  lat?: number | null;
  lng?: number | null;
  ownerOrganizationId?: number | null;
  ownerPersonId?: number | null;
  origin?: { id: string; provinceId: number } | null;
  recognisedByUnitId?: number | null;
}

/** A model written as the models' lifecycle leaves it (the showcase only reads). */
async function model(input: ModelInput): Promise<string> {
  const id = uuidv7();
  const level = input.level === undefined ? 'commune' : input.level;
  await t.db
    .insertInto('emulation_model')
    .values({
      id,
      province_id: input.provinceId,
      unit_id: input.unitId,
      kind: input.kind ?? 'collective',
      field: input.field ?? 'economy',
      title: input.title,
      summary: input.summary ?? null,
      what_changed: input.whatChanged ?? null,
      figures: JSON.stringify(input.figures ?? []),
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      owner_organization_id: input.ownerOrganizationId ?? null,
      owner_person_id: input.ownerPersonId ?? null,
      origin_model_id: input.origin?.id ?? null,
      origin_province_id: input.origin?.provinceId ?? null,
      status: input.status ?? 'recognised',
      recognised_level: level,
      recognised_on: level === null ? null : (input.recognisedOn ?? '2025-10-15'),
      recognised_by_unit_id: input.recognisedByUnitId ?? null,
      published_at: input.published === false ? null : new Date('2025-10-20T03:00:00Z'),
      search_text: foldVi(`${input.title} ${input.summary ?? ''}`),
      created_at: new Date('2025-03-01T03:00:00Z'),
      updated_at: new Date('2025-10-20T03:00:00Z'),
    })
    .execute();
  return id;
}

async function attach(provinceId: number, modelId: string, unitId: number, mime: string, data: Buffer, at: string): Promise<string> {
  const id = uuidv7();
  await insertAttachment(t.db, {
    id,
    provinceId,
    ownerType: 'emulation_model',
    ownerId: modelId,
    unitId,
    filename: mime === 'image/png' ? 'anh.png' : 'tep.pdf',
    mimeType: mime,
    sizeBytes: data.length,
    sha256: await t.files.put(data),
    uploadedBy: 0,
    createdAt: new Date(at),
  });
  return id;
}

/** A step of a model's history naming a file (the lifecycle writes them; the showcase reads which files they name). */
async function step(modelId: string, seq: number, kind: string, onDate: string, fileId: string) {
  await t.db
    .insertInto('emulation_model_step')
    .values({
      id: uuidv7(),
      province_id: qt,
      model_id: modelId,
      seq,
      step: kind,
      from_status: null,
      to_status: kind,
      on_date: onDate,
      details: JSON.stringify({}),
      file_ids: [fileId],
      by_user_id: null,
      at: new Date(`${onDate}T03:00:00Z`),
    })
    .execute();
}

beforeAll(async () => {
  t = await startTestApp({ clock, trustProxy: true });
  qt = await officialUnitId(t.db, '2025', '44');
  quangTri = await officialUnitId(t.db, '2025', '19360');
  haiLang = await officialUnitId(t.db, '2025', '19702');
  anDon2019 = await officialUnitId(t.db, '2019', '19358');
  const cooperative = await buildOrganization(t.db, haiLang, { type: 'cooperative', name: 'Hợp tác xã nông nghiệp Hải Lăng' });
  const farmer = await buildPerson(t.db, quangTri, { fullName: 'Lê Thị Hoa', birthYear: 1975 });
  await t.db.updateTable('person').set({ phone: '0912345678' }).where('id', '=', farmer).execute();

  ids.a = await model({
    provinceId: qt,
    unitId: haiLang,
    title: 'Cánh đồng lúa hữu cơ liên kết',
    level: 'province',
    recognisedOn: '2025-10-15',
    recognisedByUnitId: qt,
    ownerOrganizationId: cooperative,
    summary: `Hợp tác xã vận động 120 hộ dồn điền đổi thửa, ${'chuyển sang canh tác lúa hữu cơ theo chuỗi liên kết với doanh nghiệp, '.repeat(6)}`,
    whatChanged: 'Thu nhập bình quân tăng 25%.',
    figures: [
      { label: 'Hộ tham gia', value: 120, unit: 'hộ' },
      { label: 'Diện tích', value: 85.5, unit: 'ha' },
    ],
    lat: 16.712345,
    lng: 107.234567,
  });
  photoA = await attach(qt, ids.a, haiLang, 'image/png', PNG, '2025-04-01T03:00:00Z');
  // a scan of the recognition decision: a document of a step, not a photo of the model
  decisionScan = await attach(qt, ids.a, haiLang, 'image/png', Buffer.concat([PNG, Buffer.from('scan')]), '2025-10-16T03:00:00Z');
  await step(ids.a, 2, 'recognised', '2025-10-15', decisionScan);

  ids.hidden = await model({ provinceId: qt, unitId: quangTri, title: 'Mô hình chưa công bố', published: false, level: 'commune' });
  photoHidden = await attach(qt, ids.hidden, quangTri, 'image/png', Buffer.concat([PNG, Buffer.from('hidden')]), '2025-05-01T03:00:00Z');
  ids.building = await model({ provinceId: qt, unitId: quangTri, title: 'Mô hình đang xây dựng', status: 'building', level: null });
  ids.person = await model({
    provinceId: qt,
    unitId: quangTri,
    title: 'Người phụ nữ tiêu biểu vận động hiến đất làm đường',
    kind: 'individual',
    field: 'culture_society',
    status: 'commended',
    level: 'commune',
    recognisedOn: '2025-09-30',
    ownerPersonId: farmer,
    lat: 16.7501,
    lng: 107.1899,
  });
  // a photo sent with the registration is a photo of the model (the document of a later step is not)
  photoPerson = await attach(qt, ids.person, quangTri, 'image/png', Buffer.concat([PNG, Buffer.from('person')]), '2025-02-01T03:00:00Z');
  await step(ids.person, 1, 'registered', '2025-02-01', photoPerson);
  ids.replica = await model({
    provinceId: qt,
    unitId: quangTri,
    title: 'Nhân rộng cánh đồng lúa hữu cơ',
    level: 'commune',
    recognisedOn: '2026-01-10',
    origin: { id: ids.a, provinceId: qt },
  });
  // recognised by a commune of 2019 before the reform: reads under its 2025 successor
  ids.old = await model({ provinceId: qt, unitId: anDon2019, title: 'Tổ tự quản an ninh trật tự', field: 'defence_security', level: 'district', recognisedOn: '2024-10-15' });
  const other = await buildProvince(t.db, { communes: 1 });
  otherProvince = other.provinceId;
  ids.other = await model({ provinceId: other.provinceId, unitId: other.communeIds[0] as number, title: 'Mô hình của tỉnh khác', level: 'province' });
});
afterAll(() => t.close());

describe('public showcase of "Dân vận khéo" models (no login)', () => {
  it('lists the provinces with the number of models each has recognised and published', async () => {
    const res = await visitor().call(endpoints.publicProvinces, {});
    expect(res.status).toBe(200);
    const byId = new Map(res.body.map((p) => [p.id, p]));
    // a, person (commended), replica, old: the unpublished and the one still being built are not counted
    expect(byId.get(qt)).toMatchObject({ name: 'Tỉnh Quảng Trị', code: '44', models: 4 });
    expect(byId.get(otherProvince)?.models).toBe(1);
  });

  it('a province shows only its published recognised models, the highest level first, with counts by field × level, communes and the map', async () => {
    const res = await visitor().call(endpoints.publicModels, { params: { provinceId: qt }, query: {} });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.province).toEqual({ id: qt, name: 'Tỉnh Quảng Trị' });
    expect(body.total).toBe(4);
    expect(body.items.map((m) => m.id)).toEqual([ids.a, ids.old, ids.replica, ids.person]);
    expect(body.counts).toEqual([
      { field: 'culture_society', level: 'commune', models: 1 },
      { field: 'defence_security', level: 'district', models: 1 },
      { field: 'economy', level: 'commune', models: 1 },
      { field: 'economy', level: 'province', models: 1 },
    ]);
    const [a, old, replica, person] = body.items;
    expect(a).toMatchObject({
      title: 'Cánh đồng lúa hữu cơ liên kết',
      level: 'province',
      recognisedOn: '2025-10-15',
      ownerName: 'Hợp tác xã nông nghiệp Hải Lăng',
      place: { unitName: 'Xã Hải Lăng', communeId: haiLang, communeName: 'Xã Hải Lăng' },
      photo: { id: photoA, bytes: PNG.length, mime: 'image/png' },
      replicas: 1,
      commended: false,
    });
    expect(a?.excerpt?.length).toBeLessThanOrEqual(PUBLIC_EMULATION_LIMITS.excerpt + 1);
    expect(a?.excerpt?.endsWith('…')).toBe(true);
    // the 2019 Phường An Đôn reads under Phường Quảng Trị, which took it whole
    expect(old?.place).toEqual({ unitName: 'Phường Quảng Trị', communeId: quangTri, communeName: 'Phường Quảng Trị' });
    expect(replica?.photo).toBeNull();
    expect(person).toMatchObject({ ownerName: 'Lê Thị Hoa', commended: true, kind: 'individual', photo: { id: photoPerson } });
    expect(JSON.stringify(body)).not.toContain('0912345678');
    expect(JSON.stringify(body)).not.toContain('chưa công bố');
    expect(body.communes).toEqual([
      { id: quangTri, name: 'Phường Quảng Trị', models: 3 },
      { id: haiLang, name: 'Xã Hải Lăng', models: 1 },
    ]);
    // the outline of Quảng Trị and the two located models, rounded to 0.01° before projection
    expect(body.map?.path.startsWith('M')).toBe(true);
    expect(body.points.map((p) => p.id).sort()).toEqual([ids.a, ids.person].sort());
    const [x0, y0, w, h] = (body.map?.viewBox ?? '').split(' ').map(Number) as [number, number, number, number];
    for (const p of body.points) {
      expect(p.x).toBeGreaterThan(x0);
      expect(p.x).toBeLessThan(x0 + w);
      expect(p.y).toBeGreaterThan(y0);
      expect(p.y).toBeLessThan(y0 + h);
    }
  });

  it('filters by field, level, kind, commune (with its 2019 predecessors) and words without diacritics', async () => {
    const client = visitor();
    const list = async (query: Record<string, string | number>) => {
      const res = await client.call(endpoints.publicModels, { params: { provinceId: qt }, query });
      expect(res.status).toBe(200);
      return res.body;
    };
    expect((await list({ field: 'economy' })).items.map((m) => m.id)).toEqual([ids.a, ids.replica]);
    const byLevel = await list({ level: 'commune' });
    expect(byLevel.items.map((m) => m.id)).toEqual([ids.replica, ids.person]);
    // counts ignore the field and level chosen (the table stays whole), but keep the other filters
    expect(byLevel.counts.reduce((sum, c) => sum + c.models, 0)).toBe(4);
    expect((await list({ kind: 'individual' })).items.map((m) => m.id)).toEqual([ids.person]);
    expect((await list({ communeId: quangTri })).items.map((m) => m.id)).toEqual([ids.old, ids.replica, ids.person]);
    expect((await list({ communeId: haiLang })).total).toBe(1);
    expect((await list({ q: 'LUA HUU CO' })).items.map((m) => m.id)).toEqual([ids.a, ids.replica]);
    expect((await list({ q: '100%_' })).total).toBe(0);
    const page2 = await list({ page: 2 });
    expect([page2.total, page2.items.length, page2.page]).toEqual([4, 0, 2]);
  });

  it('a published model opens with its story, figures, photos (not its steps’ documents), recognition and replication chain', async () => {
    const client = visitor();
    const res = await client.call(endpoints.publicModel, { params: { provinceId: qt, modelId: ids.a } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids.a,
      province: { id: qt, name: 'Tỉnh Quảng Trị' },
      whatChanged: 'Thu nhập bình quân tăng 25%.',
      figures: [
        { label: 'Hộ tham gia', value: 120, unit: 'hộ' },
        { label: 'Diện tích', value: 85.5, unit: 'ha' },
      ],
      recognisedBy: 'Tỉnh Quảng Trị',
      photos: [{ id: photoA, bytes: PNG.length, mime: 'image/png' }],
      origin: null,
      replicaList: [{ id: ids.replica, provinceId: qt, title: 'Nhân rộng cánh đồng lúa hữu cơ', unitName: 'Phường Quảng Trị', level: 'commune' }],
    });
    expect(res.body.summary?.startsWith('Hợp tác xã vận động 120 hộ')).toBe(true);
    expect(res.body.point).not.toBeNull();
    const replica = await client.call(endpoints.publicModel, { params: { provinceId: qt, modelId: ids.replica } });
    expect(replica.body.origin).toEqual({ id: ids.a, provinceId: qt, title: 'Cánh đồng lúa hữu cơ liên kết', unitName: 'Xã Hải Lăng', level: 'province' });
    const person = await client.call(endpoints.publicModel, { params: { provinceId: qt, modelId: ids.person } });
    expect(person.body.ownerName).toBe('Lê Thị Hoa');
    expect(person.body.photos.map((p) => p.id)).toEqual([photoPerson]);
    expect(JSON.stringify(person.body)).not.toMatch(/0912345678|1975/);
  });

  it('an unpublished, unrecognised or other province’s model answers 404, as an unknown one does', async () => {
    const client = visitor();
    for (const [provinceId, modelId] of [
      [qt, ids.hidden],
      [qt, ids.building],
      [qt, ids.other],
      [otherProvince, ids.a],
      [qt, uuidv7()],
    ] as const) {
      const res = await client.call(endpoints.publicModel, { params: { provinceId, modelId } });
      expect(res.status, modelId).toBe(404);
      expect(errorBody(res).message).toContain('không tồn tại');
    }
    const noProvince = await client.call(endpoints.publicModels, { params: { provinceId: 999_999_999 }, query: {} });
    expect(noProvince.status).toBe(404);
  });

  it('serves a published photo with its type; never a step’s document or an unpublished model’s photo', async () => {
    const get = (provinceId: number, photoId: string) =>
      fetch(`${t.baseUrl}/api/public/emulation/provinces/${provinceId}/photos/${photoId}`, { headers: { 'x-forwarded-for': '10.9.0.1' } });
    const ok = await get(qt, photoA);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await get(qt, photoPerson)).status).toBe(200);
    expect((await get(qt, decisionScan)).status).toBe(404);
    expect((await get(qt, photoHidden)).status).toBe(404);
    expect((await get(otherProvince, photoA)).status).toBe(404);
  });

  it('refuses bad filters with a Vietnamese message naming the field', async () => {
    const client = visitor();
    const badField = await client.request('GET', `/api/public/emulation/provinces/${qt}/models?field=sport`);
    expect(badField.status).toBe(400);
    // labelled "Lĩnh vực (field)" once the models' labels are in (contracts/src/messages.ts, emu-models' block)
    expect(errorBody(badField).message).toMatch(/^Dữ liệu không hợp lệ: (Lĩnh vực \()?field\b/);
    const badPage = await client.request('GET', `/api/public/emulation/provinces/${qt}/models?page=0`);
    expect(badPage.status).toBe(400);
    expect(errorBody(badPage).message).toContain('Trang (page)');
    const badId = await client.request('GET', `/api/public/emulation/provinces/${qt}/models/not-a-uuid`);
    expect(badId.status).toBe(400);
    expect(errorBody(badId).message).toMatch(/^Dữ liệu không hợp lệ: (Mô hình \()?modelId\b/);
    const longWords = await client.request('GET', `/api/public/emulation/provinces/${qt}/models?q=${'a'.repeat(101)}`);
    expect(longWords.status).toBe(400);
    expect(errorBody(longWords).message).toContain('Từ khóa (q)');
  });

  it('limits each address: the page reads share one count per minute', async () => {
    const client = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_EMULATION_LIMITS.readPerMinute; i++) {
      statuses.push((await client.call(endpoints.publicModel, { params: { provinceId: qt, modelId: ids.hidden } })).status);
    }
    expect(statuses.every((s) => s === 404)).toBe(true);
    const limited = await client.call(endpoints.publicProvinces, {});
    expect(limited.status).toBe(429);
    // another address is not limited
    expect((await visitor().call(endpoints.publicProvinces, {})).status).toBe(200);
  });
});
