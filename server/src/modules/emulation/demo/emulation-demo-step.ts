import type { Insertable, Kysely } from 'kysely';
import type { TModelField } from '#contracts/emulation/enums.ts';
import type { DB } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { demoPoints, OLD_QUANG_TRI_LATITUDES } from '#server/demo/demo-points.ts';
import { PROVINCE_2019_CODE, PROVINCE_2025_CODE, TERM_START_2025 } from '#server/demo/territory.ts';
import { sha256Hex } from '#server/platform/files/blob-store.ts';
import type { JobContext } from '#server/platform/jobs/job-queue.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { EMULATION_DERIVED_CODES } from '../figures/index.ts';
import { demoCampaigns } from './demo-campaigns.ts';
import { calendarOf, draftModel, drawReach, type DraftModel, type DraftStep, type Reach } from './demo-models.ts';
import { demoPhoto } from './demo-photo.ts';
import * as repo from './emulation-demo.repository.ts';
import { ensureNationalIndicator } from '../../indicators/index.ts';

/** The first campaign: seed 002, Quảng Trị's "Năm Dân vận khéo 2020". */
export const FIRST_YEAR = 2020;
/** Xã Hải Lăng (2025), the demo's commune account: it holds a province-recognised model and a replica. */
export const SHOWCASE_COMMUNE_CODE = '19702';
/** First day the figures of the demo's models are backfilled from. */
export const FIGURES_FROM = '2020-01-01';
export const PHOTO_JOB = 'emulation.demo-photos';
const SEED = 20_201_015;

/** The later campaign's year: the latest whose recognition day (15/10) has passed, from 2025 on. */
export const laterYear = (today: string) => Math.max(2025, Number(today.slice(0, 4)) - (today.slice(5) >= '10-15' ? 0 : 1));

/** Self-management groups the demo founds in 2025 villages (seed 000 i6: ≥ 2 per village; seed 003 (7): ≥ 4). */
const GROUP_NAMES = ['Tổ tự quản an ninh trật tự', 'Tổ tự quản vệ sinh môi trường', 'Tổ tự quản “Đoạn đường xanh - sạch - đẹp”', 'Tổ tự quản “Gia đình văn hóa”', 'Tổ hợp tác sản xuất tự quản'];
const GROUP_FIELDS: readonly TModelField[] = ['defence_security', 'culture_society', 'culture_society', 'culture_society', 'economy'];

/** The indicators the seeds' targets need, over the derived values (national catalogue). */
export const EMULATION_INDICATORS = [
  {
    code: 'EMU_TL_THON_2_MH_TU_QUAN',
    name: 'Tỷ lệ thôn, bản, khu phố có ít nhất 02 mô hình tự quản hoạt động hiệu quả',
    description:
      'Số thôn, bản, khu phố có ít nhất 02 tổ, mô hình tự quản (sổ đăng ký tổ chức) đang hoạt động và có mô hình “Dân vận khéo” được công nhận / tổng số thôn, bản, khu phố × 100. ' +
      'Mục tiêu (i6) Đề án nâng cao chất lượng công tác dân vận, Quảng Ninh 2019: “Mỗi thôn, bản, khu phố có ít nhất 02 mô hình tự quản hoạt động hiệu quả”.',
    numerator: '#{EMU_VILLAGES_SELF_MANAGEMENT_2}', denominator: '#{UNITS_VILLAGES}', factor: 100, decimals: 1, unit: '%', target: 100,
  },
  {
    code: 'EMU_TL_THON_4_MH_TU_QUAN',
    name: 'Tỷ lệ thôn, xóm, phố có ít nhất 04 mô hình tự quản hoạt động hiệu quả',
    description:
      'Số thôn, xóm, phố có ít nhất 04 tổ, mô hình tự quản đang hoạt động và có mô hình “Dân vận khéo” được công nhận / tổng số thôn, xóm, phố × 100. ' +
      'Mục tiêu (7) Nghị quyết Ninh Bình 2021: “Đến năm 2025, mỗi thôn, xóm, phố có ít nhất 04 mô hình tự quản hoạt động hiệu quả”.',
    numerator: '#{EMU_VILLAGES_SELF_MANAGEMENT_4}', denominator: '#{UNITS_VILLAGES}', factor: 100, decimals: 1, unit: '%', target: 100,
  },
] as const;

type Db = Kysely<DB>;

/** Seeds of the photos of a province's demo models, by attachment: the job writes their bytes. */
interface PhotoPayload {
  seeds: number[];
}

/** The job: the bytes of the demo's photos into the blob store (the step recorded their attachments and hashes). */
export async function runDemoPhotos(context: JobContext<PhotoPayload>): Promise<{ stored: number }> {
  let stored = 0;
  for (const seed of context.payload.seeds) {
    await context.files.put(demoPhoto(seed));
    stored++;
    await context.progress(stored, context.payload.seeds.length);
  }
  return { stored };
}

async function runEmulationDemo(trx: Db, today: string): Promise<string> {
  const started = performance.now();
  const province = await repo.officialUnit(trx, '2025', PROVINCE_2025_CODE);
  const province2019 = await repo.officialUnit(trx, '2019', PROVINCE_2019_CODE);
  if (await repo.hasModels(trx, province.id)) return `province ${PROVINCE_2025_CODE} already holds models`;
  const accounts = await repo.accountIds(trx, ['admin', 'tinh.qt', 'xa.hai-lang']);
  const officer = accounts.get('tinh.qt') ?? null;
  const admin = accounts.get('admin');
  if (officer === null || admin === undefined) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  const year = laterYear(today);
  const campaigns = await demoCampaigns(trx, { province2019: province2019.id, province: province.id, laterYear: year, userId: officer });

  const rng = new Random(SEED);
  const places2019 = await repo.placesUnder(trx, province2019.path);
  const successors = await repo.successorOf(trx, province2019.path);
  const places2025 = await repo.placesUnder(trx, province.path, [...new Set(successors.values())]);
  if (places2019.length === 0 || places2025.length === 0) throw new Error('the demo territory is missing: the foundation demo step must run first');
  let drafts: DraftModel[] = [];
  let n = 0;
  const key = () => `m${++n}`;

  // 2020: every 2019 commune of Quảng Trị registers a model, some two; some self-management groups one of theirs
  const first = calendarOf(FIRST_YEAR);
  for (const place of places2019) {
    const r = rng.fork(`2020:${place.id}`);
    const by = { commune: place.id, district: place.districtId, province: province2019.id };
    const count = r.chance(0.85) ? (r.chance(0.3) ? 2 : 1) : 0;
    for (let i = 0; i < count; i++) {
      drafts.push(draftModel({ rng: r, campaign: 'first', place, recognisers: by, calendar: first, reach: drawReach(r, true), today, key: key(), individual: r.chance(0.15) }));
    }
    const group = place.groups[0];
    if (group && r.chance(0.5)) {
      drafts.push(draftModel({
        rng: r, campaign: 'first', place, recognisers: by, calendar: first, reach: 'commune', today, key: key(),
        group: { ...group, name: place.fullName }, field: r.pick(['defence_security', 'culture_society'] as const),
      }));
    }
  }
  // 2021: models recognised by the district or province in 2020 replicated in other communes (no campaign)
  const origins2020 = drafts.filter((d) => d.level === 'district' || d.level === 'province');
  const replicaCalendar = calendarOf(2021);
  for (const origin of rng.shuffle(origins2020).slice(0, 25)) {
    const place = rng.pick(places2019.filter((p) => p.id !== origin.unitId));
    const by = { commune: place.id, district: place.districtId, province: province2019.id };
    drafts.push(draftModel({ rng, campaign: null, place, recognisers: by, calendar: replicaCalendar, reach: rng.chance(0.7) ? 'commune' : 'building', today, key: key(), origin }));
  }

  // the later campaign, on the 2025 communes of the old Quảng Trị side
  const later = calendarOf(year);
  for (const place of places2025) {
    const r = rng.fork(`${year}:${place.id}`);
    const by = { commune: place.id, district: null, province: province.id };
    const showcase = place.code === SHOWCASE_COMMUNE_CODE;
    const reaches: Reach[] = showcase ? ['province', 'commune', 'building'] : Array.from({ length: r.chance(0.4) ? 2 : 1 }, () => drawReach(r, false));
    for (const reach of reaches) drafts.push(draftModel({ rng: r, campaign: 'later', place, recognisers: by, calendar: later, reach, today, key: key(), individual: !showcase && r.chance(0.12) }));
  }
  // models of 2020 recognised by the province replicated in 2025 communes (the showcase commune among them)
  const origins = drafts.filter((d) => d.campaign === 'first' && d.level === 'province');
  const showcase = places2025.find((p) => p.code === SHOWCASE_COMMUNE_CODE);
  const hosts = [...(showcase ? [showcase] : []), ...rng.shuffle(places2025.filter((p) => p !== showcase))].slice(0, Math.min(12, origins.length));
  hosts.forEach((place, i) => {
    const origin = origins[i] as DraftModel;
    drafts.push(draftModel({ rng, campaign: 'later', place, recognisers: { commune: place.id, district: null, province: province.id }, calendar: later, reach: rng.chance(0.6) ? 'commune' : 'building', today, key: key(), origin }));
  });

  // province agencies (Sở, ban, ngành) build models in communes, recognised by the province; then, as the
  // commune-recognised ones of the year, replicated by neighbouring communes after 15/10 (seed 004)
  const agencies = (await repo.provinceOrgs(trx, province.id)).filter((org) => org.type === 'agency');
  for (const [i, agency] of agencies.slice(0, 5).entries()) {
    const place = rng.pick(places2025);
    drafts.push(draftModel({
      rng, campaign: 'later', place, recognisers: { commune: place.id, district: null, province: province.id }, calendar: later,
      reach: i < 4 ? 'province' : 'commune', today, key: key(), ownerOrg: { id: agency.id, name: agency.name },
    }));
  }
  const spread = { ...later, registration: [`${year}-10-20`, `${year}-11-25` < today ? `${year}-11-25` : today] as const };
  if (spread.registration[0] <= spread.registration[1]) {
    const recognisedThisYear = drafts.filter((d) => d.campaign === 'later' && d.level !== null && d.originKey === null);
    for (const origin of rng.shuffle(recognisedThisYear).slice(0, 14)) {
      const place = rng.pick(places2025.filter((p) => p.id !== origin.unitId));
      drafts.push(draftModel({ rng, campaign: 'later', place, recognisers: { commune: place.id, district: null, province: province.id }, calendar: spread, reach: 'building', today, key: key(), origin }));
    }
  }

  // self-management groups founded in 2025 villages, each with a model recognised by its commune
  const groupRows: Array<Insertable<DB['organization']> & { place: repo.DemoPlace; field: TModelField }> = [];
  const villages = rng.shuffle(places2025.flatMap((place) => place.villages.map((village) => ({ place, village })))).slice(0, 24);
  villages.forEach(({ place, village }, i) => {
    const size = i < 6 ? 4 : 2;
    for (const g of rng.shuffle(GROUP_NAMES.map((name, j) => ({ name, field: GROUP_FIELDS[j] as TModelField }))).slice(0, size)) {
      groupRows.push({ unit_id: village.id, type: 'self_management_model', name: `${g.name} ${village.fullName.toLowerCase().startsWith('thôn') ? village.fullName.replace(/^Thôn/, 'thôn') : village.fullName}`, founded_on: rng.date(TERM_START_2025, `${TERM_START_2025.slice(0, 4)}-12-31`), updated_at: clock.now(), place, field: g.field });
    }
  });
  const groupIds = await repo.insertOrganizations(trx, groupRows.map(({ place: _place, field: _field, ...row }) => row));
  groupRows.forEach((row, i) => {
    const { place, field } = row;
    drafts.push(draftModel({
      rng, campaign: 'later', place, recognisers: { commune: place.id, district: null, province: province.id }, calendar: later, reach: 'commune', today, key: key(),
      group: { id: groupIds[i] as number, unitId: row.unit_id as number, name: row.name as string }, field,
    }));
  });

  // a demo loaded before a registration window opens holds only the models registered so far
  const due = new Set(drafts.filter((d) => d.startedOn <= today).map((d) => d.key));
  drafts = drafts.filter((d) => due.has(d.key) && (d.originKey === null || due.has(d.originKey)));
  // most models carry a point near their commune (a 2019 commune's: near its 2025 successor), every published one
  const points = await demoPoints(PROVINCE_2025_CODE, OLD_QUANG_TRI_LATITUDES);
  for (const d of drafts) {
    d.point = d.published || rng.fork(`point:${d.key}`).chance(0.7) ? points.near(successors.get(d.unitId) ?? d.unitId, d.key) : null;
  }
  const written = await writeDrafts(trx, drafts, { provinceId: province.id, campaigns, userId: officer });
  for (const indicator of EMULATION_INDICATORS) await ensureNationalIndicator(trx, indicator);
  await queueJobs(trx, province.id, admin, written.photoSeeds, year);
  const recognised = drafts.filter((d) => d.level !== null && d.status !== 'withdrawn');
  const atProvince = recognised.filter((d) => d.level === 'province').length;
  const replicas = drafts.filter((d) => d.originKey !== null).length;
  return `${drafts.length} models (${recognised.length} recognised, ${atProvince} by the province, ${replicas} replicas, ${written.photoSeeds.length} photos), ${written.steps} steps, ${groupIds.length} self-management groups; campaigns ${FIRST_YEAR} and ${year}; ${Math.round(performance.now() - started)} ms`;
}

/** Rows of the drafts: models, their steps (with 'published' and 'replicated' ones), photos as attachments. */
async function writeDrafts(trx: Db, drafts: readonly DraftModel[], ctx: { provinceId: number; campaigns: { first: number; later: number }; userId: number }) {
  const ids = new Map(drafts.map((d) => [d.key, uuidv7(new Date(`${d.startedOn}T02:00:00Z`))]));
  const replicasOf = new Map<string, DraftModel[]>();
  for (const d of drafts) if (d.originKey) replicasOf.set(d.originKey, [...(replicasOf.get(d.originKey) ?? []), d]);
  const models: Array<Insertable<DB['emulation_model']>> = [];
  const steps: Array<Insertable<DB['emulation_model_step']>> = [];
  const attachments: Array<Insertable<DB['attachment']>> = [];
  const photoSeeds: number[] = [];
  for (const [index, d] of drafts.entries()) {
    const id = ids.get(d.key) as string;
    const history: DraftStep[] = [];
    for (const step of d.steps) {
      history.push(step.details.originKey ? { ...step, details: { startedOn: step.details.startedOn, originModelId: ids.get(step.details.originKey as string), originTitle: step.details.originTitle } } : step);
      if (d.published && step.step === 'recognised' && step.details.level === 'province') {
        history.push({ step: 'published', from: 'recognised', to: 'recognised', onDate: step.onDate, details: { published: true } });
      }
    }
    for (const replica of (replicasOf.get(d.key) ?? []).sort((a, b) => a.startedOn.localeCompare(b.startedOn))) {
      history.push({ step: 'replicated', from: null, to: null, onDate: replica.startedOn, details: { replicaModelId: ids.get(replica.key), replicaUnitId: replica.unitId } });
    }
    // in date order (a replica registered before the origin's commendation sits before it; same day: as written)
    history.sort((a, b) => a.onDate.localeCompare(b.onDate));
    const origin = d.originKey ? ids.get(d.originKey) : undefined;
    const created = new Date(`${d.startedOn}T02:00:00Z`);
    const last = history.at(-1) as DraftStep;
    const publishedOn = d.published ? history.find((s) => s.step === 'published')?.onDate : undefined;
    models.push({
      id, province_id: ctx.provinceId, unit_id: d.unitId, village_id: d.villageId, lat: d.point?.lat ?? null, lng: d.point?.lng ?? null,
      campaign_id: d.campaign === 'first' ? ctx.campaigns.first : d.campaign === 'later' ? ctx.campaigns.later : null,
      origin_model_id: origin ?? null, origin_province_id: origin ? ctx.provinceId : null, kind: d.kind, field: d.field,
      owner_organization_id: 'organizationId' in d.owner ? d.owner.organizationId : null,
      owner_person_id: 'personId' in d.owner ? d.owner.personId : null,
      owner_unit_id: 'unitId' in d.owner ? d.owner.unitId : null,
      title: d.title, summary: d.summary, what_changed: d.whatChanged, figures: JSON.stringify(d.figures), started_on: d.startedOn,
      status: d.status, recognised_level: d.level, recognised_on: d.recognisedOn, recognised_by_unit_id: d.recognisedBy,
      published_at: publishedOn ? new Date(`${publishedOn}T09:00:00Z`) : null,
      search_text: foldVi([d.title, d.summary, d.ownerName].join(' ')), version: history.length, created_by: ctx.userId,
      created_at: created, updated_at: new Date(`${last.onDate}T02:00:00Z`),
    });
    let fileIds: string[] = [];
    if (d.photo) {
      const seed = SEED + index;
      const bytes = demoPhoto(seed);
      const fileId = uuidv7(created);
      fileIds = [fileId];
      photoSeeds.push(seed);
      attachments.push({
        id: fileId, province_id: ctx.provinceId, owner_type: 'emulation_model', owner_id: id, unit_id: d.unitId, filename: `anh-mo-hinh-${index + 1}.png`,
        mime_type: 'image/png', size_bytes: bytes.length, sha256: sha256Hex(bytes), uploaded_by: ctx.userId, created_at: created,
      });
    }
    history.forEach((step, i) => {
      steps.push({
        id: uuidv7(new Date(`${step.onDate}T02:00:00Z`)), province_id: ctx.provinceId, model_id: id, seq: i + 1, step: step.step, from_status: step.from, to_status: step.to,
        on_date: step.onDate, details: JSON.stringify({ ...step.details, demo: true }), file_ids: i === 0 ? fileIds : [], by_user_id: ctx.userId,
        at: new Date(`${step.onDate}T02:00:00Z`),
      });
    });
  }
  await repo.insertModels(trx, models);
  await repo.insertSteps(trx, steps);
  await repo.insertAttachments(trx, attachments);
  return { photoSeeds, steps: steps.length };
}

/** The photos' bytes and the figures since 2020: jobs the started app runs. */
async function queueJobs(trx: Db, provinceId: number, adminId: number, photoSeeds: number[], year: number) {
  const actor = { userId: adminId, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  const now = clock.now().getTime();
  const job = (kind: string, payload: Record<string, unknown>, after: number) =>
    insertJob(trx, { id: uuidv7(), kind, payload: { ...payload, actor }, target: `admin_unit:${provinceId}`, ownerUserId: adminId, unitId: provinceId, maxAttempts: 3, now: new Date(now + after) });
  // the photos first (quick); then the years since 2020 and the months of the later campaign's year (due now or
  // a moment before, so a fixed clock runs them too; the worker takes them in this order)
  await job(PHOTO_JOB, { seeds: photoSeeds }, -2);
  await job('indicators.derived-backfill', { provinceId, from: FIGURES_FROM, periodTypes: ['yearly'], codes: EMULATION_DERIVED_CODES }, -1);
  await job('indicators.derived-backfill', { provinceId, from: `${year}-01-01`, periodTypes: ['monthly'], codes: EMULATION_DERIVED_CODES }, 0);
}

/**
 * Step "emulation.demo": Quảng Trị runs "Năm Dân vận khéo 2020" (the seed 002 pack) and a later year's campaign:
 * a few hundred models of its communes across levels and fields, replicas, recognitions by the commune, the
 * district (2020) and the province, self-management groups with recognised models, photos, and the figures.
 */
export const emulationDemoStep: DemoStep = { name: 'emulation.demo', version: 1, run: (trx, context) => runEmulationDemo(trx, context.today) };
