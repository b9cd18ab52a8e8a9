import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignEndpoints, type TCampaignDetail } from '#contracts/emulation/campaign.ts';
import { buildOrganization, buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let province: TestProvince;
let other: TestProvince;
let officer: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
  province = await buildProvince(t.db, { communes: 2 });
  other = await buildProvince(t.db, { communes: 1 });
  officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
});
afterAll(() => t.close());

const auditOf = (entityId: number) =>
  t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity', '=', 'emulation_campaign').where('entity_id', '=', String(entityId)).orderBy('id').execute();

function campaignBody(code: string) {
  const [communeA, communeB] = province.communeIds as [number, number];
  return {
    unitId: province.provinceId,
    code,
    title: 'Năm “Dân vận khéo” 2026',
    year: 2026,
    startsOn: '2026-03-30',
    endsOn: '2026-12-31',
    level: 'province' as const,
    themes: ['Cải cách hành chính', 'Môi trường'],
    commitments: [
      { code: '1', title: 'Không gây phiền hà cho nhân dân và doanh nghiệp', appendix: 'Giải quyết thủ tục hành chính đúng hẹn.' },
      { code: '2', title: 'Không xả rác nhựa và rác thải sinh hoạt bừa bãi' },
    ],
    criteria: [
      { appliesTo: 'general' as const, code: 'III.1', text: 'Được bình xét công khai', scoring: 'pass_fail' as const },
      { appliesTo: 'collective' as const, code: 'III.2', text: 'Tập thể ở cơ sở', scoring: 'weight' as const, weight: 2, maxScore: 10 },
      { appliesTo: 'individual' as const, code: 'III.3', text: 'Cá nhân có giải pháp sáng tạo', scoring: 'weight' as const, weight: 1.5, maxScore: 10 },
    ],
    bodyTasks: [{ bodyKind: 'armed_forces' as const, heading: 'Đối với các lực lượng vũ trang', code: '2.3-1', text: 'Làm tốt công tác dân vận' }],
    milestones: [
      { kind: 'recognition' as const, onDate: '2026-10-15', title: 'Biểu dương điển hình' },
      { kind: 'launch' as const, onDate: '2026-03-30', title: 'Phát động' },
      { kind: 'conference' as const, onDate: '2026-11-20', everyYears: 2, title: 'Hội nghị biểu dương cấp tỉnh' },
    ],
    participants: [{ unitId: communeA }, { unitId: communeB }],
  };
}

describe('emulation campaigns', () => {
  it('creates a campaign with its parts, reads it back in order, audits it, and a commune below reads it without managing it', async () => {
    const organizationId = await buildOrganization(t.db, province.communeIds[0] as number);
    const body = { ...campaignBody('DVK-2026'), participants: [...campaignBody('x').participants, { organizationId }] };
    const created = await officer.call(campaignEndpoints.createCampaign, { body });
    expect(created.status).toBe(200);
    const detail = created.body;
    expect(detail).toMatchObject({
      unit: { id: province.provinceId, level: 'province' },
      code: 'DVK-2026',
      year: 2026,
      level: 'province',
      status: 'active',
      version: 1,
      pack: null,
      commitmentCount: 2,
      criterionCount: 3,
      participantCount: 3,
      canManage: true,
    });
    expect(detail.commitments.map((c) => [c.code, c.appendix])).toEqual([
      ['1', 'Giải quyết thủ tục hành chính đúng hẹn.'],
      ['2', null],
    ]);
    expect(detail.criteria.map((c) => [c.code, c.scoring, c.weight, c.maxScore])).toEqual([
      ['III.1', 'pass_fail', null, null],
      ['III.2', 'weight', 2, 10],
      ['III.3', 'weight', 1.5, 10],
    ]);
    // the timeline in date order, whatever order it was sent in
    expect(detail.milestones.map((m) => [m.kind, m.onDate, m.everyYears])).toEqual([
      ['launch', '2026-03-30', null],
      ['recognition', '2026-10-15', null],
      ['conference', '2026-11-20', 2],
    ]);
    expect(detail.participants.filter((p) => p.organization).map((p) => p.organization?.id)).toEqual([organizationId]);
    const audit = await auditOf(detail.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect((audit[0]?.after as { code: string }).code).toBe('DVK-2026');

    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['unit_admin'] });
    const read = await commune.call(campaignEndpoints.getCampaign, { params: { id: detail.id } });
    expect(read.status).toBe(200);
    expect(read.body.canManage).toBe(false);
    const edit = await commune.call(campaignEndpoints.updateCampaign, { params: { id: detail.id }, body: { ...campaignBody('DVK-2026'), version: 1 } });
    expect(edit.status).toBe(403);
    // another province neither lists nor reads it
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(campaignEndpoints.listCampaigns, { query: {} })).body.map((c) => c.id)).not.toContain(detail.id);
    expect((await stranger.call(campaignEndpoints.getCampaign, { params: { id: detail.id } })).status).toBe(404);
  });

  it('replaces a campaign and its parts; a stale version is refused with 409 and changes nothing', async () => {
    const created = (await officer.call(campaignEndpoints.createCampaign, { body: campaignBody('DVK-EDIT') })).body;
    const changed = await officer.call(campaignEndpoints.updateCampaign, {
      params: { id: created.id },
      body: { ...campaignBody('DVK-EDIT'), title: 'Năm “Dân vận khéo” 2026 (sửa)', commitments: [campaignBody('x').commitments[0] as TCampaignDetail['commitments'][number]], version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Năm “Dân vận khéo” 2026 (sửa)', version: 2, commitmentCount: 1 });
    const stale = await officer.call(campaignEndpoints.updateCampaign, { params: { id: created.id }, body: { ...campaignBody('DVK-EDIT'), title: 'Cũ', version: 1 } });
    expect(stale.status).toBe(409);
    expect(errorBody(stale).message).toContain('phiên bản 2');
    const after = await officer.call(campaignEndpoints.getCampaign, { params: { id: created.id } });
    expect(after.body).toMatchObject({ title: 'Năm “Dân vận khéo” 2026 (sửa)', version: 2, commitmentCount: 1 });
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect((audit[1]?.before as { commitments: unknown[] }).commitments).toHaveLength(2);
  });

  it('finds campaigns without diacritics, by year and by unit', async () => {
    await officer.call(campaignEndpoints.createCampaign, { body: { ...campaignBody('KHEO-2027'), title: 'Thi đua Dân vận khéo năm 2027', year: 2027, startsOn: '2027-01-01', endsOn: '2027-12-31' } });
    const found = await officer.call(campaignEndpoints.listCampaigns, { query: { q: 'dan van kheo nam 2027' } });
    expect(found.body.map((c) => c.code)).toEqual(['KHEO-2027']);
    const byTheme = await officer.call(campaignEndpoints.listCampaigns, { query: { q: 'moi truong', year: 2027 } });
    expect(byTheme.body.map((c) => c.code)).toEqual(['KHEO-2027']);
    const byYear = await officer.call(campaignEndpoints.listCampaigns, { query: { year: 2026, unitId: province.provinceId } });
    expect(byYear.body.map((c) => c.code).sort()).toEqual(['DVK-2026', 'DVK-EDIT']);
  });

  it('answers 400 in Vietnamese naming the field: level, year, dates, codes, participants, scores', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 'commune' }, 'Cấp (level)'],
      [{ year: 2030 }, 'Năm'],
      [{ endsOn: '2026-01-01' }, 'Ngày kết thúc (endsOn)'],
      [{ code: 'DVK-2026' }, 'Mã (code)'],
      [{ code: 'có dấu' }, 'Mã (code)'],
      [{ participants: [{ unitId: other.communeIds[0] }] }, 'Đơn vị, tổ chức tham gia'],
      [{ participants: [{ unitId: province.communeIds[0] }, { unitId: province.communeIds[0] }] }, 'Đơn vị, tổ chức tham gia'],
      [{ criteria: [{ appliesTo: 'collective', code: 'A', text: 'x', scoring: 'weight' }] }, 'Trọng số'],
      [{ commitments: [{ code: '1', title: 'a' }, { code: '1', title: 'b' }] }, 'Mã'],
      [{ milestones: [{ kind: 'launch', onDate: '2026-04-01', untilDate: '2026-03-01', title: 'x' }] }, 'Đến ngày'],
    ];
    for (const [change, label] of cases) {
      const response = await officer.call(campaignEndpoints.createCampaign, { body: { ...campaignBody('BAD-1'), ...change } as never });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(errorBody(response).message, JSON.stringify(change)).toContain(label);
    }
    expect((await officer.call(campaignEndpoints.listCampaigns, { query: { q: 'BAD-1' } })).body).toEqual([]);
  });

  it('refuses a focal point (403) and a commune launching for the province (404: the unit is out of its scope)', async () => {
    const focal = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['focal_point'] });
    expect((await focal.call(campaignEndpoints.createCampaign, { body: campaignBody('F-1') })).status).toBe(403);
    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[1] as number, roles: ['commission_officer'] });
    expect((await commune.call(campaignEndpoints.createCampaign, { body: campaignBody('F-2') })).status).toBe(404);
    const own = await commune.call(campaignEndpoints.createCampaign, {
      body: { ...campaignBody('XA-1'), unitId: province.communeIds[1] as number, level: 'commune', participants: [] },
    });
    expect(own.status).toBe(200);
    expect(own.body.unit.level).toBe('commune');
  });
});
