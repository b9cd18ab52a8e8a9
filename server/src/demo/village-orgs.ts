import type { CommuneOrgs } from './commune-orgs.ts';
import type { PlanContext, Term } from './demo-plan.ts';
import type { PersonSpec } from './people.ts';
import { Posts } from './posts.ts';
import { addDays } from '#contracts/indicators/period.ts';
import { TERM_END_2019, TERM_START_2025, villagerEthnicity } from './territory.ts';

/** A village as the organisation planner needs it. */
export interface VillageUnit {
  id: number;
  name: string;
  type: string;
}

const VILLAGE_POSTS = {
  bi_thu: { male: 0.8, born: [1960, 1985] },
  pho_bi_thu: { male: 0.7, born: [1965, 1988] },
  truong_thon: { male: 0.8, born: [1965, 1990] },
  truong_ban_mt: { male: 0.7, born: [1955, 1975] },
  cht_phu_nu: { gender: 'female', born: [1968, 1992] },
  cht_nong_dan: { male: 0.7, born: [1960, 1985] },
  cht_ccb: { gender: 'male', born: [1955, 1972] },
  bi_thu_chi_doan: { male: 0.55, born: [1992, 2000] },
  uy_tin: { male: 0.85, born: [1955, 1962] },
} as const satisfies Record<string, PersonSpec>;
type VillagePost = keyof typeof VILLAGE_POSTS;

/** What a 2019 village leaves for its 2025 successor: who led it and who sat on its Tổ dân vận. */
export interface VillageOrgs {
  posts: Posts<VillagePost>;
  /** Posts in the Chi bộ with their titles, head first. */
  cell: Membership[];
  /** Posts on the Tổ dân vận with their titles, head first. */
  team: Membership[];
  /** The Tổ dân vận (plan index), for the village demo account. */
  teamOrg: number;
}

interface Membership {
  post: VillagePost;
  title: string;
  head: boolean;
}

const SELF_MANAGEMENT = [
  ['Tổ tự quản an ninh trật tự', 'truong_ban_mt'],
  ['Tổ tự quản vệ sinh môi trường', 'cht_phu_nu'],
  ['Mô hình "Khu dân cư xanh - sạch - đẹp"', 'cht_phu_nu'],
  ['Mô hình "Đoạn đường tự quản"', 'bi_thu_chi_doan'],
  ['Tổ hợp tác sản xuất tự quản', 'cht_nong_dan'],
  ['Tổ tự quản "Gia đình văn hóa"', 'cht_ccb'],
] as const satisfies readonly (readonly [string, VillagePost])[];

const headWord = (type: string) => `Trưởng ${type}`;
const villageLabel = (village: VillageUnit) => `${village.type} ${village.name}`;

/**
 * One stretch of a 2019 village's life under one commune: the whole 2019 structure, or, for a village of a
 * commune that ended before the reform, the years under that commune and the years under the one it went to.
 */
export interface VillagePeriod {
  village: VillageUnit;
  commune: CommuneOrgs;
  /** First day, null from before 2019. */
  from: string | null;
  /** Last day. */
  to: string;
}

/**
 * A 2019 village's Chi bộ, Ban công tác Mặt trận, Tổ dân vận (5–7 members, led by the cell secretary), Tổ hòa
 * giải and sometimes a self-management model. In about 55% of villages the cell secretary is also village head,
 * the arrangement seed 001 recommends. Each organisation has one record per period (a village that changed
 * commune in 2020 or 2025 has its bodies under each commune in turn), the roles cut at the change.
 */
export function planVillage2019(ctx: PlanContext, periods: readonly VillagePeriod[]): VillageOrgs {
  const { plan } = ctx;
  const last = periods.at(-1);
  if (!last) throw new Error('a village needs a period');
  const { village, commune } = last;
  const rng = ctx.rng.fork(`village-2019:${commune.unit.code}:${village.name}`);
  const label = villageLabel(village);
  const posts = new Posts<VillagePost>();
  const person = (post: VillagePost) =>
    plan.addPerson(ctx.people.make(village.id, villagerEthnicity(rng, commune.profile, village.type), VILLAGE_POSTS[post], commune.profile.catholicArea));
  const dual = rng.chance(0.55);
  posts.set('bi_thu', person('bi_thu'));
  posts.set('pho_bi_thu', person('pho_bi_thu'));
  // Without the dual role the village head is usually the deputy cell secretary.
  if (!dual) posts.set('truong_thon', rng.chance(0.6) ? posts.current('pho_bi_thu') : person('truong_thon'));
  for (const post of ['truong_ban_mt', 'cht_phu_nu', 'cht_nong_dan', 'cht_ccb', 'bi_thu_chi_doan', 'uy_tin'] as const) posts.set(post, person(post));
  const headIsDeputy = !dual && posts.current('truong_thon') === posts.current('pho_bi_thu');
  // Village heads are elected every 2.5 years: a few villages changed theirs at mid-term.
  if (!dual && !headIsDeputy && rng.chance(0.1)) posts.replace('truong_thon', person('truong_thon'), rng.date('2022-06-01', '2022-12-31'));
  const end = TERM_END_2019;
  const term = (from: string, to: string): Term => ({ from: rng.date(from, to), to: end });
  /** One record of the body per period it lives in, from `foundedOn` (null: before 2019) to the village's last day. */
  const org = (type: Parameters<typeof plan.addOrg>[0]['type'], name: string, parent: (p: VillagePeriod) => number | null, foundedOn: string | null = null) =>
    periods.flatMap((p) => {
      const from = later(foundedOn, p.from);
      if (from !== null && from > p.to) return [];
      // the first day without it (exclusive): DISSOLVED_2019 for the last period
      return [{ period: p, org: plan.addOrg({ unitId: p.village.id, type, name, parent: parent(p), foundedOn: from, dissolvedOn: addDays(p.to, 1) }) }];
    });
  type Records = ReturnType<typeof org>;
  /** The role in each record, cut to its period. */
  const assign = (post: VillagePost, records: Records, title: string, roleTerm: Term, head = false) => {
    for (const { period, org: index } of records) {
      const from = later(roleTerm.from, period.from) as string;
      const to = roleTerm.to === null || roleTerm.to > period.to ? period.to : roleTerm.to;
      if (from <= to) posts.assign(plan, post, index, title, { from, to }, head);
    }
  };

  const cell: Membership[] = [
    { post: 'bi_thu', title: dual ? `Bí thư chi bộ kiêm ${headWord(village.type)}` : 'Bí thư chi bộ', head: true },
    { post: 'pho_bi_thu', title: headIsDeputy ? `Phó Bí thư chi bộ kiêm ${headWord(village.type)}` : 'Phó Bí thư chi bộ', head: false },
  ];
  const cellOrg = org('party_cell', `Chi bộ ${label}`, (p) => p.commune.partyCommittee);
  const cellTerm = term('2020-03-02', '2020-05-15');
  for (const member of cell) assign(member.post, cellOrg, member.title, cellTerm, member.head);

  const front = org('front_committee', `Ban công tác Mặt trận ${label}`, (p) => p.commune.front);
  const frontTerm = term('2020-01-06', '2020-04-30');
  assign('truong_ban_mt', front, 'Trưởng ban', frontTerm, true);
  for (const post of ['cht_phu_nu', 'cht_nong_dan', 'cht_ccb', 'bi_thu_chi_doan'] as const) assign(post, front, 'Thành viên', frontTerm);

  const team: Membership[] = [
    { post: 'bi_thu', title: dual ? `Tổ trưởng, Bí thư chi bộ kiêm ${headWord(village.type)}` : 'Tổ trưởng, Bí thư chi bộ', head: true },
  ];
  if (!dual) team.push({ post: 'truong_thon', title: `Tổ phó, ${headWord(village.type)}`, head: false });
  team.push({ post: 'truong_ban_mt', title: `${dual ? 'Tổ phó' : 'Thành viên'}, Trưởng ban công tác Mặt trận`, head: false });
  const elderTitle = commune.profile.ethnic && village.type === 'bản' ? 'Thành viên, già làng' : 'Thành viên, người có uy tín';
  const others = [
    { post: 'cht_phu_nu', title: 'Thành viên, Chi hội trưởng Phụ nữ', head: false },
    { post: 'cht_nong_dan', title: 'Thành viên, Chi hội trưởng Nông dân', head: false },
    { post: 'cht_ccb', title: 'Thành viên, Chi hội trưởng Cựu chiến binh', head: false },
    { post: 'bi_thu_chi_doan', title: 'Thành viên, Bí thư Chi đoàn', head: false },
  ] as const;
  // Elders sit on the team first in the bản, where their word carries most (seed 001).
  const pool = [{ post: 'uy_tin' as const, title: elderTitle, head: false }, ...rng.shuffle(others)];
  if (!(commune.profile.ethnic && village.type === 'bản')) pool.splice(0, pool.length, ...rng.shuffle(pool));
  const size = rng.int(5, 7);
  team.push(...pool.slice(0, size - team.length));
  const teamOrgs = org('village_team', `Tổ dân vận ${label}`, (p) => p.commune.bloc, rng.date('2012-04-02', '2013-12-27'));
  const teamTerm = term('2020-06-01', '2020-09-30');
  for (const member of team) assign(member.post, teamOrgs, member.title, teamTerm, member.head);

  const mediation = org('mediation_team', `Tổ hòa giải ${label}`, () => null);
  const mediationTerm = term('2020-02-03', '2020-06-30');
  const villageHead = dual ? 'bi_thu' : 'truong_thon';
  const mediationHead = rng.chance(0.6) ? 'truong_ban_mt' : villageHead;
  assign(mediationHead, mediation, 'Tổ trưởng', mediationTerm, true);
  for (const post of [mediationHead === villageHead ? 'truong_ban_mt' : villageHead, 'cht_phu_nu', 'uy_tin'] as const) {
    assign(post, mediation, 'Thành viên', mediationTerm);
  }

  const models = rng.chance(0.45) ? (rng.chance(0.2) ? 2 : 1) : 0;
  for (const [name, post] of rng.shuffle(SELF_MANAGEMENT).slice(0, models)) {
    const founded = rng.date('2016-01-04', '2022-12-30');
    // a model belongs to the village's Ban công tác Mặt trận of the same period
    const records = org('self_management_model', `${name} ${label}`, (p) => front.find((record) => record.period === p)?.org ?? null, founded);
    assign(post, records, 'Tổ trưởng', { from: founded, to: end }, true);
  }
  const teamOrg = teamOrgs.at(-1)?.org;
  if (teamOrg === undefined) throw new Error(`${label} has no Tổ dân vận`);
  return { posts, cell, team, teamOrg };
}

/** The later of two days, null standing for "before 2019". */
function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * The 2025 village continues the 2019 one: a Chi bộ and a Tổ dân vận of the same people, with new role rows
 * from 1 July 2025 under the new commune's Đảng ủy and Khối dân vận. Their registry moves to the new village.
 */
export function planVillage2025(ctx: PlanContext, village: VillageUnit, commune: CommuneOrgs, before: VillageOrgs): { teamOrg: number } {
  const { plan } = ctx;
  const label = villageLabel(village);
  const term = { from: TERM_START_2025, to: null };
  const org = (type: 'party_cell' | 'village_team', name: string, parent: number) =>
    plan.addOrg({ unitId: village.id, type, name, parent, foundedOn: TERM_START_2025, dissolvedOn: null });
  const carry = (post: VillagePost, orgIndex: number, title: string, head: boolean) => {
    // The holder on 30 June 2025 carries on (a village head replaced at mid-term does not).
    const person = before.posts.current(post);
    plan.moveRegistry(person, village.id);
    plan.addRole(person, orgIndex, title, term, head);
  };
  const cell = org('party_cell', `Chi bộ ${label}`, commune.partyCommittee);
  for (const member of before.cell) carry(member.post, cell, member.title, member.head);
  const team = org('village_team', `Tổ dân vận ${label}`, commune.bloc);
  for (const member of before.team) carry(member.post, team, member.title, member.head);
  return { teamOrg: team };
}

/**
 * A 2025 village with no 2019 record in the demo (the Quảng Bình side): Chi bộ, Ban công tác Mặt trận and a Tổ
 * dân vận of 5–7 led by the cell secretary, all from 1 July 2025. Returns the Tổ dân vận's plan index.
 */
export function planVillageNew2025(ctx: PlanContext, village: VillageUnit, commune: CommuneOrgs): number {
  const { plan } = ctx;
  const rng = ctx.rng.fork(`village-new-2025:${commune.unit.code}:${village.name}`);
  const label = villageLabel(village);
  const person = (post: VillagePost) =>
    plan.addPerson(ctx.people.make(village.id, villagerEthnicity(rng, commune.profile, village.type), VILLAGE_POSTS[post], commune.profile.catholicArea));
  const dual = rng.chance(0.55);
  const holder = new Map<VillagePost, number>();
  for (const post of ['bi_thu', 'pho_bi_thu', 'truong_ban_mt', 'cht_phu_nu', 'cht_nong_dan', 'cht_ccb', 'bi_thu_chi_doan', 'uy_tin'] as const) {
    holder.set(post, person(post));
  }
  holder.set('truong_thon', dual ? (holder.get('bi_thu') as number) : person('truong_thon'));
  const term = { from: TERM_START_2025, to: null };
  const org = (type: 'party_cell' | 'front_committee' | 'village_team', name: string, parent: number) =>
    plan.addOrg({ unitId: village.id, type, name, parent, foundedOn: TERM_START_2025, dissolvedOn: null });
  const role = (post: VillagePost, orgIndex: number, title: string, head = false) =>
    plan.addRole(holder.get(post) as number, orgIndex, title, term, head);

  const cell = org('party_cell', `Chi bộ ${label}`, commune.partyCommittee);
  role('bi_thu', cell, dual ? `Bí thư chi bộ kiêm ${headWord(village.type)}` : 'Bí thư chi bộ', true);
  role('pho_bi_thu', cell, 'Phó Bí thư chi bộ');
  const front = org('front_committee', `Ban công tác Mặt trận ${label}`, commune.front);
  role('truong_ban_mt', front, 'Trưởng ban', true);
  for (const post of ['cht_phu_nu', 'cht_nong_dan', 'cht_ccb', 'bi_thu_chi_doan'] as const) role(post, front, 'Thành viên');

  const team = org('village_team', `Tổ dân vận ${label}`, commune.bloc);
  role('bi_thu', team, dual ? `Tổ trưởng, Bí thư chi bộ kiêm ${headWord(village.type)}` : 'Tổ trưởng, Bí thư chi bộ', true);
  if (!dual) role('truong_thon', team, `Tổ phó, ${headWord(village.type)}`);
  role('truong_ban_mt', team, `${dual ? 'Tổ phó' : 'Thành viên'}, Trưởng ban công tác Mặt trận`);
  const others = rng.shuffle([
    ['cht_phu_nu', 'Thành viên, Chi hội trưởng Phụ nữ'],
    ['cht_nong_dan', 'Thành viên, Chi hội trưởng Nông dân'],
    ['cht_ccb', 'Thành viên, Chi hội trưởng Cựu chiến binh'],
    ['bi_thu_chi_doan', 'Thành viên, Bí thư Chi đoàn'],
    ['uy_tin', 'Thành viên, người có uy tín'],
  ] as const);
  const size = rng.int(5, 7);
  for (const [post, title] of others.slice(0, size - (dual ? 2 : 3))) role(post, team, title);
  return team;
}
