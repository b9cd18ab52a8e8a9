import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentEndpoints as e } from '#contracts/emulation/commitment.api.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { loadCommitmentsDemo } from './commitments-demo-step.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-12-02' });
});
afterAll(() => t.close());

/** A campaign of the 2025 province Quảng Trị (code 44) with the "04 không", as the campaigns' demo makes them. */
async function campaign(provinceId: number, year: number) {
  const code = `DVK-${year}`;
  const row = await t.db
    .insertInto('emulation_campaign')
    .values({ province_id: provinceId, unit_id: provinceId, code, title: `Năm Dân vận khéo ${year}`, year, starts_on: `${year}-03-30`, ends_on: `${year}-12-31`, level: 'province', search_text: code.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const titles = ['Không gây phiền hà cho nhân dân và doanh nghiệp', 'Không xả rác nhựa và rác thải sinh hoạt bừa bãi', 'Không vi phạm Luật Giao thông đường bộ', 'Không tụ tập gây rối'];
  await t.db
    .insertInto('emulation_commitment')
    .values(titles.map((title, i) => ({ province_id: provinceId, campaign_id: row.id, code: `K${i + 1}`, position: i + 1, title })))
    .execute();
  return row.id;
}

describe('commitments demo step', () => {
  it('registers the "04 không" of every commune valid during each campaign, within what was expected, once', async () => {
    const province = await t.db.selectFrom('admin_unit').select('id').where('structure', '=', '2025').where('code', '=', '44').executeTakeFirstOrThrow();
    const y2020 = await campaign(province.id, 2020);
    const y2026 = await campaign(province.id, 2026);
    const summary = await loadCommitmentsDemo(t.db, '2026-12-02');
    expect(summary).toMatch(/^2 campaigns, \d+ commitment counts, \d+ breaches$/);
    const perCampaign = await sql<{ campaign_id: number; communes: number; counts: number; over: number; structures: string }>`
      select c.campaign_id, count(distinct c.unit_id)::int as communes, count(*)::int as counts,
        count(*) filter (where c.registered > c.eligible)::int as over, string_agg(distinct u.structure, ',') as structures
      from emulation_commitment_count c join admin_unit u on u.id = c.unit_id
      where c.province_id = ${province.id} group by c.campaign_id order by c.campaign_id`.execute(t.db);
    const [a, b] = perCampaign.rows;
    // 2020: the 2019 communes (Quảng Trị and Quảng Bình before the merger); 2026: the 2025 ones
    expect(a).toMatchObject({ campaign_id: y2020, over: 0, structures: '2019' });
    expect(b).toMatchObject({ campaign_id: y2026, over: 0, structures: '2025' });
    expect(a?.counts).toBe((a?.communes ?? 0) * 4 * 3);
    expect(b?.communes).toBeGreaterThan(50);
    // every count has its first change row
    const changes = await sql<{ n: number }>`select count(*)::int as n from emulation_commitment_count_change where province_id = ${province.id}`.execute(t.db);
    expect(changes.rows[0]?.n).toBe((a?.counts ?? 0) + (b?.counts ?? 0));
    // the province reads the figures by commune: households registered below the households expected
    const user = await buildUser(t.db, { unitId: province.id, roles: ['commission_officer'] });
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    const figures = await client.call(e.commitmentFigures, { query: { campaignId: y2026, by: 'commune' } });
    expect(figures.status).toBe(200);
    expect(figures.body.groups).toHaveLength(b?.communes ?? -1);
    const households = figures.body.totals.filter((cell) => cell.registrantKind === 'household');
    expect(households).toHaveLength(4);
    for (const cell of households) expect(cell.registered / cell.eligible).toBeGreaterThan(0.78);
    // a second run adds nothing
    expect(await loadCommitmentsDemo(t.db, '2026-12-02')).toBe('0 campaigns, 0 commitment counts, 0 breaches');
  });
});
