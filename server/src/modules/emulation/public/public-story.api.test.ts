import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { modelEndpoints, type TModelDetail, type TModelStepInput } from '#contracts/emulation/model.api.ts';
import { publicEmulationEndpoints as endpoints } from '#contracts/emulation/public.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { buildOrganization, buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The showcase through the models' own lifecycle (models/): a commune registers a model with a photo, the province
 * recognises and publishes it, a visitor sees it; withdrawn from the showcase, it is gone.
 */
const clock = fixedClock('2026-10-20');
let t: TestApp;
let province: TestProvince;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await startTestApp({ clock, trustProxy: true });
  province = await buildProvince(t.db, { communes: 1 });
});
afterAll(() => t.close());

type AnyStepBody = TModelStepInput extends infer U ? (U extends unknown ? Omit<U, 'seenVersion'> : never) : never;
async function stepOk(client: TestClient, m: TModelDetail, body: AnyStepBody): Promise<TModelDetail> {
  const response = await client.call(modelEndpoints.addModelStep, { params: { id: m.id }, body: { ...body, seenVersion: m.version } as TModelStepInput });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('showcase through the models’ lifecycle', () => {
  it('a model shows once the province recognised and published it, with the photo the commune sent; unpublished, it is gone', async () => {
    const commune = province.communeIds[0] as number;
    const org = await buildOrganization(t.db, commune, { type: 'women_union', name: 'Chi hội Phụ nữ thôn 1' });
    const clerk = await signIn(t.baseUrl, t.db, { unitId: commune, roles: ['data_entry'] });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const visitor = new TestClient(t.baseUrl, { 'x-forwarded-for': '10.8.0.1' });
    const list = async () => (await visitor.call(endpoints.publicModels, { params: { provinceId: province.provinceId }, query: {} })).body;

    const created = await clerk.call(modelEndpoints.createModel, {
      body: {
        kind: 'collective', field: 'economy', title: 'Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo',
        summary: 'Mỗi hội viên góp 50.000 đồng mỗi tháng; quỹ cho hộ khó khăn vay không lãi để nuôi bò.',
        whatChanged: 'Sau hai năm, 12 hộ thoát nghèo.', figures: [{ label: 'Hộ thoát nghèo', value: 12, unit: 'hộ' }],
        unitId: commune, villageId: null, startedOn: '2024-03-01', registeredOn: '2026-04-01', ownerType: 'organization', ownerId: org,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const upload = await clerk.upload(fileEndpoints.upload, { query: { ownerType: 'emulation_model', ownerId: created.body.id } }, 'anh.png', PNG);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const photoId = (upload.body as { id: string }).id;
    const built = await stepOk(clerk, created.body, { step: 'building', onDate: '2026-05-01' });
    const reviewed = await stepOk(clerk, built, {
      step: 'reviewed', onDate: '2026-09-20', attendees: 'Chi bộ, hội viên thôn 1', participantCount: 40, votesFor: 36, votesAgainst: 2, votesAbstain: 2,
    });
    const recognised = await stepOk(officer, reviewed, { step: 'recognised', onDate: '2026-10-15', level: 'province', decisionNumber: '45/QĐ-UBND' });
    // recognised but not yet published: not on the showcase
    expect((await list()).total).toBe(0);

    const published = await stepOk(officer, recognised, { step: 'published', onDate: '2026-10-19', published: true });
    const shown = await list();
    expect(shown.total).toBe(1);
    expect(shown.items[0]).toMatchObject({
      id: created.body.id, level: 'province', recognisedOn: '2026-10-15', ownerName: 'Chi hội Phụ nữ thôn 1', photo: { id: photoId, bytes: PNG.length },
    });
    const detail = await visitor.call(endpoints.publicModel, { params: { provinceId: province.provinceId, modelId: created.body.id } });
    expect(detail.body).toMatchObject({ whatChanged: 'Sau hai năm, 12 hộ thoát nghèo.', recognisedBy: expect.stringContaining('Tỉnh'), photos: [{ id: photoId }] });

    await stepOk(officer, published, { step: 'published', onDate: '2026-10-20', published: false });
    expect((await list()).total).toBe(0);
    expect((await visitor.call(endpoints.publicModel, { params: { provinceId: province.provinceId, modelId: created.body.id } })).status).toBe(404);
  });
});
