import { describe, expect, it } from 'vitest';
import { ZCampaignInput } from '#contracts/emulation/campaign.ts';
import { draftFrom, emptyDraft, toBody } from './campaign-form.ts';

describe('the campaign form', () => {
  it('turns a typed draft into a valid request: empty fields null, themes per line, decimal commas, pass/fail without scores', () => {
    const draft = {
      ...emptyDraft('commune', 2026),
      title: 'Năm “Dân vận khéo” 2026',
      themes: 'Cải cách hành chính\n\n  Môi trường  \n',
      criteria: [
        { appliesTo: 'collective' as const, code: 'A', text: 'Tập thể ở cơ sở', scoring: 'weight' as const, weight: '1,5', maxScore: '10' },
        { appliesTo: 'general' as const, code: 'B', text: 'Bình xét công khai', scoring: 'pass_fail' as const, weight: '3', maxScore: '9' },
      ],
      participantUnitIds: [7, 9],
      participantOrganizationIds: [4],
    };
    const body = toBody(draft);
    expect(body.themes).toEqual(['Cải cách hành chính', 'Môi trường']);
    expect(body.criteria?.map((c) => [c.weight, c.maxScore])).toEqual([
      [1.5, 10],
      [null, null],
    ]);
    expect(body.milestones).toEqual([{ kind: 'recognition', onDate: '2026-10-15', untilDate: null, everyYears: null, title: '' }]);
    expect(body.participants).toEqual([
      { unitId: 7, organizationId: null },
      { unitId: 9, organizationId: null },
      { unitId: null, organizationId: 4 },
    ]);
    // the recognition milestone needs its title: the contract names it
    const parsed = ZCampaignInput.safeParse({ ...body, unitId: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['milestones.0.title']);
    const fixed = ZCampaignInput.safeParse({ ...body, unitId: 1, milestones: [{ ...body.milestones?.[0], title: 'Biểu dương' }] });
    expect(fixed.success).toBe(true);
  });

  it('reads a campaign back into the same draft', () => {
    const draft = { ...emptyDraft('province', 2020), title: 'T', purpose: 'Đoạn 1\n\nĐoạn 2', programmeId: '5' };
    const body = toBody(draft);
    const detail = {
      ...body,
      id: 1,
      unit: { id: 1, fullName: 'Tỉnh', level: 'province' as const },
      programme: { id: 5, number: '189-KH/TU', title: 'Kế hoạch' },
      themes: body.themes ?? [],
      status: 'active' as const,
      pack: null,
      version: 1,
      year: 2020,
      level: 'province' as const,
      purpose: body.purpose ?? null,
      commitmentCount: 0,
      criterionCount: 0,
      participantCount: 0,
      commitments: [],
      criteria: [],
      bodyTasks: [],
      milestones: (body.milestones ?? []).map((m, i) => ({ id: i + 1, kind: m.kind, onDate: m.onDate, untilDate: null, everyYears: null, title: m.title })),
      participants: [],
      createdAt: '',
      updatedAt: '',
      canManage: true,
    };
    expect(draftFrom(detail)).toEqual(draft);
  });
});
