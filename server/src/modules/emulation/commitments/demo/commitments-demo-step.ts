import { sql, type Kysely } from 'kysely';
import { REGISTRANT_KINDS, type TRegistrantKind } from '#contracts/emulation/commitment.api.ts';
import type { DB } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { inScope } from '#server/shared/scope.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { provinceScope } from '../../../units/index.ts';
import { insertBreach, insertCounts, type ChangeValues, type CountKey } from '../commitment.repository.ts';

/**
 * The commitments of the demo campaigns (issue 15 "Demo and done": commitments by commune): for every campaign of
 * the demo province that has commitments, each commune valid during the campaign (the 2019 communes for 2020,
 * the 2025 ones after the reform) registers the "04 không": households (most of the commune's, from a household
 * count drawn per commune), cadres (all or nearly all, as the seed asks: "100% cán bộ … đăng ký"), agencies;
 * the communes' Women's and Farmers' unions register their members' commitments as bodies; a few breaches are
 * recorded. Seeded, so the demo is the same on every load. Campaigns are made by the campaigns' and the figures'
 * demo steps, which run before this one.
 */

/** What happened, the commitment broken (its position among the "04 không") and by whom. */
const BREACHES: readonly [string, number, TRegistrantKind][] = [
  ['Đổ rác thải sinh hoạt ra ven đường liên thôn', 1, 'household'],
  ['Đốt rơm rạ, rác thải nhựa gần khu dân cư', 1, 'household'],
  ['Điều khiển xe máy không đội mũ bảo hiểm, đã bị lập biên bản', 2, 'household'],
  ['Cán bộ một cửa hẹn trả hồ sơ quá hạn, không xin lỗi người dân', 0, 'cadre'],
  ['Tụ tập uống rượu, gây mất trật tự tại nhà văn hóa thôn', 3, 'household'],
  ['Xả rác thải nhựa xuống kênh thủy lợi', 1, 'household'],
];
const REPORTERS = ['Ban công tác Mặt trận thôn', 'Công an xã', 'Chi hội Phụ nữ thôn', 'Đường dây nóng của UBND xã'];

const between = (from: string, to: string, rng: Random) => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng.next() * Math.max(1, (b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
};

export async function loadCommitmentsDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province = await trx.selectFrom('admin_unit').select('id').where('structure', '=', '2025').where('code', '=', PROVINCE_2025_CODE).executeTakeFirst();
  if (!province) return 'no demo province';
  const scope = await provinceScope(trx, province.id);
  if (scope.all) return 'no demo province';
  const campaigns = await trx
    .selectFrom('emulation_campaign as c')
    .select(['c.id', 'c.starts_on', 'c.ends_on', 'c.year'])
    .where('c.province_id', '=', province.id)
    .where(sql<boolean>`exists (select 1 from emulation_commitment k where k.province_id = c.province_id and k.campaign_id = c.id)`)
    .where(sql<boolean>`not exists (select 1 from emulation_commitment_count x where x.province_id = c.province_id and x.campaign_id = c.id)`)
    .orderBy('c.id')
    .execute();
  let counts = 0;
  let breaches = 0;
  for (const campaign of campaigns) {
    const day = today < campaign.starts_on ? campaign.starts_on : today > campaign.ends_on ? campaign.ends_on : today;
    const commitments = await trx.selectFrom('emulation_commitment').select(['id']).where('province_id', '=', province.id).where('campaign_id', '=', campaign.id).orderBy('position').execute();
    const communes = await trx
      .selectFrom('admin_unit as u')
      .select(['u.id'])
      .where('u.level', '=', 'commune')
      .where(sql<boolean>`(u.valid_from is null or u.valid_from <= ${day}::date) and (u.valid_to is null or u.valid_to >= ${day}::date)`)
      .where(inScope('u.path', scope))
      .orderBy('u.id')
      .execute();
    const rng = new Random(20_200_000 + Number(campaign.id));
    const at = new Date(`${campaign.starts_on}T09:00:00+07:00`);
    const batch: { key: CountKey; values: ChangeValues }[] = [];
    for (const commune of communes) {
      // every commune of the province's scope (its 2019 predecessors' included) is of the 2025 province
      const provinceId = province.id;
      const households = rng.int(900, 4200);
      const cadres = rng.int(25, 60);
      const agencies = rng.int(6, 18);
      const expected: Record<TRegistrantKind, number> = { household: households, cadre: cadres, agency: agencies };
      const share: Record<TRegistrantKind, () => number> = { household: () => 0.78 + rng.next() * 0.21, cadre: () => (rng.chance(0.7) ? 1 : 0.9 + rng.next() * 0.1), agency: () => (rng.chance(0.8) ? 1 : 0.85) };
      for (const kind of REGISTRANT_KINDS) {
        for (const commitment of commitments) {
          const key = { provinceId, campaignId: Number(campaign.id), unitId: commune.id, commitmentId: Number(commitment.id), registrantKind: kind, organizationId: null };
          const registered = Math.min(expected[kind], Math.round(expected[kind] * share[kind]()));
          batch.push({ key, values: { registered, eligible: expected[kind], source: 'demo', reason: null, userId: null, at } });
        }
      }
      const bodies = await trx
        .selectFrom('organization')
        .select(['id', 'type'])
        .where('unit_id', '=', commune.id)
        .where('type', 'in', ['women_union', 'farmers_union'])
        .orderBy('id')
        .execute();
      for (const body of bodies) {
        const members = rng.int(120, 600);
        for (const commitment of commitments) {
          const key = { provinceId, campaignId: Number(campaign.id), unitId: commune.id, commitmentId: Number(commitment.id), registrantKind: 'cadre' as const, organizationId: body.id };
          batch.push({ key, values: { registered: Math.round(members * (0.85 + rng.next() * 0.15)), eligible: members, source: 'demo', reason: null, userId: null, at } });
        }
      }
      if (rng.chance(0.35) && commitments.length > 0) {
        const occurred = between(campaign.starts_on, day, rng);
        const [text, position, kind] = rng.pick(BREACHES);
        const commitment = commitments[Math.min(position, commitments.length - 1)] as { id: number };
        await insertBreach(trx, {
          id: uuidv7(),
          province_id: provinceId,
          campaign_id: Number(campaign.id),
          commitment_id: Number(commitment.id),
          unit_id: commune.id,
          registrant_kind: kind,
          organization_id: null,
          occurred_on: occurred,
          reported_on: occurred,
          description: text,
          reported_by: rng.pick(REPORTERS),
          created_by: null,
          created_at: at,
        });
        breaches++;
      }
    }
    await insertCounts(trx, batch);
    counts += batch.length;
  }
  return `${campaigns.length} campaigns, ${counts} commitment counts, ${breaches} breaches`;
}

export const commitmentsDemoStep: DemoStep = {
  name: 'emulation.commitments-demo',
  version: 1,
  run: (trx, context) => loadCommitmentsDemo(trx, context.today),
};
