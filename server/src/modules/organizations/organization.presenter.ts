import type { TOrganization, TRoleHeld } from '#contracts/organizations.ts';
import { ZOrganizationType } from '#contracts/organizations.ts';
import { compareVi } from '#server/shared/vn-text.ts';
import type { OrganizationRecord } from './organization.repository.ts';

/** Repository row → contract shape. */
export function presentOrganization(row: OrganizationRecord): TOrganization {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    type: ZOrganizationType.parse(row.type),
    name: row.name,
    parentOrganizationId: row.parent_organization_id,
    workerCount: row.worker_count,
    hasTradeUnion: row.has_trade_union,
    religionName: row.religion_name,
    foundedOn: row.founded_on,
    dissolvedOn: row.dissolved_on,
    memberCount: row.member_count,
    lastDay: row.last_day,
    endedWithUnit: row.ended_with_unit,
  };
}

/** Given name (the last word) first, then the whole name: the order of Vietnamese name lists. */
function compareNamesVi(a: string, b: string): number {
  const given = (name: string) => name.slice(name.lastIndexOf(' ') + 1);
  return compareVi(given(a), given(b)) || compareVi(a, b);
}

/** Display order of an organisation's roles: heads first, then by title, then by name. */
export function compareRoles(a: TRoleHeld, b: TRoleHeld): number {
  return Number(b.isHead) - Number(a.isHead) || compareVi(a.title, b.title) || compareNamesVi(a.personName, b.personName) || a.id - b.id;
}

const TYPE_ORDER = new Map(ZOrganizationType.options.map((type, index) => [type, index]));

/** Display order of a unit's organisations: by type (the order of ORGANIZATION_TYPES), then by name. */
export function compareOrganizations(a: TOrganization, b: TOrganization): number {
  return (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) || compareVi(a.name, b.name) || a.id - b.id;
}
