import type { TProgramme, TProgrammeTarget } from '#contracts/programmes/programmes.api.ts';
import type { TProgrammeKind } from '#contracts/programmes/pack.ts';
import type { TTargetLevel, TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { ProgrammeRow } from './programme.repository.ts';
import type { TargetRow } from './targets/programme-target.repository.ts';

export function presentProgramme(row: ProgrammeRow): TProgramme {
  return {
    id: row.id,
    ownerUnit: { id: row.owner_unit_id, fullName: row.owner_full_name, level: row.owner_level as TUnitLevel },
    parentProgrammeId: row.parent_programme_id,
    kind: row.kind as TProgrammeKind,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    title: row.title,
    fromYear: row.from_year,
    toYear: row.to_year,
    generalObjective: row.general_objective,
    status: row.status,
    pack: row.pack_code !== null && row.pack_version !== null ? { code: row.pack_code, version: row.pack_version } : null,
    version: row.version,
    targetCount: row.target_count,
    taskCount: row.task_count,
  };
}

export function presentTarget(row: TargetRow): TProgrammeTarget {
  return {
    id: row.id,
    code: row.code,
    text: row.text,
    rule: (row.rule ?? null) as TTargetRule | null,
    waitsFor: row.waits_for,
    levels: row.levels as TTargetLevel[] | null,
    parentTargetId: row.parent_target_id,
  };
}
