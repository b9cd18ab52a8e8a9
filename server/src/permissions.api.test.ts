import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '#contracts/auth.ts';
import { auditEndpoints } from '#contracts/audit.ts';
import { dhis2Endpoints } from '#contracts/indicators/dhis2.api.ts';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { personEndpoints } from '#contracts/people.ts';
// --- prog-core ---
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
// --- prog-tasks ---
import { taskEndpoints } from '#contracts/programmes/tasks.api.ts';
// --- pet-legal ---
import { legalEndpoints } from '#contracts/legal/api.ts';
// --- pet-recv ---
import { receptionEndpoints } from '#contracts/reception/api.ts';
import { ACTIONS, grantOf, type TAction } from '#contracts/permissions.ts';
import { settingsEndpoints } from '#contracts/settings.ts';
import { unitEndpoints } from '#contracts/units.ts';
// --- pet-core ---
import { petitionEndpoints } from '#contracts/petitions/api.ts';
// --- emulation ---
import { campaignEndpoints } from '#contracts/emulation/campaign.ts';
// --- emu-commit ---
import { commitmentEndpoints } from '#contracts/emulation/commitment.api.ts';
import { modelEndpoints } from '#contracts/emulation/model.api.ts';
// --- surveys ---
import { surveyEndpoints } from '#contracts/surveys/api.ts';
// --- training ---
import { trainingEndpoints } from '#contracts/training/api.ts';
// --- sentiment ---
import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { userEndpoints } from '#contracts/users.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildOrganization, buildPerson, buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { errorBody, TestClient, type TestResponse } from '#test/http-client.ts';
// --- grassroots ---
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[], organizationId: number | null = null) {
  const user = await buildUser(t.db, { unitId, roles, organizationId });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

describe('village accounts', () => {
  it('A9 policies: a village account may not close its own village', async () => {
    const province = await buildProvince(t.db);
    const [communeId] = province.communeIds as [number];
    const [villageId, otherVillageId] = province.villagesByCommune[0] as [number, number];
    for (const roles of [['data_entry'], ['unit_admin', 'commission_officer']] as TRole[][]) {
      const villager = await signIn(villageId, roles);
      const me = await villager.call(authEndpoints.me, {});
      expect(me.body.permissions).not.toContain('units.manageVillages');
      const closed = await villager.call(unitEndpoints.closeVillage, { params: { id: villageId }, body: { validTo: '2026-03-01' } });
      expect(closed.status).toBe(403);
      expect(errorBody(closed).message).toBe('Bạn không có quyền thực hiện thao tác này.');
      const added = await villager.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: 'Mới', type: 'thôn' } });
      expect(added.status).toBe(403);
    }
    const commune = await signIn(communeId, ['data_entry']);
    expect((await commune.call(authEndpoints.me, {})).body.permissions).toContain('units.manageVillages');
    const closed = await commune.call(unitEndpoints.closeVillage, { params: { id: otherVillageId }, body: { validTo: '2026-03-01' } });
    expect(closed.status).toBe(200);
  });

  it("A9 policies: /api/auth/me lists the actions of the user's roles at the user's level", async () => {
    const province = await buildProvince(t.db);
    const leader = await signIn(province.provinceId, ['leader']);
    expect((await leader.call(authEndpoints.me, {})).body.permissions).toEqual([
      'units.read',
      'organizations.read',
      'people.read',
      'indicators.read',
      'indicators.review',
      'programmes.read',
      'programmes.reportProgress',
      'audit.recent',
      // --- pet-core ---
      'petitions.read',
      'petitions.manage',
      'petitions.readIdentity',
      // --- pet-recv ---
      'reception.read',
      // --- emulation ---
      'emulation.read',
      'emulation.recognize',
      'emulation.review',
      // --- surveys ---
      'surveys.read',
      // --- grassroots ---
      'grassroots.read',
      'grassroots.log',
      // --- training ---
      'training.read',
      // --- sentiment ---
      'sentiment.read',
      'sentiment.report',
      'sentiment.readSensitive',
      'sentiment.followUp',
      'sentiment.configure',
    ]);
    const admin = await signIn(null, ['system_admin']);
    expect((await admin.call(authEndpoints.me, {})).body.permissions).toEqual(ACTIONS);
    const villageAdmin = await signIn(province.villageIds[0] as number, ['unit_admin']);
    expect((await villageAdmin.call(authEndpoints.me, {})).body.permissions).toEqual(
      // --- pet-legal --- 'legal.manage' is for system administrators only
      ACTIONS.filter((action) => !['units.manageVillages', 'units.manageSuccession', 'settings.manage', 'users.grantSystemAdmin', 'indicators.review', 'indicators.configure', 'indicators.exchange', 'programmes.manage', 'petitions.readIdentity', 'petitions.configure', 'legal.manage', 'reception.manage', /* --- emulation --- */ 'emulation.manageCampaigns', 'emulation.recognize', /* --- grassroots --- */ 'grassroots.manage', /* --- sentiment --- */ 'sentiment.followUp', 'sentiment.configure'].includes(action)),
    );
  });
});

/** What each role's user finds on one commune: an organisation (the focal point's own) with a member. */
/** The id of a unit of the 4-level structure by its official code. */
const officialId = async (code: string) => (await t.db.selectFrom('admin_unit').select('id').where('structure', '=', '2019').where('code', '=', code).executeTakeFirstOrThrow()).id;

interface Place {
  communeId: number;
  villageId: number;
  organizationId: number;
  personId: number;
  /** A monthly commune data set of the province, and one of its elements. */
  dataSet: { id: number; elementId: number; cocId: number };
}

/** A report of the village submitted and waiting for its commune (the reviewer's probe returns it). */
async function submittedVillageReport(place: Place): Promise<string> {
  const id = uuidv7();
  const provinceId = (await t.db.selectFrom('admin_unit').select('path').where('id', '=', place.communeId).executeTakeFirstOrThrow()).path.split('.')[0];
  await t.db
    .insertInto('report')
    .values({
      id,
      province_id: Number(provinceId),
      unit_id: place.villageId,
      data_set_id: place.dataSet.id,
      period: `${1950 + ++serial}01`,
      state: 'submitted',
      version: 1,
      holder_unit_id: place.communeId,
      created_at: new Date(),
    })
    .execute();
  return id;
}

// --- prog-tasks ---
/** A task of a programme of the commune, assigned to the commune's organisation (the focal point's own). */
async function assignedTask(place: Place): Promise<number> {
  const programme = await t.db
    .insertInto('programme')
    .values({
      province_id: sql<number>`unit_province_id(${place.communeId}::bigint)`, owner_unit_id: place.communeId, kind: 'plan',
      number: `${++serial}-KH/ĐU`, issuer: 'Đảng ủy xã', issued_on: '2026-01-10', title: 'Kế hoạch thử', from_year: 2026, to_year: 2026,
      general_objective: null, pack_code: null, pack_version: null, created_by: null,
    })
    .returning(['id', 'province_id'])
    .executeTakeFirstOrThrow();
  const task = await t.db
    .insertInto('programme_task')
    .values({ province_id: programme.province_id, programme_id: programme.id, group_id: null, code: '1', position: 1, text: 'Nhiệm vụ thử', due_on: '2026-12-31', recurrence: null, expected_output: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('task_assignment').values({ province_id: programme.province_id, task_id: task.id, role: 'lead', body_name: 'Tổ dân vận', organization_type: null, level: null, organization_id: place.organizationId, position: 1 }).execute();
  return task.id;
}

// --- pet-core ---
/** A denunciation received by the commune (its identity protected), for the petitions probes. */
async function commune_denunciation(place: Place): Promise<string> {
  const field = await t.db.selectFrom('petition_field').select('id').where('code', '=', 'land').where('province_id', 'is', null).executeTakeFirstOrThrow();
  const admin = await signIn(null, ['system_admin']);
  const created = await admin.call(petitionEndpoints.createCase, {
    body: {
      kind: 'denunciation', channel: 'mail', fieldId: field.id, unitId: place.communeId, subject: `Tố cáo thử ${++serial}`, content: 'Nội dung',
      receivedOn: '2026-03-02', persons: [{ fullName: 'Người tố cáo thử' }],
    },
  });
  return (created.body as { id: string }).id;
}

// --- emulation ---
/** A model of the commune (owned by its organisation) inserted in `status`, for the steps' probes. */
async function communeModel(place: Place, status: 'building' | 'reviewed'): Promise<string> {
  const provinceId = Number((await t.db.selectFrom('admin_unit').select('path').where('id', '=', place.communeId).executeTakeFirstOrThrow()).path.split('.')[0]);
  const id = uuidv7();
  const title = `Mô hình thử ${++serial}`;
  await t.db
    .insertInto('emulation_model')
    .values({
      id, province_id: provinceId, unit_id: place.communeId, kind: 'collective', field: 'economy', owner_organization_id: place.organizationId,
      title, summary: 'Nội dung thử', figures: '[]', started_on: '2026-01-05', search_text: title.toLowerCase(), status,
      created_at: '2026-01-05T00:00:00Z', updated_at: '2026-01-05T00:00:00Z',
    })
    .execute();
  return id;
}

// --- surveys ---
/**
 * An open survey of the commune (one version: a text question and a sensitive one) with one accepted response
 * answering both; for the entering, and the sensitive reading probes.
 */
async function communeSurvey(place: Place): Promise<{ id: number; responseId: string }> {
  const provinceId = Number((await t.db.selectFrom('admin_unit').select('path').where('id', '=', place.communeId).executeTakeFirstOrThrow()).path.split('.')[0]);
  const code = `KS-${++serial}-${process.pid}`;
  const survey = await t.db
    .insertInto('survey')
    .values({ province_id: provinceId, unit_id: place.communeId, code, title: 'Khảo sát thử', status: 'open', current_version: 1, search_text: code.toLowerCase(), created_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const form = {
    title: 'Phiếu thử', defaultLanguage: '', languages: [''], choiceLists: {},
    items: [
      { kind: 'question', name: 'y_kien', label: { '': 'Ý kiến' }, type: 'text', required: false },
      { kind: 'question', name: 'ton_giao', label: { '': 'Tôn giáo' }, type: 'text', required: false, sensitive: true },
    ],
  };
  await t.db.insertInto('survey_version').values({ province_id: provinceId, survey_id: survey.id, number: 1, form: JSON.stringify(form), created_at: new Date() }).execute();
  const responseId = uuidv7();
  await t.db
    .insertInto('survey_response')
    .values({
      id: responseId, province_id: provinceId, survey_id: survey.id, version_number: 1, unit_id: place.communeId, respondent_group: 'citizen', channel: 'paper', status: 'accepted',
      answers: JSON.stringify({ y_kien: 'Tốt', ton_giao: 'Phật giáo' }), cells: JSON.stringify({ y_kien: 'answered', ton_giao: 'answered' }), submitted_at: new Date(), created_at: new Date(), updated_at: new Date(),
    })
    .execute();
  return { id: survey.id, responseId };
}

// --- sentiment ---
const sentimentFixtures = new Map<string, string>();
/** A religion report of the village (sensitive text) and an open alert on the commune's land, made once per place. */
async function sentimentFixture(place: Place, kind: 'report' | 'alert'): Promise<string> {
  const key = `${place.communeId}:${kind}`;
  const known = sentimentFixtures.get(key);
  if (known) return known;
  const provinceId = Number((await t.db.selectFrom('admin_unit').select('path').where('id', '=', place.communeId).executeTakeFirstOrThrow()).path.split('.')[0]);
  const id = uuidv7();
  if (kind === 'report') {
    await t.db.insertInto('sentiment_report').values({
      id, province_id: provinceId, unit_id: place.villageId, commune_id: place.communeId, organization_id: null, topic: 'religion', severity: 'medium', people_count: 5,
      trend: 'steady', text: 'Sinh hoạt tôn giáo chưa đăng ký', reported_on: '2026-03-01', lat: null, lng: null, created_by: null, created_at: new Date(),
    }).execute();
  } else {
    const rule = await t.db.selectFrom('sentiment_rule').select('id').where('province_id', 'is', null).executeTakeFirstOrThrow();
    await t.db.insertInto('sentiment_alert').values({
      id, province_id: provinceId, unit_id: place.communeId, addressed_unit_id: provinceId, rule_id: rule.id, topic: 'land', report_count: 3,
      first_report_on: '2026-02-20', last_report_on: '2026-03-01', raised_at: new Date(),
    }).execute();
  }
  sentimentFixtures.set(key, id);
  return id;
}
// --- end sentiment ---

/** The province of the place's commune: the first label of its path. */
async function provinceOf(place: Place): Promise<number> {
  const { path } = await t.db.selectFrom('admin_unit').select('path').where('id', '=', place.communeId).executeTakeFirstOrThrow();
  return Number(path.split('.')[0]);
}

let serial = 0;
/** One request per action that exercises exactly that action's policy, on records the user may see. */
const PROBES: Record<TAction, (client: TestClient, place: Place) => Promise<TestResponse>> = {
  'units.read': (c, p) => c.call(unitEndpoints.get, { params: { id: p.communeId }, query: {} }),
  // Vĩnh Lộc (Thanh Hóa) ended on 30/11/2019, its successor (15349, renamed Vĩnh Lộc that day) only likely: the probe sets it again
  'units.manageSuccession': async (c) =>
    c.call(unitEndpoints.setSuccessor, { params: { id: await officialId('15346') }, body: { successorId: await officialId('15349'), reason: 'Thử quyền đặt đơn vị kế thừa' } }),
  'settings.manage': async (c, p) =>
    c.call(settingsEndpoints.set, {
      params: { id: await provinceOf(p), key: 'villageTeam.enabled' },
      body: { value: true, reason: 'Thử quyền cài đặt của tỉnh' },
    }),
  'units.manageVillages': (c, p) =>
    c.call(unitEndpoints.createVillage, { params: { id: p.communeId }, body: { name: `Thử ${++serial}`, type: 'thôn' } }),
  'organizations.read': (c, p) => c.call(organizationEndpoints.get, { params: { id: p.organizationId }, query: {} }),
  'organizations.create': (c, p) =>
    c.call(organizationEndpoints.create, { body: { unitId: p.communeId, type: 'village_team', name: `Tổ ${++serial}` } }),
  'organizations.write': (c, p) => c.call(organizationEndpoints.update, { params: { id: p.organizationId }, body: { name: `Tổ ${++serial}` } }),
  'people.read': (c, p) => c.call(personEndpoints.get, { params: { id: p.personId } }),
  'people.create': (c, p) => c.call(personEndpoints.create, { body: { unitId: p.communeId, fullName: `Trần Văn ${++serial}` } }),
  'people.update': (c, p) => c.call(personEndpoints.update, { params: { id: p.personId }, body: { phone: '0912345678' } }),
  'people.manageRoles': (c, p) =>
    c.call(personEndpoints.addRole, {
      params: { id: p.personId },
      body: { organizationId: p.organizationId, title: `Tổ viên ${++serial}`, isHead: false, termFrom: '2026-01-01' },
    }),
  'people.readSensitive': (c, p) => c.call(personEndpoints.update, { params: { id: p.personId }, body: { ethnicity: 'Kinh' } }),
  'users.manage': (c) => c.call(userEndpoints.list, { query: {} }),
  'users.grantSystemAdmin': (c) =>
    c.call(userEndpoints.create, {
      body: { username: `qt${++serial}x${process.pid}`, fullName: 'Quản trị mới', unitId: null, roles: ['system_admin'], password: 'MatKhau2026x' },
    }),
  'audit.read': (c) => c.call(auditEndpoints.list, { query: {} }),
  'audit.recent': (c) => c.call(auditEndpoints.recent, { query: {} }),
  'indicators.read': (c) => c.call(metadataEndpoints.listDataSets, {}),
  'indicators.enter': (c, p) =>
    c.call(reportEndpoints.putValues, {
      body: {
        dataSetId: p.dataSet.id,
        unitId: p.communeId,
        period: '202602',
        values: [{ writeId: uuidv7(), unitId: p.communeId, dataElementId: p.dataSet.elementId, cocId: p.dataSet.cocId, value: String(++serial) }],
      },
    }),
  'indicators.review': async (c, p) =>
    c.call(reportEndpoints.transitionReport, {
      params: { id: await submittedVillageReport(p) },
      body: { to: 'returned', seenState: 'submitted', seenVersion: 1, reason: 'Thiếu số liệu' },
    }),
  'indicators.configure': (c) =>
    c.call(metadataEndpoints.createDataElement, { body: { code: `PROBE_${++serial}_${process.pid}`, name: 'Chỉ tiêu thử', valueType: 'integer' } }),
  // --- prog-tasks ---
  'programmes.reportProgress': async (c, p) =>
    c.call(taskEndpoints.reportProgress, { params: { taskId: await assignedTask(p) }, body: { note: 'Đã triển khai', percent: 30 } }),
  // the probe user is on a commune and the action is for provinces: only the system administrator gets 2xx
  'indicators.exchange': (c) => c.upload(dhis2Endpoints.importDataValueSets, { query: { dryRun: 'true' } }, 'probe.json', '{"dataValues":[]}'),
  // --- pet-core ---
  'petitions.read': (c) => c.call(petitionEndpoints.listCases, { query: {} }),
  'petitions.manage': async (c, p) =>
    c.call(petitionEndpoints.actOnCase, { params: { id: await commune_denunciation(p) }, body: { action: 'note', note: 'Ghi chú thử', seenVersion: 1 } }),
  'petitions.readIdentity': async (c, p) =>
    c.call(petitionEndpoints.revealIdentity, { params: { id: await commune_denunciation(p) }, body: { reason: 'Kiểm tra quyền' } }),
  // the probe user is on a commune and the action is for provinces: only the system administrator gets 2xx
  'petitions.configure': async (c, p) => {
    const path = (await t.db.selectFrom('admin_unit').select('path').where('id', '=', p.communeId).executeTakeFirstOrThrow()).path;
    return c.call(petitionEndpoints.createField, { body: { code: `thu_${++serial}_${process.pid}`, name: 'Lĩnh vực thử', provinceId: Number(path.split('.')[0]) } });
  },
  // --- prog-core ---
  'programmes.read': (c) => c.call(programmeEndpoints.listProgrammes, { query: {} }),
  'programmes.manage': (c, p) =>
    c.call(programmeEndpoints.createProgramme, {
      body: { unitId: p.communeId, kind: 'plan', number: `${++serial}-KH/ĐU`, issuer: 'Đảng ủy xã', issuedOn: '2026-01-15', title: 'Kế hoạch thử', fromYear: 2026, toYear: 2026 },
    }),
  // --- pet-legal ---
  // a day of a year outside the shipped calendar (the year is created as provisional): touches no real deadline
  'legal.manage': (c) => c.call(legalEndpoints.setCalendarDay, { body: { date: '2099-01-05', working: ++serial % 2 === 0 } }),
  // --- pet-recv ---
  'reception.read': (c) => c.call(receptionEndpoints.listSessions, { query: {} }),
  'reception.manage': (c, p) =>
    c.call(receptionEndpoints.createSession, {
      body: { unitId: p.communeId, heldOn: '2026-03-02', kind: 'regular', personsReceived: 1, leader: { name: 'Người thử', position: 'Chủ tịch UBND xã', roleKind: 'government_head' } },
    }),
  // --- end pet-recv ---
  // --- emu-core ---
  'emulation.read': (c) => c.call(campaignEndpoints.listCampaigns, { query: {} }),
  'emulation.manageCampaigns': (c, p) =>
    c.call(campaignEndpoints.createCampaign, {
      body: { unitId: p.communeId, code: `DVK-${++serial}`, title: 'Dân vận khéo thử', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31', level: 'commune' },
    }),
  'emulation.registerModels': (c, p) =>
    c.call(modelEndpoints.createModel, {
      body: {
        kind: 'collective', field: 'economy', title: `Mô hình thử ${++serial}`, summary: 'Nội dung thử', unitId: p.communeId, startedOn: '2026-01-05',
        ownerType: 'organization', ownerId: p.organizationId,
      },
    }),
  // the commune's own decision (the system administrator records it for the commune)
  'emulation.recognize': async (c, p) =>
    c.call(modelEndpoints.addModelStep, {
      params: { id: await communeModel(p, 'reviewed') },
      body: { step: 'recognised', seenVersion: 1, onDate: '2026-03-02', level: 'commune', decisionNumber: `${++serial}/QĐ-UBND`, byUnitId: p.communeId },
    }),
  'emulation.review': async (c, p) =>
    c.call(modelEndpoints.addModelStep, {
      params: { id: await communeModel(p, 'building') },
      body: { step: 'reviewed', seenVersion: 1, onDate: '2026-03-02', attendees: 'Nhân dân thôn', participantCount: 40, votesFor: 35, votesAgainst: 2, votesAbstain: 3 },
    }),
  // --- emu-commit ---
  // a campaign of the commune with one commitment, new on each call: the count registered is the organisation's
  'emulation.manageCommitments': async (c, p) => {
    const provinceId = Number((await t.db.selectFrom('admin_unit').select('path').where('id', '=', p.communeId).executeTakeFirstOrThrow()).path.split('.')[0]);
    const code = `CK-${++serial}-${process.pid}`;
    const campaign = await t.db
      .insertInto('emulation_campaign')
      .values({ province_id: provinceId, unit_id: p.communeId, code, title: 'Cam kết thử', year: 2026, starts_on: '2026-01-01', ends_on: '2026-12-31', level: 'commune', search_text: code.toLowerCase() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const commitment = await t.db
      .insertInto('emulation_commitment')
      .values({ province_id: provinceId, campaign_id: campaign.id, code: 'K1', position: 1, title: 'Không xả rác thải nhựa' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return c.call(commitmentEndpoints.saveCommitmentCount, {
      body: { campaignId: campaign.id, commitmentId: commitment.id, unitId: p.communeId, registrantKind: 'cadre', organizationId: p.organizationId, registered: 3, expectedVersion: 0 },
    });
  },
  // --- end emulation ---
  // --- surveys ---
  'surveys.read': (c) => c.call(surveyEndpoints.list, { query: {} }),
  'surveys.manage': (c, p) => c.call(surveyEndpoints.create, { body: { unitId: p.communeId, code: `KS-${++serial}`, title: 'Khảo sát thử' } }),
  'surveys.enter': async (c, p) =>
    c.call(surveyEndpoints.submit, { params: { id: (await communeSurvey(p)).id }, body: { id: uuidv7(), versionNumber: 1, unitId: p.communeId, respondentGroup: 'citizen', answers: { y_kien: 'Tốt' } } }),
  // reading is open to everyone; without the right the sensitive answer is left out, which the probe reports as 403
  'surveys.readSensitive': async (c, p) => {
    const survey = await communeSurvey(p);
    const response = await c.call(surveyEndpoints.response, { params: { id: survey.id, responseId: survey.responseId } });
    if (response.status !== 200) return response;
    return { ...response, status: 'ton_giao' in response.body.answers ? 200 : 403 };
  },
  // --- end surveys ---
  // --- grassroots ---
  'grassroots.read': (c) => c.call(grassrootsEndpoints.listVisits, { query: {} }),
  'grassroots.log': async (c, p) => {
    const role = await t.db.selectFrom('person_role').select('id').where('person_id', '=', p.personId).executeTakeFirstOrThrow();
    const purpose = await t.db.selectFrom('field_visit_purpose').select('id').where('code', '=', 'situation').executeTakeFirstOrThrow();
    return c.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId: role.id, unitId: p.villageId, from: '2026-03-01', to: '2026-03-01', purposeId: purpose.id } });
  },
  'grassroots.manage': (c) => c.call(grassrootsEndpoints.addPurpose, { body: { code: `thu_${++serial}`, name: 'Mục đích thử' } }),
  // --- end grassroots ---
  // --- training ---
  'training.read': (c, p) => c.call(trainingEndpoints.coverage, { query: { unitId: p.communeId, group: 'cell_secretary_village_head' } }),
  'training.manage': (c, p) =>
    c.call(trainingEndpoints.createCourse, {
      body: { unitId: p.communeId, title: `Lớp ${++serial}`, kind: 'training', level: 'commune', subject: 'Nghiệp vụ dân vận', startsOn: '2026-01-05', endsOn: '2026-01-06' },
    }),
  // --- end training ---
  // --- sentiment ---
  'sentiment.read': (c) => c.call(sentimentEndpoints.listReports, { query: {} }),
  'sentiment.report': (c, p) =>
    c.call(sentimentEndpoints.createReport, {
      body: { id: uuidv7(), unitId: p.villageId, topic: 'other', severity: 'low', peopleCount: 2, trend: 'steady', text: 'Thử', reportedOn: '2026-03-01' },
    }),
  // reading is open to everyone; without the right the text of a religion report is hidden, which the probe reports as 403
  'sentiment.readSensitive': async (c, p) => {
    const response = await c.call(sentimentEndpoints.getReport, { params: { id: await sentimentFixture(p, 'report') } });
    if (response.status !== 200) return response;
    return { ...response, status: response.body.textHidden ? 403 : 200 };
  },
  'sentiment.followUp': async (c, p) => {
    const id = await sentimentFixture(p, 'alert');
    const alert = await c.call(sentimentEndpoints.getAlert, { params: { id } });
    if (alert.status !== 200) return alert;
    if (alert.body.status !== 'open') return { ...alert, status: alert.body.moves.length ? 200 : 403 };
    return c.call(sentimentEndpoints.moveAlert, { params: { id }, body: { seenState: 'open', seenVersion: alert.body.version, to: 'acknowledged' } });
  },
  'sentiment.configure': async (c, p) => {
    const provinceId = Number((await t.db.selectFrom('admin_unit').select('path').where('id', '=', p.communeId).executeTakeFirstOrThrow()).path.split('.')[0]);
    return c.call(sentimentEndpoints.createRule, { body: { provinceId, name: `Quy tắc thử ${++serial}`, topic: 'land', minSeverity: 'high', minReports: 3, windowDays: 14, active: false } });
  },
  // --- end sentiment ---
};

describe('the permission table, walked over HTTP', () => {
  it('A9 policies: every action answers 2xx to each role the table grants it and 403 to every other role', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const organizationId = await buildOrganization(t.db, communeId);
    const personId = await buildPerson(t.db, communeId);
    const seed = await signIn(null, ['system_admin']);
    const role = await seed.call(personEndpoints.addRole, {
      params: { id: personId },
      body: { organizationId, title: 'Tổ trưởng', isHead: true, termFrom: '2025-09-01' },
    });
    expect(role.status).toBe(200);
    const dataSet = await buildDataSet(t.db, province.provinceId);
    const element = dataSet.elements[0] as { id: number; cocId: number };
    const place: Place = {
      communeId,
      villageId: province.villageIds[0] as number,
      organizationId,
      personId,
      dataSet: { id: dataSet.id, elementId: element.id, cocId: element.cocId },
    };

    const expected: string[] = [];
    const actual: string[] = [];
    for (const r of ROLES) {
      // one user per role on the same commune (the system administrator has no unit: the whole country); the
      // focal point belongs to the commune's organisation
      const client = await signIn(r === 'system_admin' ? null : communeId, [r], r === 'focal_point' ? organizationId : null);
      for (const action of ACTIONS) {
        const allowed = grantOf({ roles: [r], unitLevel: r === 'system_admin' ? null : 'commune', organizationId }, action) !== null;
        const response = await PROBES[action](client, place);
        expected.push(`${r} ${action} ${allowed ? '2xx' : '403'}`);
        actual.push(`${r} ${action} ${response.status >= 200 && response.status < 300 ? '2xx' : response.status}`);
      }
    }
    expect(actual).toEqual(expected);
    // the walk is not vacuous: the table refuses and grants something to every role but the system administrator
    expect(expected.filter((line) => line.endsWith('403')).length).toBeGreaterThan(20);
  });
});
