import { demoPoints, OLD_QUANG_TRI_LATITUDES, type DemoPoint } from '#server/demo/demo-points.ts';
import type { Insertable, Kysely } from 'kysely';
import type { TCaseKind, TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { DB, PetitionCaseTable, PetitionPersonTable, PetitionStepTable } from '#server/db/schema.ts';
import { PeopleFactory } from '#server/demo/people.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2019_CODE, PROVINCE_2025_CODE, TERM_START_2025 } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { deadlinesFor, personRows } from '../case-intake.ts';
import { PETITION_DERIVED, PETITION_ELEMENTS, RESOLUTION_TARGET } from '../figures/index.ts';
import { isCrowd, outcomeOf, resolutionDueOn, searchText, trackingCode } from '../petition.rules.ts';
import { contentOf, draftCases, lifeOf, subjectOf, TRANSFER_BODIES, type CaseDraft, type CaseLife, type DemoCommune } from './demo-cases.ts';
import * as repo from './petitions-demo.repository.ts';
import { ensureNationalIndicator } from '../../indicators/index.ts';
import { loadLegalResourcesIn } from '../../legal/index.ts';

/** First day of the demo's cases: two years to today, across the 2025 reform. */
export const DEMO_FROM = '2025-01-01';
/** Cases of the demo besides the hot spot's cluster. */
export const DEMO_CASES = 3000;
export const HOT_SPOT_CASES = 70;
/** Xã Hải Lăng (2025): the hot spot (compensation and clearance of the Khu kinh tế Đông Nam Quảng Trị projects). */
export const HOT_SPOT_COMMUNE_CODE = '19702';
/** Districts of the western highlands (Hướng Hóa, Đa Krông): vùng sâu, vùng xa. */
const REMOTE_DISTRICTS = new Set(['465', '467']);
const SEED = 20_250_101;

/** The resolution rate of seed 000 i2 as an indicator of the national catalogue, over the derived values. */
export const RESOLUTION_INDICATOR = {
  code: 'PET_TL_GIAI_QUYET_KNTC',
  name: 'Tỷ lệ giải quyết khiếu nại, tố cáo',
  description:
    'Số vụ việc khiếu nại, tố cáo đã giải quyết (có quyết định giải quyết hoặc kết luận nội dung tố cáo trong kỳ; không tính đơn trùng, đơn bị từ chối thụ lý, đơn đã chuyển cơ quan có thẩm quyền) / ' +
    'số vụ việc khiếu nại, tố cáo tiếp nhận trong kỳ thuộc thẩm quyền giải quyết (không tính đơn trùng, từ chối thụ lý, chuyển đơn, rút đơn) × 100. ' +
    'Mục tiêu từ 85% trở lên: “Hàng năm tỷ lệ giải quyết khiếu nại, tố cáo đạt 85% số vụ việc tiếp nhận” (Đề án nâng cao chất lượng, hiệu quả công tác dân vận, Quảng Ninh 2019, mục tiêu (i2)). ' +
    'Cả hai số đếm theo ngày của sự việc trong năm, nên vụ việc nhận cuối năm trước, giải quyết đầu năm sau được tính vào mẫu số năm trước và tử số năm sau.',
  numerator: `#{${PETITION_ELEMENTS.kdResolved}}`,
  denominator: `#{${PETITION_ELEMENTS.kdToResolve}}`,
  factor: 100,
  decimals: 1,
  unit: '%',
  target: RESOLUTION_TARGET,
};

type Db = Kysely<DB>;
type DeadlineCall = Parameters<typeof deadlinesFor>[1];

/** deadlinesFor of the petitions module, memoised on its inputs (many cases share a day and kind). */
function memoDeadlines(trx: Db) {
  const cache = new Map<string, ReturnType<typeof deadlinesFor>>();
  return (c: DeadlineCall, status: TCaseStatus) => {
    const key = JSON.stringify([c.kind, c.received_on, c.accepted_on, c.resolved_on, c.remote_area, c.complex, c.extensions, c.instance, status]);
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = deadlinesFor(trx, c, status, null)));
    return hit;
  };
}

const lonLat = (point: DemoPoint | null) => ({ lat: point?.lat ?? null, lon: point?.lng ?? null });

async function runPetitionsDemo(trx: Db, today: string): Promise<string> {
  const started = performance.now();
  // the deadlines count on the legal calendar and rule sets (loaded on start; here too when the demo runs alone)
  await loadLegalResourcesIn(trx);
  const rng = new Random(SEED);
  const province = await repo.officialUnit(trx, '2025', PROVINCE_2025_CODE);
  const province2019 = await repo.officialUnit(trx, '2019', PROVINCE_2019_CODE);
  const hotSpotUnit = await repo.officialUnit(trx, '2025', HOT_SPOT_COMMUNE_CODE);
  const districtCodes = new Map((await trx.selectFrom('admin_unit').select(['id', 'code']).where('level', '=', 'district').where('path', '<@', province2019.path).execute()).map((d) => [d.id, d.code]));
  const toCommune = (row: Awaited<ReturnType<typeof repo.communesUnder>>[number]): DemoCommune => ({
    id: row.id, name: row.name, structure: row.structure, villages: row.villages, districtId: row.district_id,
    remote: row.district_id !== null && REMOTE_DISTRICTS.has(districtCodes.get(row.district_id) ?? ''),
  });
  const communes2019 = (await repo.communesUnder(trx, province2019.path)).map(toCommune);
  const oldSide = new Set(await repo.successorCommuneIds(trx, province2019.path));
  const communes2025 = (await repo.communesUnder(trx, province.path)).filter((c) => oldSide.has(c.id)).map(toCommune);
  const hotSpot = communes2025.find((c) => c.id === hotSpotUnit.id);
  if (!hotSpot || communes2019.length === 0) throw new Error('the demo territory is missing: the foundation demo step must run first');
  const accounts = await repo.accountIds(trx, ['tinh.qt', 'xa.hai-lang']);
  const provinceOfficer = accounts.get('tinh.qt') ?? null;
  const fields = await repo.nationalFields(trx);

  const drafts = draftCases(rng.fork('cases'), {
    today, from: DEMO_FROM, reformDay: TERM_START_2025, communes2019, communes2025, hotSpot, count: DEMO_CASES, hotSpotCount: HOT_SPOT_CASES,
  });
  const people = new PeopleFactory(rng.fork('people'));
  const deadlines = memoDeadlines(trx);
  const ids = drafts.map((draft) => uuidv7(new Date(`${draft.receivedOn}T02:00:00Z`)));
  // six in ten letters name a place the map can show: a point near the case's commune
  const points = await demoPoints(PROVINCE_2025_CODE, OLD_QUANG_TRI_LATITUDES);
  const pointOf = (draft: (typeof drafts)[number]) => (rng.fork(`point:${draft.index}`).chance(0.6) ? points.near(draft.commune.id, `case:${draft.index}`) : null);
  const numbers = new Map<number, number>();
  const cases: Insertable<PetitionCaseTable>[] = [];
  const persons: Insertable<PetitionPersonTable>[] = [];
  const steps: Insertable<PetitionStepTable>[] = [];
  const tally = { overdue: 0, byKind: new Map<TCaseKind, number>() };

  for (const draft of drafts) {
    const id = ids[draft.index] as string;
    const year = Number(draft.receivedOn.slice(0, 4));
    const number = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, number);
    const code = trackingCode(PROVINCE_2025_CODE, year, number);
    const life = lifeOf(draft, today);
    const officer = draft.commune.id === hotSpot.id ? (accounts.get('xa.hai-lang') ?? provinceOfficer) : provinceOfficer;
    const basis = {
      kind: draft.kind, received_on: draft.receivedOn, accepted_on: life.acceptedOn, resolved_on: life.resolvedOn, rule_set_code: null,
      remote_area: draft.commune.remote, complex: life.complex, extensions: life.extensions, instance: life.instance,
    };
    const atReceipt = await deadlines({ ...basis, accepted_on: null, resolved_on: null, complex: false, extensions: 0, instance: 1 }, 'received');
    const now = await deadlines(basis, life.status);
    let outcome = null;
    if (life.status === 'closed' && life.resolvedOn) {
      // as the close action does (case-actions.ts): the limit without the extension, and the one in force
      const original = await deadlines({ ...basis, extensions: 0, complex: false }, 'closed');
      const extended = await deadlines(basis, 'closed');
      outcome = outcomeOf(life.resolvedOn, resolutionDueOn(original.result.deadlines), resolutionDueOn(extended.result.deadlines), life.extensions > 0 || life.complex);
    }
    const open = !['refused', 'transferred', 'closed', 'withdrawn', 'duplicate'].includes(life.status);
    if (open && now.dueOn && now.dueOn < today) tally.overdue++;
    tally.byKind.set(draft.kind, (tally.byKind.get(draft.kind) ?? 0) + 1);

    const named = Math.min(draft.personCount, 5);
    const personInputs = Array.from({ length: named }, (_, i) => {
      const person = people.make(draft.villageId ?? draft.commune.id, 'Kinh', { male: 0.6, born: [1950, 1998] });
      return {
        role: i === 0 && draft.personCount >= 5 ? ('representative' as const) : ('filer' as const),
        fullName: person.fullName, birthYear: person.birthYear, gender: person.gender, phone: person.phone,
        address: `${draft.villageName}, ${draft.commune.name}`, idNumber: null, email: null,
      };
    });
    const rows = personRows(province.id, id, draft.kind, personInputs);
    persons.push(...rows);
    const subject = subjectOf(draft);
    const content = contentOf(draft);
    const unitId =
      draft.receivedAt === 'commune' ? draft.commune.id
      : draft.receivedAt === 'district' && draft.commune.districtId !== null ? draft.commune.districtId
      : draft.commune.structure === '2019' ? province2019.id : province.id;
    const transferred = life.status === 'transferred';
    const fieldId = fields.get(draft.fieldCode) ?? fields.get('other');
    if (fieldId === undefined) throw new Error('petition fields are missing');
    const stamp = new Date(`${draft.receivedOn}T02:00:00Z`);
    cases.push({
      id, province_id: province.id, unit_id: unitId, commune_id: draft.commune.id, village_id: draft.villageId, ...lonLat(pointOf(draft)), code,
      kind: draft.kind, channel: draft.channel, field_id: fieldId, subject, content, received_on: draft.receivedOn, status: life.status,
      instance: life.instance, crowd: isCrowd(draft.personCount), above_level: draft.aboveLevel, prolonged: draft.prolonged, hot_spot: draft.hotSpot,
      person_count: draft.personCount, duplicate_of_id: draft.duplicateOf === null || life.status !== 'duplicate' ? null : (ids[draft.duplicateOf] as string),
      origin_case_id: null, origin_province_id: null, competent_unit_id: null,
      competent_body: transferred ? (TRANSFER_BODIES[draft.index % TRANSFER_BODIES.length] as string) : null,
      handler_user_id: life.acceptedOn ? officer : null, accepted_on: life.acceptedOn, rule_set_code: now.result.ruleSetCode,
      due_on: open ? now.dueOn : null, extensions: life.extensions, complex: life.complex, remote_area: draft.commune.remote,
      resolved_on: life.resolvedOn, closed_on: life.closedOn, outcome, satisfaction: life.satisfaction,
      public_answer: null, answer_published: false, answered_on: null, source: draft.channel === 'portal' ? 'portal' : 'officer',
      created_by: draft.channel === 'portal' ? null : officer,
      search_text: searchText({ code, subject, content, names: rows.filter((p) => !p.protected).map((p) => p.full_name as string) }),
      subject_fold: foldVi(subject), created_at: stamp, updated_at: stamp, version: life.steps.length,
    });
    steps.push(...stepRows(province.id, id, draft, life, officer, { receipt: atReceipt, now }));
  }
  await repo.insertCases(trx, cases);
  await repo.insertPersons(trx, persons);
  await repo.insertSteps(trx, steps);
  await repo.setCodeCounters(trx, province.id, numbers);
  await ensureNationalIndicator(trx, RESOLUTION_INDICATOR);
  await queueFiguresBackfill(trx, province.id);
  const kinds = [...tally.byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
  return `${cases.length} cases (${kinds}), ${persons.length} persons, ${steps.length} steps in province ${PROVINCE_2025_CODE} from ${DEMO_FROM}; ${tally.overdue} overdue; hot spot ${hotSpot.name} (${HOT_SPOT_CASES}); ${Math.round(performance.now() - started)} ms`;
}

type Due = Awaited<ReturnType<typeof deadlinesFor>>;

function stepRows(
  provinceId: number,
  caseId: string,
  draft: CaseDraft,
  life: CaseLife,
  officer: number | null,
  due: { receipt: Due; now: Due },
): Insertable<PetitionStepTable>[] {
  const last = life.steps.length;
  return life.steps.map((step, i) => {
    const first = i === 0;
    const lastStep = i === last - 1;
    const deadlines = first ? due.receipt.result.deadlines : lastStep ? due.now.result.deadlines : null;
    return {
      id: uuidv7(new Date(`${step.onDate}T03:00:00Z`)), province_id: provinceId, case_id: caseId, seq: i + 1, kind: step.kind,
      from_status: step.from, to_status: step.to, by_user_id: draft.channel === 'portal' && first ? null : officer,
      at: new Date(`${step.onDate}T03:00:00Z`), on_date: step.onDate, note: step.note, file_ids: [],
      due_on: first ? due.receipt.dueOn : lastStep ? due.now.dueOn : null,
      deadlines: deadlines ? JSON.stringify(deadlines) : null,
      data: JSON.stringify(first ? { channel: draft.channel, source: draft.channel === 'portal' ? 'portal' : 'officer', personCount: draft.personCount, crowd: isCrowd(draft.personCount), demo: true } : { demo: true }),
    };
  });
}

/** The figures of the demo's cases for every month since DEMO_FROM: a backfill job the started app runs. */
async function queueFiguresBackfill(trx: Db, provinceId: number) {
  const [admin] = await trx.selectFrom('app_user').select(['id', 'username']).where('username', '=', 'admin').execute();
  if (!admin) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  const actor = { userId: admin.id, username: admin.username, roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  await insertJob(trx, {
    id: uuidv7(),
    kind: 'indicators.derived-backfill',
    payload: { provinceId, from: DEMO_FROM, codes: Object.values(PETITION_DERIVED), actor },
    target: `admin_unit:${provinceId}`,
    ownerUserId: admin.id,
    unitId: provinceId,
    maxAttempts: 3,
    now: clock.now(),
  });
}

/**
 * Step "petitions.demo": a few thousand cases of Quảng Trị from January 2025 to today (docs/DEMO-PETITIONS.md),
 * with persons (denouncers encrypted), their lifecycle steps, deadlines from the legal module, and the backfill of
 * their figures.
 */
export const petitionsDemoStep: DemoStep = { name: 'petitions.demo', version: 1, run: (trx, context) => runPetitionsDemo(trx, context.today) };
