import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProgrammePack } from '#contracts/programmes/pack.ts';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { buildOrganization, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
});
afterAll(() => t.close());

const shipped = (file: string) => JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as TProgrammePack;
const NINH_BINH = '003-ninh-binh-de-an-334-2021.json';

async function rowsOf(programmeId: number) {
  const count = async (table: 'programme_target' | 'programme_solution_group' | 'programme_task' | 'programme_review' | 'programme_budget_line') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('programme_id', '=', programmeId).executeTakeFirstOrThrow()).n);
  const assignments = await t.db
    .selectFrom('task_assignment as a')
    .innerJoin('programme_task as k', 'k.id', 'a.task_id')
    .select(['a.body_name', 'a.role', 'a.organization_id'])
    .where('k.programme_id', '=', programmeId)
    .orderBy('a.id')
    .execute();
  return {
    targets: await count('programme_target'),
    groups: await count('programme_solution_group'),
    tasks: await count('programme_task'),
    reviews: await count('programme_review'),
    budgetLines: await count('programme_budget_line'),
    assignments,
  };
}

describe('programme packs', () => {
  it('lists the five shipped packs', async () => {
    const reader = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['leader'] });
    const packs = await reader.call(programmeEndpoints.listPacks, {});
    expect(packs.status).toBe(200);
    expect(packs.body.map((p) => [p.code, p.number])).toEqual([
      ['QN-DEAN-2019-DANVAN', 'Không ghi số'],
      ['QT-BC-235-2018', '235-BC/BDVTU'],
      ['KH-189-2020-NAM-DVK', '189-KH/TU'],
      ['NB-DEAN-334-2021', '334-QĐ/TU'],
      ['DB-NQ-14-2021', '14-NQ/TU'],
    ]);
  });

  it('loads all five shipped packs into one province, each with every row its file holds', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const files = ['000-quang-ninh-de-an-dan-van-2019.json', '001-quang-tri-bao-cao-235-2018.json', '002-ke-hoach-189-nam-dan-van-kheo-2020.json', NINH_BINH, '004-dien-bien-nghi-quyet-14-2021.json'];
    for (const file of files) {
      const pack = shipped(file);
      const load = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: pack.code } });
      expect(load.status, file).toBe(200);
      const rows = await rowsOf(load.body.programmeId ?? 0);
      const tasks = pack.solutionGroups.flatMap((group) => group.tasks);
      expect({ ...rows, assignments: rows.assignments.length }, file).toEqual({
        targets: pack.targets.length,
        groups: pack.solutionGroups.length,
        tasks: tasks.length,
        assignments: tasks.reduce((sum, task) => sum + task.lead.length + task.coordinating.length, 0),
        reviews: pack.reviews.length,
        budgetLines: pack.budget.length,
      });
    }
  });

  it('loads a shipped pack once: dry run counts, load writes every table and matches bodies, a second load is a no-op', async () => {
    const province = await buildProvince(t.db);
    // the pack (2021) names the Ban Dân vận Tỉnh ủy; today the body that took its duty over is the Ban Tuyên giáo và Dân vận
    const commission = await buildOrganization(t.db, province.provinceId, { type: 'propaganda_mobilization_commission', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy' });
    // a committee of one commune is not the province's UBND: bodies at province level stay unmatched without one
    await buildOrganization(t.db, province.communeIds[0] as number, { type: 'committee', name: 'UBND xã 1' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const pack = shipped(NINH_BINH);
    const expected = { targets: 16, groups: 7, tasks: 8, assignments: 13, reviews: 7, budgetLines: 5 };

    const dry = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: pack.code, dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, alreadyLoaded: false, programmeId: null, created: { ...expected, matchedAssignments: 2 } });
    expect((await officer.call(programmeEndpoints.listProgrammes, { query: { unitId: province.provinceId } })).body).toEqual([]);

    const load = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: pack.code } });
    expect(load.status).toBe(200);
    expect(load.body).toMatchObject({ dryRun: false, alreadyLoaded: false, pack: { code: 'NB-DEAN-334-2021', version: 1 }, created: { ...expected, matchedAssignments: 2 } });
    const id = load.body.programmeId ?? 0;
    const rows = await rowsOf(id);
    expect({ ...rows, assignments: rows.assignments.length }).toEqual(expected);
    expect(rows.assignments.filter((a) => a.organization_id === commission).map((a) => [a.body_name, a.role])).toEqual([
      ['Ban Dân vận Tỉnh ủy', 'coordinate'],
      ['Ban Dân vận Tỉnh ủy', 'lead'],
    ]);
    expect(rows.assignments.filter((a) => a.organization_id !== null && a.organization_id !== commission)).toEqual([]);
    const reviews = await t.db.selectFrom('programme_review').select(['kind', 'from_year', 'to_year', 'due_on']).where('programme_id', '=', id).orderBy('due_on').orderBy('kind').execute();
    expect(reviews.filter((r) => r.kind !== 'annual')).toEqual([
      { kind: 'midterm', from_year: 2021, to_year: 2023, due_on: '2023-12-31' },
      { kind: 'final', from_year: 2021, to_year: 2025, due_on: '2025-12-31' },
    ]);

    const detail = (await officer.call(programmeEndpoints.getProgramme, { params: { id } })).body;
    expect(detail).toMatchObject({ number: '334-QĐ/TU', issuedOn: '2021-06-29', fromYear: 2021, toYear: 2025, pack: { code: pack.code, version: 1 }, targetCount: 16, taskCount: 8 });
    const t3a = detail.targets.find((target) => target.code === '(3)a');
    expect(t3a?.rule).toEqual({ kind: 'milestone', indicator: 'TL_HO_SO_QUA_MANG', by: '2025-12-31', comparator: '>=', threshold: { province: 90, district: 80, commune: 60 } });
    expect(detail.targets.find((target) => target.code === '(7)b')?.rule).toMatchObject({ indicator: 'DV_TL_THON_HOA_GIAI', threshold: 80 });

    const again = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: pack.code } });
    expect(again.body).toMatchObject({ alreadyLoaded: true, programmeId: id, created: { targets: 0, tasks: 0, assignments: 0 } });
    const againDry = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: pack.code, dryRun: true } });
    expect(againDry.body).toMatchObject({ alreadyLoaded: true, programmeId: id });
    expect((await officer.call(programmeEndpoints.listProgrammes, { query: { unitId: province.provinceId } })).body.map((p) => p.id)).toEqual([id]);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'programme').where('entity_id', '=', String(id)).execute();
    expect(audit.map((row) => row.action)).toEqual(['load_pack']);

    const newer = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, pack: { ...pack, version: 2 } } });
    expect(newer.status).toBe(409);
  });

  it('loads an uploaded pack, and refuses a bad one with 400 naming the field', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const pack = { ...shipped('004-dien-bien-nghi-quyet-14-2021.json'), code: 'TU-TAI-LEN' };
    const badThreshold = structuredClone(pack) as unknown as { targets: { rule?: { threshold: unknown } }[] };
    const withRule = badThreshold.targets.findIndex((target) => target.rule !== undefined);
    (badThreshold.targets[withRule] as { rule: { threshold: unknown } }).rule.threshold = 'một';
    const bad = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, pack: badThreshold as unknown as TProgrammePack } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).fields?.map((f) => f.field)).toContain(`pack.targets.${withRule}.rule.threshold`);

    const duplicate = { ...pack, targets: [pack.targets[0], pack.targets[0]] } as TProgrammePack;
    const dup = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, pack: duplicate } });
    expect(dup.status).toBe(400);
    expect(errorBody(dup).fields?.[0]?.field).toBe('pack.targets.1.code');
    const neither = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId } });
    expect(neither.status).toBe(400);
    const unknown = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code: 'KHONG-CO' } });
    expect(unknown.status).toBe(404);

    const ok = await officer.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, pack } });
    expect(ok.status).toBe(200);
    // seed 004 item 7 is two targets: 100 % of province and district cadres, 80 % of grassroots cadres
    expect(ok.body.created).toMatchObject({ targets: 9, groups: 8, tasks: 24, assignments: 27, matchedAssignments: 0 });
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, pack } })).status).toBe(404);
  });

  // --- prog ---
  it('two loads of the same pack into the same unit at once: one creates the programme, the other answers alreadyLoaded', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = await Promise.all([
      signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] }),
      signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] }),
    ]);
    const code = 'NB-DEAN-334-2021';
    const [first, second] = await Promise.all([
      a.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code } }),
      b.call(programmeEndpoints.loadPack, { body: { unitId: province.provinceId, code } }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.alreadyLoaded, second.body.alreadyLoaded].sort()).toEqual([false, true]);
    expect(first.body.programmeId).toBe(second.body.programmeId);
    const programmes = await t.db.selectFrom('programme').select('id').where('owner_unit_id', '=', province.provinceId).where('pack_code', '=', code).execute();
    expect(programmes).toHaveLength(1);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'programme').where('entity_id', '=', String(first.body.programmeId)).execute();
    expect(audit.map((row) => row.action)).toEqual(['load_pack']);
  });
});
