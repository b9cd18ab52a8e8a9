import type { TUnit, TUnitChild, TUnitRef } from '#contracts/units.ts';
import { ZStructure, ZUnitLevel } from '#contracts/units.ts';
import type { UnitRecord } from './unit.repository.ts';

/** Repository row → contract shape. */
export function presentUnit(row: UnitRecord): TUnit {
  return {
    id: row.id,
    structure: ZStructure.parse(row.structure),
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    level: ZUnitLevel.parse(row.level),
    type: row.type,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: row.child_count,
  };
}

/** A child in a list: the unit and whether organisations are recorded under it. */
export const presentChild = (row: UnitRecord & { has_organizations: boolean }): TUnitChild => ({
  ...presentUnit(row),
  hasOrganizations: row.has_organizations,
});

export function presentRef(row: { id: number; full_name: string; level: string; structure: string }): TUnitRef {
  return { id: row.id, fullName: row.full_name, level: ZUnitLevel.parse(row.level), structure: ZStructure.parse(row.structure) };
}
