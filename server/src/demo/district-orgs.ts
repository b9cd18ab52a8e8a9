import type { PlanContext } from './demo-plan.ts';
import type { Ethnicity } from './people.ts';
import type { ProvinceOrgs } from './province-orgs.ts';
import { DISSOLVED_2019, TERM_END_2019, type TerritoryUnit } from './territory.ts';

/** A district's Party committee, Ban Dân vận and Front, which the communes below hang on. */
export interface DistrictOrgs {
  partyCommittee: number;
  commission: number;
  front: number;
  /** The deputy head of the district Ban Dân vận, behind the district demo account. */
  commissionOfficer: number;
}

const COMMITTEE_WORD: Record<string, string> = { 'thành phố': 'Thành ủy', 'thị xã': 'Thị ủy', huyện: 'Huyện ủy' };
/** Hướng Hóa and Đa Krông, where many district cadres are Vân Kiều or Pa Kô. */
const HIGHLAND_DISTRICTS: Record<string, Ethnicity> = { '465': 'Vân Kiều', '467': 'Pa Kô' };

/** One district of the 2019 structure (districts ended on 30 June 2025 with the two-level reform). */
export function planDistrict(ctx: PlanContext, unit: TerritoryUnit, province: ProvinceOrgs): DistrictOrgs {
  const { plan } = ctx;
  const rng = ctx.rng.fork(`district:${unit.code}`);
  const minority = HIGHLAND_DISTRICTS[unit.code];
  const person = (spec: Parameters<typeof ctx.people.make>[2]) =>
    plan.addPerson(ctx.people.make(unit.id, minority && rng.chance(0.4) ? minority : 'Kinh', spec));
  const org = (type: 'party_committee' | 'mobilization_commission' | 'fatherland_front', name: string, parent: number) =>
    plan.addOrg({ unitId: unit.id, type, name, parent, foundedOn: null, dissolvedOn: DISSOLVED_2019 });
  const term = { from: rng.date('2020-07-20', '2020-08-28'), to: TERM_END_2019 };

  const committeeName = `${COMMITTEE_WORD[unit.type] ?? 'Huyện ủy'} ${unit.name}`;
  const partyCommittee = org('party_committee', committeeName, province.partyCommittee);
  plan.addRole(person({ male: 0.85, born: [1965, 1975] }), partyCommittee, `Bí thư ${committeeName}`, term, true);

  const commission = org('mobilization_commission', `Ban Dân vận ${committeeName}`, partyCommittee);
  const head = person({ male: 0.7, born: [1965, 1978] });
  plan.addRole(head, commission, 'Trưởng ban', term, true);
  plan.addRole(head, partyCommittee, `Ủy viên Ban Thường vụ ${committeeName}`, term);
  const commissionOfficer = person({ male: 0.5, born: [1975, 1988] });
  plan.addRole(commissionOfficer, commission, 'Phó Trưởng ban', term);
  plan.addRole(person({ male: 0.5, born: [1985, 1995] }), commission, 'Chuyên viên', term);

  const front = org('fatherland_front', `Ủy ban Mặt trận Tổ quốc Việt Nam ${unit.type} ${unit.name}`, province.front);
  plan.addRole(person({ male: 0.6, born: [1963, 1975] }), front, 'Chủ tịch Ủy ban MTTQ', term, true);
  return { partyCommittee, commission, front, commissionOfficer };
}
