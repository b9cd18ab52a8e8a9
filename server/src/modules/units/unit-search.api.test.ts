import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitEndpoints, type TUnitSearchHit } from '#contracts/units.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-12-02' });
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const search = async (q: string, asOf?: string) =>
  (await admin.call(unitEndpoints.search, { query: asOf ? { q, asOf } : { q } })).body;
const label = (hit: TUnitSearchHit | undefined) => hit && `${hit.fullName} (${hit.structure})`;

describe('B10 unit search by history and abbreviation', () => {
  it('B10 search: common forms "tp hcm", "tphcm", "hcm", "TP.HCM" and "tt huế" find their unit first', async () => {
    for (const q of ['tp hcm', 'tphcm', 'hcm', 'TP.HCM', 'Hồ Chí Minh']) {
      expect(label((await search(q))[0]), q).toBe('Thành phố Hồ Chí Minh (2025)');
    }
    const hue = (await search('tt huế'))[0];
    expect(label(hue)).toBe('Thành phố Huế (2025)');
    expect(hue?.matchedName).toBe('Thừa Thiên Huế');
    expect(label((await search('brvt', '2025-01-01'))[0])).toBe('Tỉnh Bà Rịa - Vũng Tàu (2019)');
    // an official name in force ("Phường Sài Gòn") ranks before a unit known by it only in common use
    const saiGon = await search('sai gon');
    expect(label(saiGon[0])).toBe('Phường Sài Gòn (2025)');
    expect(saiGon.find((hit) => hit.code === '79' && hit.structure === '2025')?.matchedName).toBe('Sài Gòn');
  });

  it('B10 search: names as they were on the as-of date; a former name finds the unit with that name', async () => {
    const lastApril = await search('xa loc ninh', '2026-04-29');
    const asThen = lastApril.find((hit) => hit.code === '25270');
    expect(asThen).toMatchObject({ fullName: 'Xã Lộc Ninh', matchedName: null });
    const today = await search('xa loc ninh');
    const renamed = today.find((hit) => hit.code === '25270');
    expect(renamed).toMatchObject({ fullName: 'Phường Lộc Ninh', type: 'phường', matchedName: 'Xã Lộc Ninh' });
    // the name in force ranks before a unit found only by its former name
    const phuong = await search('phuong loc ninh');
    expect(phuong[0]).toMatchObject({ code: '25270', matchedName: null });
  });

  it('B10 search: an old name searched today shows the unit ended on 30/6/2025 and its successor', async () => {
    const hits = await search('tinh quang binh');
    const quangBinh = hits.find((hit) => hit.level === 'province');
    expect(quangBinh).toMatchObject({ fullName: 'Tỉnh Quảng Bình', structure: '2019', validTo: '2025-06-30' });
    expect(quangBinh?.successors.map((unit) => `${unit.fullName} ${unit.structure}`)).toEqual(['Tỉnh Quảng Trị 2025']);
    // units in force today come before ended ones
    const quangTri = await search('quang tri');
    expect(label(quangTri[0])).toBe('Tỉnh Quảng Trị (2025)');
    const inForce = quangTri.map((hit) => hit.validTo === null || hit.validTo >= '2026-12-02');
    expect(inForce).toEqual([...inForce].sort((a, b) => Number(b) - Number(a)));
  });
});
