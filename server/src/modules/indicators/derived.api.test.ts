import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { derivedEndpoints } from '#contracts/indicators/derived.api.ts';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { personEndpoints } from '#contracts/people.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildApp } from '#server/app.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { buildPerson, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { createTestDatabase } from '#test/test-db.ts';

/** On PGlite a derived-value backfill (every registered value since 2019; the demo's holds the one connection for minutes) is slow. */
const DEMO_BACKFILL_MS = 300_000;

const TODAY = '2026-03-02';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
});
afterAll(() => t.close());

async function elementId(code: string) {
  const row = await t.db.selectFrom('data_element').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** The province's figure of a derived element for a period (the 'current' view, as a dashboard reads it). */
async function total(provinceId: number, code: string, period: string) {
  const row = await t.db
    .selectFrom('data_total')
    .select(['sum', 'n_values'])
    .where('province_id', '=', provinceId)
    .where('view', '=', 'current')
    .where('unit_id', '=', provinceId)
    .where('data_element_id', '=', await elementId(code))
    .where('period', '=', period)
    .executeTakeFirst();
  return Number(row?.sum ?? 0);
}

/** The figure for every open period (month, quarter, half, year containing today): touched together. */
const openTotals = async (provinceId: number, code: string) =>
  Promise.all(['202603', '2026Q1', '2026S1', '2026'].map((period) => total(provinceId, code, period)));

describe('derived values', () => {
  it('lists the registered values with their data elements', async () => {
    const reader = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const response = await reader.call(derivedEndpoints.listDerivedValues, {});
    expect(response.status).toBe(200);
    expect(response.body.map((v) => [v.code, v.elementCode, v.valueType, v.level])).toEqual([
      ['units.villages', 'UNITS_VILLAGES', 'integer', 'village'],
      ['organizations.villages_with_team', 'ORG_VILLAGES_WITH_TEAM', 'yes_no', 'village'],
      ['organizations.commune_blocs_9_11', 'ORG_COMMUNE_BLOCS_9_11', 'yes_no', 'commune'],
      // --- prog ---
      ['programmes.tasks_overdue', 'PROG_TASKS_OVERDUE', 'integer', 'commune'],
      ['programmes.tasks_done_on_time', 'PROG_TASKS_DONE_ON_TIME', 'integer', 'commune'],
      // petitions: counted per month (flows)
      ['petitions.received', 'PET_TIEP_NHAN', 'integer', 'commune'],
      ['petitions.resolved', 'PET_DA_GIAI_QUYET', 'integer', 'commune'],
      ['petitions.resolved_on_time', 'PET_GIAI_QUYET_DUNG_HAN', 'integer', 'commune'],
      ['petitions.kd_to_resolve', 'PET_KNTC_TIEP_NHAN', 'integer', 'commune'],
      ['petitions.kd_resolved', 'PET_KNTC_DA_GIAI_QUYET', 'integer', 'commune'],
      // reception
      ['reception.head_dialogues_commune', 'RECEPTION_HEAD_DIALOGUES_COMMUNE', 'integer', 'commune'],
      ['reception.head_dialogues_province', 'RECEPTION_HEAD_DIALOGUES_PROVINCE', 'integer', 'province'],
      ['reception.front_supervisions_commune', 'RECEPTION_FRONT_SUPERVISIONS_COMMUNE', 'integer', 'commune'],
      ['reception.front_supervisions_province', 'RECEPTION_FRONT_SUPERVISIONS_PROVINCE', 'integer', 'province'],
      ['reception.front_critiques_commune', 'RECEPTION_FRONT_CRITIQUES_COMMUNE', 'integer', 'commune'],
      ['reception.front_critiques_province', 'RECEPTION_FRONT_CRITIQUES_PROVINCE', 'integer', 'province'],
      ['reception.reception_days_commune', 'RECEPTION_RECEPTION_DAYS_COMMUNE', 'integer', 'commune'],
      ['reception.reception_days_province', 'RECEPTION_RECEPTION_DAYS_PROVINCE', 'integer', 'province'],
      // emulation: recognised models per level × field, agencies (seed 004), villages with self-management models
      ...(['commune', 'district', 'province', 'central'] as const).flatMap((level) =>
        (['economy', 'culture_society', 'defence_security', 'party_building'] as const).map((field) => [
          `emulation.recognised_${level}_${field}`, `EMU_RECOGNISED_${level}_${field}`.toUpperCase(), 'integer', 'commune',
        ]),
      ),
      ['emulation.agencies_built_replicated_commune', 'EMU_AGENCIES_BUILT_REPLICATED_COMMUNE', 'integer', 'commune'],
      ['emulation.agencies_built_replicated_province', 'EMU_AGENCIES_BUILT_REPLICATED_PROVINCE', 'integer', 'province'],
      ['emulation.villages_self_management_2', 'EMU_VILLAGES_SELF_MANAGEMENT_2', 'yes_no', 'village'],
      ['emulation.villages_self_management_4', 'EMU_VILLAGES_SELF_MANAGEMENT_4', 'yes_no', 'village'],
      ['emulation.commitments_agency_commune', 'EMULATION_COMMITMENTS_AGENCY_COMMUNE', 'integer', 'commune'],
      ['emulation.commitments_cadre_commune', 'EMULATION_COMMITMENTS_CADRE_COMMUNE', 'integer', 'commune'],
      ['emulation.commitments_household_commune', 'EMULATION_COMMITMENTS_HOUSEHOLD_COMMUNE', 'integer', 'commune'],
      ['emulation.commitment_breaches_commune', 'EMULATION_COMMITMENT_BREACHES_COMMUNE', 'integer', 'commune'],
      // grassroots (field visits, seed 000 i7), training (coverage, i8/i9 and seed 004), sentiment (reports, alerts)
      ['grassroots.cadres_commune', 'GRASSROOTS_CADRES_COMMUNE', 'integer', 'commune'],
      ['grassroots.cadres_3days_commune', 'GRASSROOTS_CADRES_3DAYS_COMMUNE', 'integer', 'commune'],
      ['grassroots.field_days_commune', 'GRASSROOTS_FIELD_DAYS_COMMUNE', 'number', 'commune'],
      ['grassroots.committee_at_cells_commune', 'GRASSROOTS_COMMITTEE_AT_CELLS_COMMUNE', 'integer', 'commune'],
      ['grassroots.cadres_province', 'GRASSROOTS_CADRES_PROVINCE', 'integer', 'province'],
      ['grassroots.cadres_3days_province', 'GRASSROOTS_CADRES_3DAYS_PROVINCE', 'integer', 'province'],
      ['grassroots.field_days_province', 'GRASSROOTS_FIELD_DAYS_PROVINCE', 'number', 'province'],
      ['grassroots.committee_at_cells_province', 'GRASSROOTS_COMMITTEE_AT_CELLS_PROVINCE', 'integer', 'province'],
      // grassroots' briefings of blocs and teams: due, held, their members and attendance per commune and month
      ['grassroots.briefings_due_commune', 'GRASSROOTS_BRIEFINGS_DUE_COMMUNE', 'integer', 'commune'],
      ['grassroots.briefings_held_commune', 'GRASSROOTS_BRIEFINGS_HELD_COMMUNE', 'integer', 'commune'],
      ['grassroots.briefing_members_commune', 'GRASSROOTS_BRIEFING_MEMBERS_COMMUNE', 'integer', 'commune'],
      ['grassroots.briefing_attended_commune', 'GRASSROOTS_BRIEFING_ATTENDED_COMMUNE', 'integer', 'commune'],
      ['training.mobilisation_cadre_holders_commune', 'TRN_MOB_HOLDERS_COMMUNE', 'integer', 'commune'],
      ['training.mobilisation_cadre_trained_commune', 'TRN_MOB_TRAINED_COMMUNE', 'integer', 'commune'],
      ['training.mobilisation_cadre_holders_province', 'TRN_MOB_HOLDERS_PROVINCE', 'integer', 'province'],
      ['training.mobilisation_cadre_trained_province', 'TRN_MOB_TRAINED_PROVINCE', 'integer', 'province'],
      ['training.cell_secretary_village_head_holders_commune', 'TRN_CSVH_HOLDERS_COMMUNE', 'integer', 'commune'],
      ['training.cell_secretary_village_head_trained_commune', 'TRN_CSVH_TRAINED_COMMUNE', 'integer', 'commune'],
      ['training.cell_secretary_village_head_holders_province', 'TRN_CSVH_HOLDERS_PROVINCE', 'integer', 'province'],
      ['training.cell_secretary_village_head_trained_province', 'TRN_CSVH_TRAINED_PROVINCE', 'integer', 'province'],
      ['training.upper_cadre_holders_province', 'TRN_UPPER_HOLDERS_PROVINCE', 'integer', 'province'],
      ['training.upper_cadre_trained_province', 'TRN_UPPER_TRAINED_PROVINCE', 'integer', 'province'],
      ['training.grassroots_cadre_holders_commune', 'TRN_GRASS_HOLDERS_COMMUNE', 'integer', 'commune'],
      ['training.grassroots_cadre_trained_commune', 'TRN_GRASS_TRAINED_COMMUNE', 'integer', 'commune'],
      ['training.grassroots_cadre_holders_province', 'TRN_GRASS_HOLDERS_PROVINCE', 'integer', 'province'],
      ['training.grassroots_cadre_trained_province', 'TRN_GRASS_TRAINED_PROVINCE', 'integer', 'province'],
      ['sentiment.reports_land', 'SENTIMENT_REPORTS_LAND', 'integer', 'commune'],
      ['sentiment.reports_policy', 'SENTIMENT_REPORTS_POLICY', 'integer', 'commune'],
      ['sentiment.reports_prices', 'SENTIMENT_REPORTS_PRICES', 'integer', 'commune'],
      ['sentiment.reports_religion', 'SENTIMENT_REPORTS_RELIGION', 'integer', 'commune'],
      ['sentiment.reports_security', 'SENTIMENT_REPORTS_SECURITY', 'integer', 'commune'],
      ['sentiment.reports_environment', 'SENTIMENT_REPORTS_ENVIRONMENT', 'integer', 'commune'],
      ['sentiment.reports_other', 'SENTIMENT_REPORTS_OTHER', 'integer', 'commune'],
      ['sentiment.open_alerts', 'SENTIMENT_OPEN_ALERTS', 'integer', 'province'],
    ]);
    expect(response.body[1]).toMatchObject({ name: 'Số thôn, bản, tổ dân phố có Tổ dân vận', unitOfMeasure: 'thôn', elementId: await elementId('ORG_VILLAGES_WITH_TEAM') });
    const element = await t.db.selectFrom('data_element').selectAll().where('code', '=', 'ORG_VILLAGES_WITH_TEAM').executeTakeFirstOrThrow();
    expect(element).toMatchObject({ source: 'derived', derived_code: 'organizations.villages_with_team', aggregation: 'sum', owner_unit_id: null, zero_significant: false });
  });

  it('a Tổ dân vận created over HTTP adds 1 to the province at once; dissolving it takes it back', async () => {
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 2 });
    const [village, other] = p.villageIds as [number, number];
    const officer = await signIn(t.baseUrl, t.db, { unitId: p.communeIds[0] as number, roles: ['commission_officer'] });
    expect(await openTotals(p.provinceId, 'ORG_VILLAGES_WITH_TEAM')).toEqual([0, 0, 0, 0]);

    const team = await officer.call(organizationEndpoints.create, { body: { unitId: village, type: 'village_team', name: 'Tổ dân vận thôn 1', foundedOn: '2026-01-10' } });
    expect(team.status).toBe(200);
    expect(await openTotals(p.provinceId, 'ORG_VILLAGES_WITH_TEAM')).toEqual([1, 1, 1, 1]);
    // a second team in the same village does not count the village twice; another type counts nothing
    await officer.call(organizationEndpoints.create, { body: { unitId: village, type: 'village_team', name: 'Tổ dân vận thôn 1 (mới)' } });
    await officer.call(organizationEndpoints.create, { body: { unitId: other, type: 'mediation_team', name: 'Tổ hòa giải thôn 2' } });
    expect(await total(p.provinceId, 'ORG_VILLAGES_WITH_TEAM', '202603')).toBe(1);
    const second = await officer.call(organizationEndpoints.create, { body: { unitId: other, type: 'village_team', name: 'Tổ dân vận thôn 2' } });
    expect(await total(p.provinceId, 'ORG_VILLAGES_WITH_TEAM', '202603')).toBe(2);

    // dissolved later this month: it still exists today
    await officer.call(organizationEndpoints.update, { params: { id: second.body.id }, body: { dissolvedOn: '2026-03-20' } });
    expect(await total(p.provinceId, 'ORG_VILLAGES_WITH_TEAM', '202603')).toBe(2);
    const dissolved = await officer.call(organizationEndpoints.update, { params: { id: second.body.id }, body: { dissolvedOn: '2026-03-01' } });
    expect(dissolved.status).toBe(200);
    expect(await openTotals(p.provinceId, 'ORG_VILLAGES_WITH_TEAM')).toEqual([1, 1, 1, 1]);
    // a team that stops being one (type changed) also leaves the count
    await officer.call(organizationEndpoints.update, { params: { id: team.body.id }, body: { type: 'front_committee' } });
    expect(await total(p.provinceId, 'ORG_VILLAGES_WITH_TEAM', '202603')).toBe(1);
    const rows = await t.db.selectFrom('data_value_change').select(['source', 'changed_by']).where('province_id', '=', p.provinceId).execute();
    expect(new Set(rows.map((row) => `${row.source}:${row.changed_by}`))).toEqual(new Set([`derived:${officer.userId}`]));
  });

  it('a commune bloc counts when 9 to 11 people hold a role in it today', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const communeId = p.communeIds[0] as number;
    const officer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    const bloc = await officer.call(organizationEndpoints.create, { body: { unitId: communeId, type: 'commune_bloc', name: 'Khối dân vận xã Xuân 1' } });
    const roleIds: number[] = [];
    const figures: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const person = await buildPerson(t.db, communeId);
      const role = await officer.call(personEndpoints.addRole, {
        params: { id: person },
        body: { organizationId: bloc.body.id, title: i === 1 ? 'Trưởng khối' : 'Thành viên', isHead: i === 1, termFrom: '2026-01-01' },
      });
      expect(role.status).toBe(200);
      roleIds.push(role.body.id);
      figures.push(await total(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11', '202603'));
    }
    expect(figures).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0]);
    // a role ending today still covers today; one ended yesterday does not: 11 members again
    expect((await officer.call(personEndpoints.endRole, { params: { id: roleIds[11] as number }, body: { termTo: TODAY } })).status).toBe(200);
    expect(await total(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11', '202603')).toBe(0);
    expect((await officer.call(personEndpoints.endRole, { params: { id: roleIds[10] as number }, body: { termTo: '2026-03-01' } })).status).toBe(200);
    expect(await openTotals(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11')).toEqual([1, 1, 1, 1]);
    // a role starting next month does not count today
    const late = await buildPerson(t.db, communeId);
    await officer.call(personEndpoints.addRole, { params: { id: late }, body: { organizationId: bloc.body.id, title: 'Thành viên', termFrom: '2026-04-01' } });
    expect(await total(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11', '202603')).toBe(1);
    // a dissolved bloc has no members that count
    await officer.call(organizationEndpoints.update, { params: { id: bloc.body.id }, body: { dissolvedOn: '2026-03-02' } });
    expect(await openTotals(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11')).toEqual([0, 0, 0, 0]);
  });


  it('a member import (a background job) into a commune bloc refreshes the figure as a single role would', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const communeId = p.communeIds[0] as number;
    const officer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    const bloc = await officer.call(organizationEndpoints.create, { body: { unitId: communeId, type: 'commune_bloc', name: 'Khối dân vận xã Xuân 1' } });
    const csv = ['Họ và tên;Chức danh;Giới tính;Năm sinh;Điện thoại;Từ ngày', ...Array.from({ length: 10 }, (_, i) => `Thành viên Số ${i + 1};Thành viên;Nữ;1980;;01/01/2026`)].join('\n');
    const started = await officer.upload(organizationEndpoints.importMembers, { params: { id: bloc.body.id }, query: { dryRun: 'false' } }, 'khoi.csv', csv);
    expect(started.status).toBe(200);
    expect((await waitForJob(officer, started.body.jobId)).status).toBe('succeeded');
    expect(await openTotals(p.provinceId, 'ORG_COMMUNE_BLOCS_9_11')).toEqual([1, 1, 1, 1]);
  });

  it('a village added or closed over HTTP moves the count of villages (the denominator of "Tỷ lệ thôn có Tổ dân vận")', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const communeId = p.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['data_entry'] });
    const added = await clerk.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: 'Thôn Mới', type: 'thôn' } });
    expect(added.status).toBe(200);
    expect(await openTotals(p.provinceId, 'UNITS_VILLAGES')).toEqual([1, 1, 1, 1]);
    await clerk.call(unitEndpoints.closeVillage, { params: { id: added.body.id }, body: { validTo: '2026-03-01' } });
    expect(await openTotals(p.provinceId, 'UNITS_VILLAGES')).toEqual([0, 0, 0, 0]);
  });
});

describe('backfill of past periods', () => {
  it('fills closed periods as of their last day from founding and dissolution dates, once per value', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 3 });
    const [v1, v2] = p.villageIds as [number, number];
    const officer = await signIn(t.baseUrl, t.db, { unitId: p.communeIds[0] as number, roles: ['commission_officer'] });
    await officer.call(organizationEndpoints.create, { body: { unitId: v1, type: 'village_team', name: 'Tổ dân vận thôn 1', foundedOn: '2025-10-15' } });
    await officer.call(organizationEndpoints.create, {
      body: { unitId: v2, type: 'village_team', name: 'Tổ dân vận thôn 2', foundedOn: '2025-08-01', dissolvedOn: '2025-12-15' },
    });
    expect(await total(p.provinceId, 'ORG_VILLAGES_WITH_TEAM', '202511')).toBe(0);

    const admin = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const started = await admin.call(derivedEndpoints.backfillDerivedValues, { body: { provinceId: p.provinceId } });
    expect(started.status).toBe(200);
    const job = await waitForJob(admin, started.body.jobId, 120_000);
    expect(job.status).toBe('succeeded');
    const figures = async (code: string, periods: string[]) => Promise.all(periods.map((period) => total(p.provinceId, code, period)));
    const months = ['202507', '202508', '202509', '202510', '202511', '202512', '202601', '202602', '202603'];
    expect(await figures('ORG_VILLAGES_WITH_TEAM', months)).toEqual([0, 1, 1, 2, 2, 1, 1, 1, 1]);
    expect(await figures('ORG_VILLAGES_WITH_TEAM', ['2025Q3', '2025Q4', '2025S2', '2025', '2026Q1'])).toEqual([1, 1, 1, 1, 1]);
    // the villages exist from 1 July 2025 (the 2025 structure): none before
    expect(await figures('UNITS_VILLAGES', ['202506', '202507', '2025Q3', '2025', '202603'])).toEqual([0, 3, 3, 3, 3]);
    // 13 values of a state (villages, two of the organisations, two of the programmes, eight of reception) and
    // 4 of the emulation commitments, 20 of the emulation models (16 recognised per level × field, 2 agencies, 2
    // villages) on the 87 days ending the periods from 2019-01 to 2026-03; 5 flows of the petitions over their 87 months;
    // 34 of grassroots (8 of field visits, 4 of briefings), training (14) and sentiment (8) over the same 87 periods
    expect(job.progress).toEqual({ done: 87 * 37 + 87 * 5 + 87 * 34, total: 87 * 37 + 87 * 5 + 87 * 34 });
    // values already right are left alone: a second run changes nothing
    const again = await admin.call(derivedEndpoints.backfillDerivedValues, { body: { provinceId: p.provinceId } });
    const second = await waitForJob(admin, again.body.jobId, 120_000);
    expect(second.result).toEqual({ created: 0 });
    expect(job.result?.created).toBeGreaterThan(0);
  }, DEMO_BACKFILL_MS);

  it('is started by a system administrator or the unit administrator of the province, not by others', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const other = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const start = async (client: Awaited<ReturnType<typeof signIn>>, provinceId: number) =>
      (await client.call(derivedEndpoints.backfillDerivedValues, { body: { provinceId } })).status;
    expect(await start(await signIn(t.baseUrl, t.db, { unitId: p.provinceId, roles: ['unit_admin'] }), p.provinceId)).toBe(200);
    expect(await start(await signIn(t.baseUrl, t.db, { unitId: p.provinceId, roles: ['unit_admin'] }), other.provinceId)).toBe(404);
    expect(await start(await signIn(t.baseUrl, t.db, { unitId: p.provinceId, roles: ['commission_officer'] }), p.provinceId)).toBe(403);
    expect(await start(await signIn(t.baseUrl, t.db, { unitId: p.communeIds[0] as number, roles: ['unit_admin'] }), p.provinceId)).toBe(403);
    expect(await start(await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] }), p.communeIds[0] as number)).toBe(400);
  }, DEMO_BACKFILL_MS);
});

describe('registration', () => {
  it('two app processes starting at once on a new database leave one data element per derived value', async () => {
    const handle = await createTestDatabase();
    try {
      const options = { db: handle.db, databaseKind: inject('dbKind'), clock: fixedClock(TODAY) };
      const apps = await Promise.all([buildApp(options), buildApp(options)]);
      await Promise.all(apps.map((app) => app.close()));
      const rows = await handle.db.selectFrom('data_element').select(['code', 'derived_code']).where('source', '=', 'derived').execute();
      const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
      const recognised = (['commune', 'district', 'province', 'central'] as const).flatMap((level) =>
        (['economy', 'culture_society', 'defence_security', 'party_building'] as const).map((field) => ({
          code: `EMU_RECOGNISED_${level}_${field}`.toUpperCase(), derived_code: `emulation.recognised_${level}_${field}`,
        })),
      );
      expect(rows.sort(byCode)).toEqual([
        ...recognised,
        { code: 'EMU_AGENCIES_BUILT_REPLICATED_COMMUNE', derived_code: 'emulation.agencies_built_replicated_commune' },
        { code: 'EMU_AGENCIES_BUILT_REPLICATED_PROVINCE', derived_code: 'emulation.agencies_built_replicated_province' },
        { code: 'EMU_VILLAGES_SELF_MANAGEMENT_2', derived_code: 'emulation.villages_self_management_2' },
        { code: 'EMU_VILLAGES_SELF_MANAGEMENT_4', derived_code: 'emulation.villages_self_management_4' },
        { code: 'EMULATION_COMMITMENTS_AGENCY_COMMUNE', derived_code: 'emulation.commitments_agency_commune' },
        { code: 'EMULATION_COMMITMENTS_CADRE_COMMUNE', derived_code: 'emulation.commitments_cadre_commune' },
        { code: 'EMULATION_COMMITMENTS_HOUSEHOLD_COMMUNE', derived_code: 'emulation.commitments_household_commune' },
        { code: 'EMULATION_COMMITMENT_BREACHES_COMMUNE', derived_code: 'emulation.commitment_breaches_commune' },
        { code: 'ORG_COMMUNE_BLOCS_9_11', derived_code: 'organizations.commune_blocs_9_11' },
        { code: 'ORG_VILLAGES_WITH_TEAM', derived_code: 'organizations.villages_with_team' },
        { code: 'PET_DA_GIAI_QUYET', derived_code: 'petitions.resolved' },
        { code: 'PET_GIAI_QUYET_DUNG_HAN', derived_code: 'petitions.resolved_on_time' },
        { code: 'PET_KNTC_DA_GIAI_QUYET', derived_code: 'petitions.kd_resolved' },
        { code: 'PET_KNTC_TIEP_NHAN', derived_code: 'petitions.kd_to_resolve' },
        { code: 'PET_TIEP_NHAN', derived_code: 'petitions.received' },
        { code: 'PROG_TASKS_DONE_ON_TIME', derived_code: 'programmes.tasks_done_on_time' },
        { code: 'PROG_TASKS_OVERDUE', derived_code: 'programmes.tasks_overdue' },
        { code: 'RECEPTION_FRONT_CRITIQUES_COMMUNE', derived_code: 'reception.front_critiques_commune' },
        { code: 'RECEPTION_FRONT_CRITIQUES_PROVINCE', derived_code: 'reception.front_critiques_province' },
        { code: 'RECEPTION_FRONT_SUPERVISIONS_COMMUNE', derived_code: 'reception.front_supervisions_commune' },
        { code: 'RECEPTION_FRONT_SUPERVISIONS_PROVINCE', derived_code: 'reception.front_supervisions_province' },
        { code: 'RECEPTION_HEAD_DIALOGUES_COMMUNE', derived_code: 'reception.head_dialogues_commune' },
        { code: 'RECEPTION_HEAD_DIALOGUES_PROVINCE', derived_code: 'reception.head_dialogues_province' },
        { code: 'RECEPTION_RECEPTION_DAYS_COMMUNE', derived_code: 'reception.reception_days_commune' },
        { code: 'RECEPTION_RECEPTION_DAYS_PROVINCE', derived_code: 'reception.reception_days_province' },
        { code: 'UNITS_VILLAGES', derived_code: 'units.villages' },
        { code: 'GRASSROOTS_CADRES_COMMUNE', derived_code: 'grassroots.cadres_commune' },
        { code: 'GRASSROOTS_CADRES_3DAYS_COMMUNE', derived_code: 'grassroots.cadres_3days_commune' },
        { code: 'GRASSROOTS_FIELD_DAYS_COMMUNE', derived_code: 'grassroots.field_days_commune' },
        { code: 'GRASSROOTS_COMMITTEE_AT_CELLS_COMMUNE', derived_code: 'grassroots.committee_at_cells_commune' },
        { code: 'GRASSROOTS_CADRES_PROVINCE', derived_code: 'grassroots.cadres_province' },
        { code: 'GRASSROOTS_CADRES_3DAYS_PROVINCE', derived_code: 'grassroots.cadres_3days_province' },
        { code: 'GRASSROOTS_FIELD_DAYS_PROVINCE', derived_code: 'grassroots.field_days_province' },
        { code: 'GRASSROOTS_COMMITTEE_AT_CELLS_PROVINCE', derived_code: 'grassroots.committee_at_cells_province' },
        { code: 'GRASSROOTS_BRIEFINGS_DUE_COMMUNE', derived_code: 'grassroots.briefings_due_commune' },
        { code: 'GRASSROOTS_BRIEFINGS_HELD_COMMUNE', derived_code: 'grassroots.briefings_held_commune' },
        { code: 'GRASSROOTS_BRIEFING_MEMBERS_COMMUNE', derived_code: 'grassroots.briefing_members_commune' },
        { code: 'GRASSROOTS_BRIEFING_ATTENDED_COMMUNE', derived_code: 'grassroots.briefing_attended_commune' },
        { code: 'TRN_MOB_HOLDERS_COMMUNE', derived_code: 'training.mobilisation_cadre_holders_commune' },
        { code: 'TRN_MOB_TRAINED_COMMUNE', derived_code: 'training.mobilisation_cadre_trained_commune' },
        { code: 'TRN_MOB_HOLDERS_PROVINCE', derived_code: 'training.mobilisation_cadre_holders_province' },
        { code: 'TRN_MOB_TRAINED_PROVINCE', derived_code: 'training.mobilisation_cadre_trained_province' },
        { code: 'TRN_CSVH_HOLDERS_COMMUNE', derived_code: 'training.cell_secretary_village_head_holders_commune' },
        { code: 'TRN_CSVH_TRAINED_COMMUNE', derived_code: 'training.cell_secretary_village_head_trained_commune' },
        { code: 'TRN_CSVH_HOLDERS_PROVINCE', derived_code: 'training.cell_secretary_village_head_holders_province' },
        { code: 'TRN_CSVH_TRAINED_PROVINCE', derived_code: 'training.cell_secretary_village_head_trained_province' },
        { code: 'TRN_UPPER_HOLDERS_PROVINCE', derived_code: 'training.upper_cadre_holders_province' },
        { code: 'TRN_UPPER_TRAINED_PROVINCE', derived_code: 'training.upper_cadre_trained_province' },
        { code: 'TRN_GRASS_HOLDERS_COMMUNE', derived_code: 'training.grassroots_cadre_holders_commune' },
        { code: 'TRN_GRASS_TRAINED_COMMUNE', derived_code: 'training.grassroots_cadre_trained_commune' },
        { code: 'TRN_GRASS_HOLDERS_PROVINCE', derived_code: 'training.grassroots_cadre_holders_province' },
        { code: 'TRN_GRASS_TRAINED_PROVINCE', derived_code: 'training.grassroots_cadre_trained_province' },
        { code: 'SENTIMENT_REPORTS_LAND', derived_code: 'sentiment.reports_land' },
        { code: 'SENTIMENT_REPORTS_POLICY', derived_code: 'sentiment.reports_policy' },
        { code: 'SENTIMENT_REPORTS_PRICES', derived_code: 'sentiment.reports_prices' },
        { code: 'SENTIMENT_REPORTS_RELIGION', derived_code: 'sentiment.reports_religion' },
        { code: 'SENTIMENT_REPORTS_SECURITY', derived_code: 'sentiment.reports_security' },
        { code: 'SENTIMENT_REPORTS_ENVIRONMENT', derived_code: 'sentiment.reports_environment' },
        { code: 'SENTIMENT_REPORTS_OTHER', derived_code: 'sentiment.reports_other' },
        { code: 'SENTIMENT_OPEN_ALERTS', derived_code: 'sentiment.open_alerts' },
      ].sort(byCode));
    } finally {
      await handle.close();
    }
  });
});
