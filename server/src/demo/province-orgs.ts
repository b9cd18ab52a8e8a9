import type { TOrganizationType } from '#contracts/organizations.ts';
import type { PlanContext, Term } from './demo-plan.ts';
import type { PersonSpec } from './people.ts';
import { DISSOLVED_2019, TERM_END_2019, TERM_START_2025, type TerritoryUnit } from './territory.ts';

/** The province organisations that districts, communes and demo accounts hang on. */
export interface ProvinceOrgs {
  partyCommittee: number;
  commission: number;
  front: number;
  /** People behind the province accounts: the commission head (leader) and a commission officer. */
  commissionHead: number;
  commissionOfficer: number;
  /** Everyone on the commission, head first, so the 2025 commission can take them over. */
  commissionStaff: number[];
  /** Holders of the other province posts, for the 2025 province to draw on. */
  leaders: number[];
}

const LEADER: PersonSpec = { male: 0.8, born: [1963, 1975] };
const OFFICER: PersonSpec = { male: 0.5, born: [1975, 1992] };

const AGENCIES_2019 = [
  'Sở Nội vụ', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Tài nguyên và Môi trường',
  'Sở Lao động - Thương binh và Xã hội', 'Ban Dân tộc tỉnh', 'Thanh tra tỉnh',
] as const;
const AGENCIES_2025 = [
  'Sở Nội vụ', 'Sở Nông nghiệp và Môi trường', 'Sở Dân tộc và Tôn giáo', 'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Y tế', 'Thanh tra tỉnh',
] as const;

interface ProvinceShape {
  unit: TerritoryUnit;
  term: { party: Term; government: Term };
  foundedOn: string | null;
  dissolvedOn: string | null;
  /** Ban Dân vận until 2025; merged with the Ban Tuyên giáo into the Ban Tuyên giáo và Dân vận in 2025. */
  commissionName: string;
  commissionType: 'mobilization_commission' | 'propaganda_mobilization_commission';
  /** Titles on the commission, head first (2026: POLITICAL-SYSTEM-2025.md §8). */
  staffTitles: readonly string[];
  agencies: readonly string[];
  massUnderFront: boolean;
  /** Picks the holder of a post: a new person or one carried over from before the reform. */
  holder: (spec: PersonSpec, carried?: number) => number;
  carried: { commission: number[]; leaders: number[] };
}

function buildProvince(ctx: PlanContext, shape: ProvinceShape): ProvinceOrgs {
  const { plan } = ctx;
  const name = shape.unit.name;
  const org = (type: TOrganizationType, orgName: string, parent: number | null = null) =>
    plan.addOrg({ unitId: shape.unit.id, type, name: orgName, parent, foundedOn: shape.foundedOn, dissolvedOn: shape.dissolvedOn });
  const { party, government } = shape.term;
  const leaders: number[] = [];
  const lead = (orgIndex: number, title: string, term: Term, spec = LEADER) => {
    const person = shape.holder(spec, shape.carried.leaders[leaders.length]);
    leaders.push(person);
    plan.addRole(person, orgIndex, title, term, true);
    return person;
  };

  const partyCommittee = org('party_committee', `Tỉnh ủy ${name}`);
  const secretary = lead(partyCommittee, 'Bí thư Tỉnh ủy', party);
  const council = org('council', `Hội đồng nhân dân tỉnh ${name}`);
  plan.addRole(secretary, council, 'Chủ tịch HĐND tỉnh', government, true);
  const committee = org('committee', `Ủy ban nhân dân tỉnh ${name}`);
  const chair = lead(committee, 'Chủ tịch UBND tỉnh', government);
  plan.addRole(chair, partyCommittee, 'Phó Bí thư Tỉnh ủy', party);

  const commission = org(shape.commissionType, `${shape.commissionName} ${name}`, partyCommittee);
  const commissionStaff = shape.staffTitles.map((title, i) => {
    const person = shape.holder(i === 0 ? LEADER : i < 3 ? { male: 0.6, born: [1968, 1980] } : OFFICER, shape.carried.commission[i]);
    plan.addRole(person, commission, title, party, i === 0);
    return person;
  });
  plan.addRole(commissionStaff[0] as number, partyCommittee, 'Ủy viên Ban Thường vụ Tỉnh ủy', party);

  const front = org('fatherland_front', `Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${name}`);
  lead(front, shape.massUnderFront ? 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh' : 'Chủ tịch Ủy ban MTTQ tỉnh', party);
  const massParent = shape.massUnderFront ? front : null;
  const mass: [TOrganizationType, string, string, PersonSpec][] = [
    ['trade_union', `Liên đoàn Lao động tỉnh ${name}`, 'Chủ tịch Liên đoàn Lao động tỉnh', LEADER],
    ['womens_union', `Hội Liên hiệp Phụ nữ tỉnh ${name}`, 'Chủ tịch Hội Liên hiệp Phụ nữ tỉnh', { gender: 'female', born: [1970, 1980] }],
    ['youth_union', `Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ${name}`, 'Bí thư Tỉnh đoàn', { male: 0.6, born: [1985, 1990] }],
    ['farmers_union', `Hội Nông dân tỉnh ${name}`, 'Chủ tịch Hội Nông dân tỉnh', LEADER],
    ['veterans_association', `Hội Cựu chiến binh tỉnh ${name}`, 'Chủ tịch Hội Cựu chiến binh tỉnh', { gender: 'male', born: [1960, 1966] }],
  ];
  for (const [type, orgName, title, spec] of mass) {
    const head = lead(org(type, orgName, massParent), title, party, spec);
    // from 2025 each head is a vice-chair of the Front's standing board (QĐ 301-QĐ/TW Art. 5.1)
    if (shape.massUnderFront) plan.addRole(head, front, `Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh, ${title}`, party);
  }
  for (const agency of shape.agencies) {
    const agencyOrg = org('agency', `${agency} ${agency.endsWith('tỉnh') ? name : `tỉnh ${name}`}`);
    lead(agencyOrg, agency.startsWith('Sở') ? 'Giám đốc Sở' : agency.startsWith('Ban') ? 'Trưởng ban' : 'Chánh Thanh tra tỉnh', government);
    // Every agency names a focal point for its mass-mobilization work (DOMAIN.md, users).
    plan.addRole(shape.holder(OFFICER), agencyOrg, 'Cán bộ đầu mối công tác dân vận', government);
  }
  return {
    partyCommittee,
    commission,
    front,
    commissionHead: commissionStaff[0] as number,
    commissionOfficer: commissionStaff[3] as number,
    commissionStaff,
    leaders,
  };
}

/** Quảng Trị before the reform: Tỉnh ủy, Ban Dân vận, HĐND, UBND, MTTQ, the five organisations, agencies. */
export function planProvince2019(ctx: PlanContext, unit: TerritoryUnit): ProvinceOrgs {
  const rng = ctx.rng.fork('province-2019');
  return buildProvince(ctx, {
    unit,
    term: { party: { from: rng.date('2020-10-19', '2020-11-06'), to: TERM_END_2019 }, government: { from: '2021-06-29', to: TERM_END_2019 } },
    foundedOn: null,
    dissolvedOn: DISSOLVED_2019,
    commissionName: 'Ban Dân vận Tỉnh ủy',
    commissionType: 'mobilization_commission',
    staffTitles: ['Trưởng ban', 'Phó Trưởng ban', 'Phó Trưởng ban', 'Trưởng phòng Dân vận chính quyền', 'Chuyên viên', 'Chuyên viên'],
    agencies: AGENCIES_2019,
    massUnderFront: false,
    holder: (spec) => ctx.plan.addPerson(ctx.people.make(unit.id, 'Kinh', spec)),
    carried: { commission: [], leaders: [] },
  });
}

/**
 * The merged Quảng Trị of 2025. About half of its leaders come from the old Quảng Trị (the others, from Quảng
 * Bình, are new people here); the old Ban Dân vận staff move to the Ban Tuyên giáo và Dân vận under a new head.
 */
export function planProvince2025(ctx: PlanContext, unit: TerritoryUnit, before: ProvinceOrgs): ProvinceOrgs {
  const rng = ctx.rng.fork('province-2025');
  const term = { from: TERM_START_2025, to: null };
  const [head, deputy, , ...staff] = before.commissionStaff;
  const carried = {
    // The old head and first deputy become deputies of the merged commission; the officers stay officers.
    commission: [undefined, head, deputy, ...staff] as number[],
    // Posts 0–9 (party, government, Front, the five organisations, Nội vụ, Nông nghiệp) match across the reform.
    leaders: before.leaders.map((person, i) => (i < 10 && rng.chance(0.5) ? person : undefined)) as number[],
  };
  return buildProvince(ctx, {
    unit,
    term: { party: term, government: term },
    foundedOn: TERM_START_2025,
    dissolvedOn: null,
    commissionName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    commissionType: 'propaganda_mobilization_commission',
    staffTitles: [
      'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Phó Trưởng ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Trưởng phòng Dân vận các cơ quan Nhà nước, dân tộc và tôn giáo',
      'Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy',
    ],
    agencies: AGENCIES_2025,
    massUnderFront: true,
    holder: (spec, person) => {
      if (person === undefined) return ctx.plan.addPerson(ctx.people.make(unit.id, 'Kinh', spec));
      ctx.plan.moveRegistry(person, unit.id);
      return person;
    },
    carried,
  });
}
