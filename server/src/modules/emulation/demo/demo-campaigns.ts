import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { loadCampaignPackInto, shippedCampaignPacks } from '../index.ts';

/** Seed 002 as shipped: Kế hoạch 189-KH/TU of Quảng Trị, "Năm Dân vận khéo" 2020. */
export const SEED_002_PACK = 'NAM-DVK-2020';

/**
 * The demo's two campaigns of Quảng Trị: "Năm Dân vận khéo 2020" of the 2019 province (Kế hoạch 189-KH/TU, seed
 * 002) and the 2025 province's campaign of a later year, with its timeline (registration, building, public
 * review, recognition on 15/10, the biennial conference). The later campaign takes over the 2020 campaign's
 * commitments, criteria and tasks when it has them (a province keeps its criteria from year to year).
 */
export async function demoCampaigns(
  trx: Kysely<DB>,
  args: { province2019: number; province: number; laterYear: number; userId: number },
): Promise<{ first: number; later: number }> {
  // the 2019 province ran seed 002: its pack, loaded as the system (idempotent: a second load finds it)
  const pack = shippedCampaignPacks().get(SEED_002_PACK);
  if (!pack) throw new Error(`the campaign pack ${SEED_002_PACK} is not shipped`);
  const province2019 = await trx.selectFrom('admin_unit').select(['id', 'level', 'full_name']).where('id', '=', args.province2019).executeTakeFirstOrThrow();
  const loaded = await loadCampaignPackInto(trx, null, province2019, pack, false);
  if (loaded.campaignId === null) throw new Error(`the campaign pack ${SEED_002_PACK} did not load`);
  const first = loaded.campaignId;
  const year = args.laterYear;
  const startsOn = year === 2025 ? '2025-07-01' : `${year}-03-02`;
  const later = await ensureCampaign(trx, {
    provinceId: args.province, unitId: args.province, code: `DVK-${year}`, year,
    title: `Phong trào thi đua “Dân vận khéo” năm ${year}`, startsOn, endsOn: `${year}-12-31`, userId: args.userId,
    themes: ['Dân vận khéo', 'Xây dựng và nhân rộng mô hình'],
  });
  await copyParts(trx, args.province, first, later);
  const milestones = [
    { kind: 'launch', on: startsOn, until: null, every: null, title: `Phát động phong trào thi đua “Dân vận khéo” năm ${year}` },
    { kind: 'registration', on: startsOn, until: year === 2025 ? '2025-07-31' : `${year}-04-30`, every: null, title: 'Đăng ký xây dựng mô hình, điển hình' },
    { kind: 'building', on: year === 2025 ? '2025-07-01' : `${year}-05-01`, until: `${year}-08-31`, every: null, title: 'Xây dựng mô hình' },
    { kind: 'review', on: `${year}-08-03`, until: `${year}-09-30`, every: null, title: 'Bình xét công khai tại khu dân cư, cơ quan, đơn vị' },
    { kind: 'recognition', on: `${year}-10-15`, until: null, every: null, title: 'Công nhận, biểu dương nhân Ngày truyền thống công tác dân vận (15/10)' },
    { kind: 'conference', on: `${year + (year % 2)}-10-15`, until: null, every: 2, title: 'Hội nghị biểu dương mô hình, điển hình “Dân vận khéo” cấp tỉnh (02 năm/lần)' },
  ] as const;
  const existing = await trx.selectFrom('emulation_milestone').select('id').where('province_id', '=', args.province).where('campaign_id', '=', later).limit(1).executeTakeFirst();
  if (!existing) {
    await trx
      .insertInto('emulation_milestone')
      .values(milestones.map((m, i) => ({ province_id: args.province, campaign_id: later, kind: m.kind, on_date: m.on, until_date: m.until, every_years: m.every, title: m.title, position: i + 1 })))
      .execute();
  }
  return { first, later };
}

async function ensureCampaign(
  trx: Kysely<DB>,
  c: { provinceId: number; unitId: number; code: string; year: number; title: string; startsOn: string; endsOn: string; userId: number; themes: string[] },
): Promise<number> {
  const found = await trx.selectFrom('emulation_campaign').select('id').where('unit_id', '=', c.unitId).where('year', '=', c.year).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await trx
    .insertInto('emulation_campaign')
    .values({
      province_id: c.provinceId, unit_id: c.unitId, code: c.code, title: c.title, year: c.year, starts_on: c.startsOn, ends_on: c.endsOn, level: 'province',
      themes: c.themes, search_text: foldVi([c.code, c.title, ...c.themes].join(' ')), created_by: c.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The commitments, criteria and tasks of `from` into `to` (once). */
async function copyParts(trx: Kysely<DB>, provinceId: number, from: number, to: number) {
  const has = await trx.selectFrom('emulation_criterion').select('id').where('province_id', '=', provinceId).where('campaign_id', '=', to).limit(1).executeTakeFirst();
  if (has) return;
  const commitments = await trx.selectFrom('emulation_commitment').selectAll().where('province_id', '=', provinceId).where('campaign_id', '=', from).execute();
  if (commitments.length > 0) await trx.insertInto('emulation_commitment').values(commitments.map(({ id: _id, ...row }) => ({ ...row, campaign_id: to }))).execute();
  const criteria = await trx.selectFrom('emulation_criterion').selectAll().where('province_id', '=', provinceId).where('campaign_id', '=', from).execute();
  if (criteria.length > 0) await trx.insertInto('emulation_criterion').values(criteria.map(({ id: _id, ...row }) => ({ ...row, campaign_id: to }))).execute();
  const tasks = await trx.selectFrom('emulation_body_task').selectAll().where('province_id', '=', provinceId).where('campaign_id', '=', from).execute();
  if (tasks.length > 0) await trx.insertInto('emulation_body_task').values(tasks.map(({ id: _id, ...row }) => ({ ...row, campaign_id: to }))).execute();
}
