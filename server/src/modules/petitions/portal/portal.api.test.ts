import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionEndpoints } from '#contracts/petitions/api.ts';
import { open311Endpoints, portalEndpoints, type TPortalCaseInput } from '#contracts/petitions/portal.api.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { buildProvince, buildUser, officialUnitId, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const clock = fixedClock('2026-03-02');
let t: TestApp;
let province: TestProvince;
let landId: number;
let ipCounter = 0;
/** A client of its own address (the server trusts X-Forwarded-For here), so limits of one test do not touch another. */
const citizen = () => new TestClient(t.baseUrl, { 'x-forwarded-for': `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

beforeAll(async () => {
  t = await startTestApp({ clock, trustProxy: true });
  province = await buildProvince(t.db, { communes: 2 });
  const land = await t.db.selectFrom('petition_field').select('id').where('code', '=', 'land').where('province_id', 'is', null).executeTakeFirstOrThrow();
  landId = land.id;
});
afterAll(() => t.close());

/** Opens the form, waits the minimum fill time (the server's clock), sends. */
async function file(client: TestClient, input: Partial<TPortalCaseInput>, wait = 6_000) {
  const form = await client.call(portalEndpoints.form, { query: { provinceId: province.provinceId } });
  expect(form.status).toBe(200);
  clock.advance(wait);
  return client.call(portalEndpoints.file, {
    body: {
      provinceId: province.provinceId,
      communeId: province.communeIds[0] as number,
      kind: 'feedback',
      fieldId: landId,
      subject: 'Đường thôn 2 bị sạt lở',
      content: 'Đoạn đường bê tông thôn 2 bị sạt lở sau mưa lũ, xe máy đi lại rất nguy hiểm.',
      formToken: form.body.token,
      ...input,
    },
  });
}

describe('public portal: file, track, see the answer', () => {
  it('a phản ánh without a name gets a code and a secret; the case enters the intake (channel and source portal)', async () => {
    const client = citizen();
    const provinces = await client.call(portalEndpoints.provinces, {});
    expect(provinces.status).toBe(200);
    expect(provinces.body.length).toBeGreaterThanOrEqual(34);
    const communes = await client.call(portalEndpoints.communes, { params: { id: province.provinceId } });
    expect(communes.body.map((c) => c.id).sort()).toEqual([...province.communeIds].sort());

    const res = await file(client, { place: 'Gần nhà văn hóa thôn 2' });
    expect(res.status).toBe(200);
    const receipt = res.body;
    expect(receipt.code).toMatch(/^T\w+-2026-\d{6}$/);
    expect(receipt.secret).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(receipt.unitName).toBe('Xã Xuân 1');
    const row = await t.db
      .selectFrom('petition_case')
      .select(['channel', 'source', 'unit_id', 'commune_id', 'status', 'kind', 'content'])
      .where('province_id', '=', province.provinceId)
      .where('code', '=', receipt.code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'portal', source: 'portal', unit_id: province.communeIds[0], commune_id: province.communeIds[0], status: 'received', kind: 'feedback' });
    expect(row.content).toContain('Gần nhà văn hóa thôn 2');
    const stored = await t.db.selectFrom('petition_portal_submission').select(['secret_hash', 'via']).executeTakeFirstOrThrow();
    expect(stored.via).toBe('portal');
    expect(stored.secret_hash).not.toContain(receipt.secret);
    // the commune's "cases received" of March 2026 counts the filing at once, stored without an account
    const received = await t.db
      .selectFrom('data_value as v')
      .innerJoin('data_element as e', 'e.id', 'v.data_element_id')
      .innerJoin('data_value_change as c', (j) => j.onRef('c.province_id', '=', 'v.province_id').onRef('c.data_value_id', '=', 'v.id'))
      .select(['v.num', 'v.stored_by', 'c.changed_by', 'c.source'])
      .where('e.derived_code', '=', 'petitions.received')
      .where('v.unit_id', '=', province.communeIds[0] as number)
      .where('v.period', '=', '202603')
      .execute();
    expect(received).toEqual([{ num: 1, stored_by: null, changed_by: null, source: 'derived' }]);
  });

  it('the code opens the status only with its secret (or the filer’s phone); the answer shows once published', async () => {
    const client = citizen();
    const receipt = (await file(client, { kind: 'petition', filer: { fullName: 'Hoàng Văn Nam', phone: '0912 345 678' } })).body;
    const tracked = await client.call(portalEndpoints.track, { body: { code: receipt.code, secret: receipt.secret.toLowerCase() } });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ code: receipt.code, status: 'received', kind: 'petition', answer: null, history: [{ onDate: '2026-03-02', status: 'received' }] });
    const byPhone = await client.call(portalEndpoints.track, { body: { code: receipt.code, phone: '+84912345678' } });
    expect(byPhone.status).toBe(200);
    // a wrong secret and an unknown code answer the same 404: codes cannot be probed
    const wrong = await client.call(portalEndpoints.track, { body: { code: receipt.code, secret: 'AAAAAAAAAA' } });
    const unknown = await client.call(portalEndpoints.track, { body: { code: receipt.code.replace(/\d{6}$/, '999999'), secret: receipt.secret } });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect((wrong.body as unknown as { message: string }).message).toBe((unknown.body as unknown as { message: string }).message);

    // the commune's officer finds it in pet-core's list, accepts it and concludes with an answer not yet published
    const leader = await buildUser(t.db, { unitId: province.communeIds[0] as number, roles: ['leader'] });
    const officer = new TestClient(t.baseUrl);
    await officer.login(leader.username, TEST_PASSWORD);
    const list = await officer.call(petitionEndpoints.listCases, { query: { code: receipt.code } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => [c.code, c.channel, c.kind, c.status])).toEqual([[receipt.code, 'portal', 'petition', 'received']]);
    const caseId = list.body.items[0]?.id as string;
    const accepted = await officer.call(petitionEndpoints.actOnCase, { params: { id: caseId }, body: { action: 'accept', seenVersion: 1 } });
    expect(accepted.status).toBe(200);
    const answer = 'UBND xã đã bố trí kinh phí sửa đường trong quý II.';
    const concluded = await officer.call(petitionEndpoints.actOnCase, { params: { id: caseId }, body: { action: 'conclude', seenVersion: accepted.body.version, publicAnswer: answer, publish: false } });
    expect(concluded.status).toBe(200);
    let seen = await client.call(portalEndpoints.track, { body: { code: receipt.code, secret: receipt.secret } });
    expect(seen.body).toMatchObject({ status: 'concluded', answer: null });
    expect(seen.body.history.map((h) => h.status)).toEqual(['received', 'accepted', 'concluded']);
    const published = await officer.call(petitionEndpoints.actOnCase, { params: { id: caseId }, body: { action: 'publish', seenVersion: concluded.body.version, publicAnswer: answer, publish: true } });
    expect(published.status).toBe(200);
    seen = await client.call(portalEndpoints.track, { body: { code: receipt.code, secret: receipt.secret } });
    expect(seen.body).toMatchObject({ status: 'concluded', answer, answeredOn: '2026-03-02' });
  });

  it('an officer of the commune sees the portal case and its photo; an officer of another commune does not', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const receipt = (await file(citizen(), { photo: { filename: 'duong.jpg', data: jpeg.toString('base64') } })).body;
    const c = await t.db.selectFrom('petition_case').select('id').where('province_id', '=', province.provinceId).where('code', '=', receipt.code).executeTakeFirstOrThrow();
    const own = await buildUser(t.db, { unitId: province.communeIds[0] as number, roles: ['leader'] });
    const other = await buildUser(t.db, { unitId: province.communeIds[1] as number, roles: ['leader'] });
    const officer = new TestClient(t.baseUrl);
    await officer.login(own.username, TEST_PASSWORD);
    const photo = await fetch(`${t.baseUrl}/api/petitions/portal-photo/${c.id}`, { headers: { cookie: officer.cookie ?? '' } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true);
    const outsider = new TestClient(t.baseUrl);
    await outsider.login(other.username, TEST_PASSWORD);
    const refused = await outsider.request('GET', `/api/petitions/portal-photo/${c.id}`);
    expect(refused.status).toBe(404);
  });
});

describe('the legal form of complaints and denunciations', () => {
  it('a khiếu nại without the ID number is refused naming the field', async () => {
    const res = await file(citizen(), { kind: 'complaint', filer: { fullName: 'Trần Văn Bình', address: 'Thôn 1, xã Xuân 1', phone: '0905111222' } });
    expect(res.status).toBe(400);
    const body = res.body as unknown as { message: string; fields: { field: string }[] };
    expect(body.fields[0]?.field).toBe('filer.idNumber');
    expect(body.message).toContain('Số định danh (filer.idNumber)');
    expect(body.message).toContain('Đơn khiếu nại phải ghi rõ họ tên, địa chỉ, số giấy tờ tùy thân và số điện thoại');
  });

  it('a tố cáo with its identity is filed; the identity is stored only encrypted and never shown publicly', async () => {
    const client = citizen();
    const res = await file(client, {
      kind: 'denunciation',
      subject: 'Tố cáo cán bộ địa chính thu tiền sai quy định',
      filer: { fullName: 'Phạm Thị Dung', address: 'Thôn 3, xã Xuân 1', idNumber: '044190001234', phone: '0905333444' },
    });
    expect(res.status).toBe(200);
    const c = await t.db.selectFrom('petition_case').select('id').where('province_id', '=', province.provinceId).where('code', '=', res.body.code).executeTakeFirstOrThrow();
    const person = await t.db.selectFrom('petition_person').selectAll().where('province_id', '=', province.provinceId).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ protected: true, full_name: null, id_number: null, phone: null, address: null });
    expect(person.identity_cipher).not.toContain('Dung');
    const tracked = await client.call(portalEndpoints.track, { body: { code: res.body.code, secret: res.body.secret } });
    expect(tracked.status).toBe(200);
    const text = JSON.stringify(tracked.body);
    for (const secret of ['Phạm Thị Dung', '044190001234', '0905333444', 'Thôn 3']) expect(text).not.toContain(secret);
    // a denouncer's phone does not open the case (it is not stored in clear)
    expect((await client.call(portalEndpoints.track, { body: { code: res.body.code, phone: '0905333444' } })).status).toBe(404);
  });
});

describe('abuse limits', () => {
  it('the honeypot, a form sent too fast, a forged token, an oversized or wrong photo are refused in Vietnamese', async () => {
    const honey = await file(citizen(), { website: 'http://spam.example' });
    expect(honey.status).toBe(400);
    expect(honey.body).toMatchObject({ error: 'honeypot' });
    const fast = await file(citizen(), {}, 1_000);
    expect(fast.status).toBe(400);
    expect(fast.body).toMatchObject({ error: 'too_fast', fields: [{ field: 'formToken' }] });
    expect((fast.body as unknown as { message: string }).message).toContain('ít nhất 5 giây');
    const forged = await file(citizen(), { formToken: `${clock.now().getTime() - 60_000}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` });
    expect(forged.body).toMatchObject({ error: 'form_token' });
    const big = await file(citizen(), { photo: { filename: 'a.jpg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(620 * 1024)]).toString('base64') } });
    expect(big.status).toBe(400); // refused by the contract before decoding (base64 length)
    expect((big.body as unknown as { message: string }).message).toContain('ảnh quá lớn');
    const pdf = await file(citizen(), { photo: { filename: 'a.jpg', data: Buffer.from('%PDF-1.4 ...').toString('base64') } });
    expect(pdf.status).toBe(415);
    const long = await file(citizen(), { content: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    expect((long.body as unknown as { message: string }).message).toContain('tối đa 5000 ký tự');
    // nothing of these reached the intake
    const count = await t.db.selectFrom('petition_case').select((eb) => eb.fn.countAll<number>().as('n')).where('province_id', '=', province.provinceId).where('subject', '=', 'Đường thôn 2 bị sạt lở').executeTakeFirstOrThrow();
    // only the three cases filed in the first describe: none of the refused ones reached the intake
    expect(Number(count.n)).toBe(3);
  });

  it('five sends a minute per address, then 429; ten cases a day per address, then 429 with the wait', async () => {
    const client = citizen();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const form = await client.call(portalEndpoints.form, { query: {} });
      clock.advance(5_500);
      const res = await client.call(portalEndpoints.file, {
        body: { provinceId: province.provinceId, communeId: province.communeIds[1] as number, kind: 'feedback', fieldId: landId, subject: `Rác thải ven sông ${i}`, content: 'Rác thải đổ ven sông gây ô nhiễm, đề nghị xử lý.', formToken: form.body.token },
      });
      statuses.push(res.status);
      if (res.status === 429) expect((res.body as unknown as { message: string }).message).toBe('Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    clock.advance(61_000);
    for (let i = 0; i < 5; i++) {
      const res = await file(client, { subject: `Rác thải đợt hai ${i}` }, 13_000);
      expect(res.status).toBe(200);
    }
    clock.advance(61_000);
    const capped = await file(client, {});
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({ error: 'portal_daily_cap' });
    expect((capped.body as unknown as { message: string }).message).toContain('tối đa 10 vụ việc mỗi ngày');
    // another address is not affected
    expect((await file(citizen(), {})).status).toBe(200);
  });

  it('tracking is limited per address (ten look-ups a minute)', async () => {
    const client = citizen();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.call(portalEndpoints.track, { body: { code: `X-2026-00000${i}`, secret: 'AAAAAAAAAA' } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('Open311 GeoReport v2', () => {
  let jurisdiction: string;
  let communeCode: string;
  let created: string;

  beforeAll(async () => {
    jurisdiction = '44';
    communeCode = '18880';
    await officialUnitId(t.db, '2025', communeCode);
  });

  it('services.json and services/{code}.json: the fields with the spec’s names; unknown ones in the spec’s errors', async () => {
    const client = citizen();
    const services = await client.call(open311Endpoints.services, { query: { jurisdiction_id: jurisdiction } });
    expect(services.status).toBe(200);
    expect(services.body[0]).toEqual({
      service_code: 'land',
      service_name: 'Đất đai',
      description: 'Phản ánh, kiến nghị về lĩnh vực: Đất đai',
      metadata: true,
      type: 'realtime',
      keywords: 'phản ánh, kiến nghị',
      group: 'Phản ánh, kiến nghị của công dân',
    });
    const definition = await client.request('GET', '/open311/v2/services/land.json');
    expect(definition.status).toBe(200);
    expect(definition.body).toMatchObject({ service_code: 'land', attributes: [{ code: 'kind', datatype: 'singlevaluelist', values: [{ key: 'feedback' }, { key: 'petition' }] }] });
    const missing = await client.request('GET', '/open311/v2/services/khong_co.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: 'service_code “khong_co” không có trong danh sách dịch vụ (GET services.json)' }]);
    const badJurisdiction = await client.request('GET', '/open311/v2/services.json?jurisdiction_id=99');
    expect(badJurisdiction.status).toBe(404);
    expect((badJurisdiction.body as { code: number }[])[0]?.code).toBe(404);
    const xml = await client.request('GET', '/open311/v2/services.xml');
    expect(xml.status).toBe(400);
    expect(xml.body).toEqual([{ code: 400, description: 'Máy chủ này chỉ trả dữ liệu JSON: hãy dùng đuôi .json thay cho .xml.' }]);
    const discovery = await client.request('GET', '/open311/v2/discovery.json');
    expect(discovery.body).toMatchObject({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json'] }] });
  });

  it('POST requests.json (urlencoded, no api_key) files a kiến nghị; bad input answers the spec’s error array', async () => {
    const client = citizen();
    const form = new URLSearchParams({
      jurisdiction_id: jurisdiction,
      service_code: 'environment',
      address_id: communeCode,
      lat: '17.4689',
      long: '106.6223',
      address_string: 'Bờ sông Nhật Lệ',
      first_name: 'Hùng',
      last_name: 'Ngô Văn',
      phone: '0987654321',
      email: 'hung@example.vn',
      description: 'Cơ sở chế biến cá xả nước thải ra sông Nhật Lệ. Đề nghị kiểm tra và xử lý.',
      'attribute[kind]': 'petition',
    });
    const res = await client.request<{ service_request_id: string; service_notice: string; account_id: null }[]>('POST', '/open311/v2/requests.json', form.toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    created = res.body[0]?.service_request_id as string;
    expect(created).toMatch(/^44-2026-\d{6}$/);
    expect(res.body[0]?.service_notice).toMatch(/Mã bí mật để tra cứu trên Cổng công dân: [A-Z2-9]{10}/);
    const row = await t.db.selectFrom('petition_case').select(['kind', 'channel', 'subject', 'lat']).where('code', '=', created).executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'petition', channel: 'portal', subject: 'Cơ sở chế biến cá xả nước thải ra sông Nhật Lệ.', lat: 17.4689 });

    const bad = await client.request('POST', '/open311/v2/requests.json', { jurisdiction_id: jurisdiction, service_code: 'land', address_id: communeCode, description: 'ngắn' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([{ code: 400, description: 'Dữ liệu không hợp lệ: Nội dung, mô tả (description): cần ít nhất 20 ký tự.' }]);
    const outside = await client.request('POST', '/open311/v2/requests.json', { jurisdiction_id: '01', service_code: 'land', address_id: communeCode, description: 'Một phản ánh đủ dài để qua kiểm tra độ dài.' });
    expect(outside.status).toBe(400);
    expect((outside.body as { description: string }[])[0]?.description).toContain('address_id');
  });

  it('GET requests.json and requests/{id}.json: public fields only, filters, never a person’s identity', async () => {
    const client = citizen();
    const one = await client.request<Record<string, unknown>[]>('GET', `/open311/v2/requests/${created}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    expect(Object.keys(one.body[0] as object).sort()).toEqual(
      ['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode'].sort(),
    );
    expect(one.body[0]).toMatchObject({
      service_request_id: created, status: 'open', status_notes: null, service_code: 'environment', service_name: 'Môi trường',
      description: 'Cơ sở chế biến cá xả nước thải ra sông Nhật Lệ.', address_id: communeCode, lat: 17.4689, long: 106.6223, media_url: null,
      requested_datetime: expect.stringMatching(/^2026-03-02T\d{2}:\d{2}:\d{2}\+07:00$/),
    });
    const text = JSON.stringify(one.body);
    for (const identity of ['Hùng', 'Ngô Văn', '0987654321', 'hung@example.vn', 'Đề nghị kiểm tra']) expect(text).not.toContain(identity);

    const all = await client.request<{ service_request_id: string }[]>('GET', `/open311/v2/requests.json?jurisdiction_id=${jurisdiction}`);
    expect(all.body.map((r) => r.service_request_id)).toEqual([created]);
    const byService = await client.request<unknown[]>('GET', `/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&service_code=land`);
    expect(byService.body).toEqual([]);
    const closed = await client.request<unknown[]>('GET', `/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&status=closed`);
    expect(closed.body).toEqual([]);
    const later = await client.request<unknown[]>('GET', `/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&start_date=2026-03-03T00:00:00%2B07:00`);
    expect(later.body).toEqual([]);
    const badDate = await client.request<{ code: number }[]>('GET', '/open311/v2/requests.json?start_date=hom-qua');
    expect(badDate.status).toBe(400);
    expect(badDate.body[0]?.code).toBe(400);

    // once answered and published: closed, with the answer as status_notes
    await t.db.updateTable('petition_case').set({ status: 'notified', public_answer: 'Đã kiểm tra, xử phạt cơ sở và buộc khắc phục.', answer_published: true, answered_on: '2026-03-05' }).where('code', '=', created).execute();
    const answered = await client.request<{ status: string; status_notes: string }[]>('GET', `/open311/v2/requests.json?service_request_id=${created}&status=closed`);
    expect(answered.body).toMatchObject([{ status: 'closed', status_notes: 'Đã kiểm tra, xử phạt cơ sở và buộc khắc phục.' }]);
    // complaints and denunciations of the portal are never Open311 requests
    const portalComplaints = await client.request<unknown[]>('GET', '/open311/v2/requests.json');
    expect(JSON.stringify(portalComplaints.body)).not.toContain('Tố cáo cán bộ địa chính');
    const none = await client.request('GET', '/open311/v2/requests/44-2026-999999.json');
    expect(none.status).toBe(404);
    expect((none.body as { code: number }[])[0]?.code).toBe(404);
  });

  it('the Open311 endpoints are in the OpenAPI document', async () => {
    const doc = await citizen().request<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    for (const path of ['/open311/v2/services.json', '/open311/v2/services/{service_code}.json', '/open311/v2/requests.json', '/open311/v2/requests/{service_request_id}.json', '/api/portal/cases']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });
});

