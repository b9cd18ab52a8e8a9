import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignEndpoints } from '#contracts/emulation/campaign.ts';
import { campaignPackEndpoints, type TCampaignPack } from '#contracts/emulation/pack.ts';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
});
afterAll(() => t.close());

const PACK = JSON.parse(readFileSync(new URL('./002-nam-dan-van-kheo-2020.json', import.meta.url), 'utf8')) as TCampaignPack;

async function rowsOf(campaignId: number) {
  const count = async (table: 'emulation_commitment' | 'emulation_criterion' | 'emulation_body_task' | 'emulation_milestone') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()).n);
  return {
    commitments: await count('emulation_commitment'),
    criteria: await count('emulation_criterion'),
    bodyTasks: await count('emulation_body_task'),
    milestones: await count('emulation_milestone'),
  };
}

const campaignsOfUnit = (unitId: number) =>
  t.db.selectFrom('emulation_campaign').select(['id', 'pack_code', 'pack_version', 'programme_id']).where('unit_id', '=', unitId).execute();

describe('campaign packs', () => {
  it('lists the shipped pack of seed 002', async () => {
    const reader = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['leader'] });
    const packs = await reader.call(campaignPackEndpoints.listCampaignPacks, {});
    expect(packs.status).toBe(200);
    expect(packs.body).toEqual([
      expect.objectContaining({ code: 'NAM-DVK-2020', version: 1, year: 2020, level: 'province', commitmentCount: 4, criterionCount: 9, bodyTaskCount: 20, milestoneCount: 2 }),
    ]);
  });

  it('loads the pack once: a dry run counts, the load writes every part with the document text, a second load is a no-op, all audited', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const dry = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020', dryRun: true } });
    expect(dry.body).toEqual({
      dryRun: true,
      pack: { code: 'NAM-DVK-2020', version: 1 },
      alreadyLoaded: false,
      campaignId: null,
      programmeId: null,
      created: { commitments: 4, criteria: 9, bodyTasks: 20, milestones: 2 },
    });
    expect(await campaignsOfUnit(province.provinceId)).toEqual([]);

    const load = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020' } });
    expect(load.status).toBe(200);
    const campaignId = load.body.campaignId ?? 0;
    expect(await rowsOf(campaignId)).toEqual({ commitments: 4, criteria: 9, bodyTasks: 20, milestones: 2 });
    const detail = (await officer.call(campaignEndpoints.getCampaign, { params: { id: campaignId } })).body;
    expect(detail).toMatchObject({ title: '“Năm Dân vận khéo” 2020', year: 2020, startsOn: '2020-03-30', endsOn: '2020-12-31', pack: { code: 'NAM-DVK-2020', version: 1 } });
    expect(detail.commitments[1]?.appendix?.split('\n\n')).toHaveLength(4);
    expect(detail.purpose?.split('\n\n')).toHaveLength(3);
    expect(detail.milestones.find((m) => m.kind === 'recognition')?.onDate).toBe('2020-10-15');
    // found without diacritics, by the theme
    const found = await officer.call(campaignEndpoints.listCampaigns, { query: { q: '04 khong', unitId: province.provinceId } });
    expect(found.body.map((c) => c.id)).toEqual([campaignId]);

    const again = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020' } });
    expect(again.body).toMatchObject({ alreadyLoaded: true, campaignId, created: { commitments: 0, criteria: 0, bodyTasks: 0, milestones: 0 } });
    expect(await campaignsOfUnit(province.provinceId)).toHaveLength(1);
    expect(await rowsOf(campaignId)).toEqual({ commitments: 4, criteria: 9, bodyTasks: 20, milestones: 2 });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'emulation_campaign').where('entity_id', '=', String(campaignId)).execute();
    expect(audit.map((a) => a.action)).toEqual(['load_pack']);
  });

  it('loads into two provinces independently, concurrent loads into one unit create one campaign, and links the programme of the same document', async () => {
    const [a, b] = [await buildProvince(t.db), await buildProvince(t.db)];
    const admin = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const programme = await admin.call(programmeEndpoints.loadPack, { body: { unitId: a.provinceId, code: 'KH-189-2020-NAM-DVK' } });
    expect(programme.status).toBe(200);
    const loads = await Promise.all([1, 2, 3].map(() => admin.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: a.provinceId, code: 'NAM-DVK-2020' } })));
    expect(loads.map((l) => l.status)).toEqual([200, 200, 200]);
    expect(loads.filter((l) => !l.body.alreadyLoaded)).toHaveLength(1);
    expect(new Set(loads.map((l) => l.body.campaignId)).size).toBe(1);
    expect(loads.every((l) => l.body.programmeId === programme.body.programmeId)).toBe(true);
    const [campaignA] = await campaignsOfUnit(a.provinceId);
    expect(campaignA?.programme_id).toBe(programme.body.programmeId);
    const other = await admin.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: b.provinceId, code: 'NAM-DVK-2020' } });
    expect(other.body).toMatchObject({ alreadyLoaded: false, programmeId: null });
    expect(other.body.campaignId).not.toBe(campaignA?.id);
    const detail = await admin.call(campaignEndpoints.getCampaign, { params: { id: other.body.campaignId ?? 0 } });
    expect(detail.body.programme).toBeNull();
  });

  it('refuses another version (409), a commune (level), a focal point (403), a unit out of scope (404) and a bad uploaded pack (400 naming the field)', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    expect((await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020' } })).status).toBe(200);
    const v2 = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, pack: { ...PACK, version: 2 } } });
    expect(v2.status).toBe(409);
    expect(errorBody(v2).message).toContain('phiên bản 1');
    const commune = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.communeIds[0] as number, code: 'NAM-DVK-2020' } });
    expect(commune.status).toBe(400);
    expect(errorBody(commune).message).toContain('Đơn vị (unitId)');
    const focal = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['focal_point'] });
    expect((await focal.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020' } })).status).toBe(403);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, code: 'NAM-DVK-2020' } })).status).toBe(404);
    const duplicate = { ...PACK, code: 'NAM-DVK-THU', criteria: [...PACK.criteria, PACK.criteria[0]] };
    const bad = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, pack: duplicate } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('pack.criteria.9.code');
    const noTitle = await officer.call(campaignPackEndpoints.loadCampaignPack, { body: { unitId: province.provinceId, pack: { ...PACK, code: 'NAM-DVK-THU', campaign: { ...PACK.campaign, title: '' } } } });
    expect(noTitle.status).toBe(400);
    expect(errorBody(noTitle).message).toContain('pack.campaign.title');
    expect(await campaignsOfUnit(province.provinceId)).toHaveLength(1);
  });
});
