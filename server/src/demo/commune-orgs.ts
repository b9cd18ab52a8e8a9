import type { DemoSettings, PlanContext, Term } from './demo-plan.ts';
import type { PersonSpec } from './people.ts';
import { Posts } from './posts.ts';
import { addDays } from '#contracts/indicators/period.ts';
import type { Random } from './random.ts';
import { cadreEthnicity, TERM_END_2019, TERM_START_2025, unitLabel, type CommuneProfile, type TerritoryUnit } from './territory.ts';

/** The posts of a commune's political system that the demo fills, each held by one person at a time. */
const COMMUNE_POSTS = {
  bi_thu: { male: 0.85, born: [1965, 1980] },
  pho_bi_thu: { male: 0.75, born: [1968, 1985] },
  chu_tich_ubnd: { male: 0.85, born: [1968, 1985] },
  pct_ubnd_1: { male: 0.7, born: [1972, 1990] },
  pct_ubnd_2: { male: 0.7, born: [1972, 1990] },
  pct_hdnd: { male: 0.6, born: [1968, 1988] },
  truong_cong_an: { gender: 'male', born: [1975, 1990] },
  cong_chuc_vhxh: { male: 0.5, born: [1980, 1995] },
  ct_mttq: { male: 0.65, born: [1962, 1982] },
  pct_mttq: { male: 0.5, born: [1965, 1988] },
  ct_cong_doan: { male: 0.6, born: [1970, 1990] },
  ct_phu_nu: { gender: 'female', born: [1970, 1990] },
  bi_thu_doan: { male: 0.6, born: [1990, 2000] },
  ct_nong_dan: { male: 0.75, born: [1962, 1982] },
  ct_ccb: { gender: 'male', born: [1955, 1970] },
  truong_ban_ttnd: { male: 0.7, born: [1958, 1975] },
  tv_ttnd_1: { male: 0.5, born: [1958, 1985] },
  tv_ttnd_2: { male: 0.5, born: [1958, 1985] },
  tv_gsdt_1: { male: 0.5, born: [1958, 1985] },
  tv_gsdt_2: { male: 0.5, born: [1958, 1985] },
} as const satisfies Record<string, PersonSpec>;
export type CommunePost = keyof typeof COMMUNE_POSTS;
const POST_KEYS = Object.keys(COMMUNE_POSTS) as CommunePost[];

/** The organisations of one commune that villages and the next structure hang on. */
export interface CommuneOrgs {
  unit: TerritoryUnit;
  profile: CommuneProfile;
  partyCommittee: number;
  front: number;
  bloc: number;
  posts: Posts<CommunePost>;
}

/** Dates and parents that differ between a 2019 commune and a 2025 one. */
interface Era {
  terms: { party: Term; government: Term; organisations: Term; bloc: Term };
  foundedOn: string | null;
  dissolvedOn: string | null;
  parents: { partyCommittee: number; front: number };
  /**
   * The 2025 structure (null for 2019): the socio-political organisations sit under the Fatherland Front, the
   * Đảng ủy works through its Ban Xây dựng Đảng, titles are those of 2026 (POLITICAL-SYSTEM-2025.md §8), and the
   * province's settings say who leads the Khối dân vận and whether the trade union sits under the Front.
   */
  shape2025: DemoSettings | null;
}

/**
 * Creates a commune's organisations and the roles of whoever holds its posts. The Khối dân vận has 9–11
 * members led by the deputy party secretary, or by the Front chair as a standing-committee member (seed 001).
 */
function buildCommune(ctx: PlanContext, rng: Random, unit: TerritoryUnit, profile: CommuneProfile, posts: Posts<CommunePost>, era: Era): CommuneOrgs {
  const { plan } = ctx;
  const label = unitLabel(unit);
  const org = (type: Parameters<typeof plan.addOrg>[0]['type'], name: string, parent: number | null = null) =>
    plan.addOrg({ unitId: unit.id, type, name, parent, foundedOn: era.foundedOn, dissolvedOn: era.dissolvedOn });
  const { party, government, organisations, bloc: blocTerm } = era.terms;
  const assign = (post: CommunePost, orgIndex: number, title: string, term: Term, head = false) =>
    posts.assign(plan, post, orgIndex, title, term, head);

  const partyCommittee = org('party_committee', `Đảng ủy ${label}`, era.parents.partyCommittee);
  assign('bi_thu', partyCommittee, 'Bí thư Đảng ủy', party, true);
  assign('pho_bi_thu', partyCommittee, 'Phó Bí thư Thường trực Đảng ủy', party);
  assign('chu_tich_ubnd', partyCommittee, 'Phó Bí thư Đảng ủy', party);
  assign('ct_mttq', partyCommittee, 'Ủy viên Ban Thường vụ Đảng ủy', party);
  assign('pct_ubnd_1', partyCommittee, 'Ủy viên Ban Chấp hành Đảng ủy', party);

  const council = org('council', `Hội đồng nhân dân ${label}`);
  assign('bi_thu', council, 'Chủ tịch HĐND', government, true); // Bí thư kiêm Chủ tịch HĐND
  assign('pct_hdnd', council, 'Phó Chủ tịch HĐND', government);
  const committee = org('committee', `Ủy ban nhân dân ${label}`);
  assign('chu_tich_ubnd', committee, 'Chủ tịch UBND', government, true);
  assign('pct_ubnd_1', committee, 'Phó Chủ tịch UBND', government);
  assign('pct_ubnd_2', committee, 'Phó Chủ tịch UBND', government);
  assign('truong_cong_an', committee, `Ủy viên, Trưởng Công an ${unit.type}`, government);
  assign('cong_chuc_vhxh', committee, 'Công chức Văn hóa - Xã hội', government);

  const now = era.shape2025;
  const front = org('fatherland_front', `Ủy ban Mặt trận Tổ quốc Việt Nam ${label}`, era.parents.front);
  assign('ct_mttq', front, now ? 'Chủ tịch Ủy ban MTTQ Việt Nam xã' : 'Chủ tịch Ủy ban MTTQ', organisations, true);
  assign('pct_mttq', front, now ? 'Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam xã' : 'Phó Chủ tịch Ủy ban MTTQ', organisations);
  const mass: [Parameters<typeof plan.addOrg>[0]['type'], string, CommunePost, string][] = [
    ['trade_union', `Công đoàn cơ sở ${label}`, 'ct_cong_doan', 'Chủ tịch Công đoàn cơ sở'],
    ['womens_union', `Hội Liên hiệp Phụ nữ ${label}`, 'ct_phu_nu', 'Chủ tịch Hội Liên hiệp Phụ nữ'],
    ['youth_union', `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${label}`, 'bi_thu_doan', 'Bí thư Đoàn'],
    ['farmers_union', `Hội Nông dân ${label}`, 'ct_nong_dan', 'Chủ tịch Hội Nông dân'],
    ['veterans_association', `Hội Cựu chiến binh ${label}`, 'ct_ccb', 'Chủ tịch Hội Cựu chiến binh'],
  ];
  for (const [type, name, post, title] of mass) {
    // from 2025 the four sit under the Front and their heads are its vice-chairs (QĐ 301-QĐ/TW); the union has no
    // commune tier (Luật Công đoàn, Art. 8 as amended): under the Front only where the province keeps one there
    const underFront = now !== null && (type !== 'trade_union' || now.communeTradeUnion);
    assign(post, org(type, name, underFront ? front : null), title, organisations, true);
    if (underFront && type !== 'trade_union') assign(post, front, `Phó Chủ tịch Ủy ban MTTQ Việt Nam xã, ${title} xã`, organisations);
  }

  if (now) {
    // the Đảng ủy's Ban Xây dựng Đảng does its organisation, propaganda and mass-mobilization work (QĐ 299-QĐ/TW)
    const board = org('party_building_board', `Ban Xây dựng Đảng ${label}`, partyCommittee);
    assign('pct_hdnd', board, 'Trưởng Ban Xây dựng Đảng', party, true);
    assign('pct_hdnd', partyCommittee, 'Ủy viên Ban Thường vụ Đảng ủy', party);
  }
  const bloc = org('commune_bloc', `Khối dân vận ${label}`, partyCommittee);
  const drawnFrontLeads = rng.chance(0.25);
  const frontLeads = now ? now.blocLead === 'front_chair' : drawnFrontLeads;
  assign(frontLeads ? 'ct_mttq' : 'pho_bi_thu', bloc, now ? 'Trưởng Khối dân vận' : 'Trưởng khối', blocTerm, true);
  assign(frontLeads ? 'pct_mttq' : 'ct_mttq', bloc, now ? 'Phó Trưởng Khối dân vận' : 'Phó Trưởng khối', blocTerm);
  const core: CommunePost[] = ['pct_ubnd_1', 'ct_cong_doan', 'ct_phu_nu', 'bi_thu_doan', 'ct_nong_dan', 'ct_ccb', 'cong_chuc_vhxh'];
  const extra = rng.shuffle<CommunePost>([frontLeads ? 'pct_hdnd' : 'pct_mttq', 'truong_cong_an', 'pct_ubnd_2']).slice(0, rng.int(0, 2));
  for (const post of [...core, ...extra]) assign(post, bloc, 'Thành viên', blocTerm);

  const inspection = org('peoples_inspection_board', `Ban Thanh tra nhân dân ${label}`, front);
  assign('truong_ban_ttnd', inspection, 'Trưởng ban', organisations, true);
  assign('tv_ttnd_1', inspection, 'Thành viên', organisations);
  assign('tv_ttnd_2', inspection, 'Thành viên', organisations);
  const investment = org('community_investment_board', `Ban Giám sát đầu tư của cộng đồng ${label}`, front);
  assign('pct_mttq', investment, 'Trưởng ban', organisations, true);
  assign('tv_gsdt_1', investment, 'Thành viên', organisations);
  assign('tv_gsdt_2', investment, 'Thành viên', organisations);

  return { unit, profile, partyCommittee, front, bloc, posts };
}

/**
 * A commune of the 2019 structure: all new people, terms 2020/2021 to 30 June 2025, or to `lastDay` for a
 * commune of 2018 that ended before the reform (its organisations end with it).
 */
export function planCommune2019(
  ctx: PlanContext,
  unit: TerritoryUnit,
  profile: CommuneProfile,
  parents: { partyCommittee: number; front: number },
  lastDay = TERM_END_2019,
): CommuneOrgs {
  const rng = ctx.rng.fork(`commune-2019:${unit.code}`);
  const posts = new Posts<CommunePost>();
  const person = (post: CommunePost) =>
    ctx.plan.addPerson(ctx.people.make(unit.id, cadreEthnicity(rng, profile), COMMUNE_POSTS[post], profile.catholicArea));
  for (const post of POST_KEYS) posts.set(post, person(post));
  // Youth secretaries age out of the Đoàn: some communes elected a new one during the term.
  if (rng.chance(0.15)) posts.replace('bi_thu_doan', person('bi_thu_doan'), rng.date('2022-03-01', '2023-09-30'));
  const to = lastDay;
  return buildCommune(ctx, rng, unit, profile, posts, {
    terms: {
      party: { from: rng.date('2020-06-08', '2020-07-24'), to },
      government: { from: rng.date('2021-06-21', '2021-07-09'), to },
      organisations: { from: rng.date('2020-01-06', '2020-05-29'), to },
      bloc: { from: rng.date('2020-08-03', '2020-09-30'), to },
    },
    foundedOn: null,
    // the first day without them (exclusive): DISSOLVED_2019 for the communes that reached the reform
    dissolvedOn: addDays(lastDay, 1),
    parents,
    shape2025: null,
  });
}

/**
 * A 2025 commune: each post goes, most of the time, to someone who held the same post in one of the merged
 * communes (their registry moves here); the rest are cadres new to the area. Roles start on 1 July 2025.
 */
export function planCommune2025(
  ctx: PlanContext,
  unit: TerritoryUnit,
  predecessors: CommuneOrgs[],
  parents: { partyCommittee: number; front: number },
): CommuneOrgs {
  const rng = ctx.rng.fork(`commune-2025:${unit.code}`);
  const lead = predecessors.find((p) => p.unit.code === unit.code) ?? predecessors[0];
  if (!lead) throw new Error(`${unit.fullName} has no predecessor in the demo`);
  const profile = { ...lead.profile, ethnic: predecessors.some((p) => p.profile.ethnic) };
  const posts = new Posts<CommunePost>();
  const used = new Set<number>();
  for (const post of POST_KEYS) {
    const candidates = predecessors.map((p) => p.posts.current(post)).filter((person) => !used.has(person));
    let person: number;
    if (candidates.length > 0 && rng.chance(0.9)) {
      person = rng.pick(candidates);
      ctx.plan.moveRegistry(person, unit.id);
    } else {
      person = ctx.plan.addPerson(ctx.people.make(unit.id, cadreEthnicity(rng, profile), COMMUNE_POSTS[post], profile.catholicArea));
    }
    used.add(person);
    posts.set(post, person);
  }
  return buildCommune(ctx, rng, unit, profile, posts, options2025(ctx, parents));
}

/** Every 2025 commune's organisations: one term from 1 July 2025, the 2026 shape the province's settings give. */
function options2025(ctx: PlanContext, parents: { partyCommittee: number; front: number }) {
  const term = { from: TERM_START_2025, to: null };
  return {
    terms: { party: term, government: term, organisations: term, bloc: term },
    foundedOn: TERM_START_2025,
    dissolvedOn: null,
    parents,
    shape2025: ctx.settings,
  };
}

/**
 * A 2025 commune with no predecessor in the demo (one that came from Quảng Bình): the same organisations as
 * every 2025 commune, all posts held by people registered here, roles from 1 July 2025.
 */
export function planCommuneNew2025(
  ctx: PlanContext,
  unit: TerritoryUnit,
  profile: CommuneProfile,
  parents: { partyCommittee: number; front: number },
): CommuneOrgs {
  const rng = ctx.rng.fork(`commune-new-2025:${unit.code}`);
  const posts = new Posts<CommunePost>();
  for (const post of POST_KEYS) {
    posts.set(post, ctx.plan.addPerson(ctx.people.make(unit.id, cadreEthnicity(rng, profile), COMMUNE_POSTS[post], profile.catholicArea)));
  }
  return buildCommune(ctx, rng, unit, profile, posts, options2025(ctx, parents));
}
