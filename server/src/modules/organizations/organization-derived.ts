import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { provinceSetting } from '../settings/index.ts';
import { listUnitsOfLevel } from '../units/index.ts';
import { memberCountsOn, unitsWithOrganization } from './organization-derived.repository.ts';

export const VILLAGES_WITH_TEAM = 'organizations.villages_with_team';
export const COMMUNE_BLOCS_9_11 = 'organizations.commune_blocs_9_11';

/** Members a Khối dân vận of a commune should have (Quy chế dân vận: 9 to 11). */
const BLOC_MEMBERS = { min: 9, max: 11 };

/** Every unit of the level (0) with the computed ones set (1): each unit valid on the day gets a value. */
async function everyUnit(
  db: Kysely<DB>,
  args: { provinceId: number; asOf: string; unitIds?: readonly number[] | undefined },
  level: 'village' | 'commune',
  meeting: ReadonlySet<number>,
) {
  const units = await listUnitsOfLevel(db, { ...args, level });
  return units.map((unitId) => ({ unitId, value: meeting.has(unitId) ? 1 : 0 }));
}

/** Per village: 1 when a Tổ dân vận (village_team) of the village exists on the day. */
export const villagesWithTeam: DerivedValue = {
  code: VILLAGES_WITH_TEAM,
  elementCode: 'ORG_VILLAGES_WITH_TEAM',
  name: msg('indicators.derived.villagesWithTeam'),
  valueType: 'yes_no',
  level: 'village',
  unitOfMeasure: msg('indicators.derived.unitVillage'),
  compute: async (db, args) => {
    // a province that keeps no Tổ dân vận (Cài đặt của tỉnh) has no village with one
    if (!(await provinceSetting(db, args.provinceId, 'villageTeam.enabled'))) return [];
    const withTeam = await unitsWithOrganization(db, { ...args, type: 'village_team', level: 'village' });
    return everyUnit(db, args, 'village', new Set(withTeam));
  },
};

/** Per commune: 1 when its Khối dân vận (commune_bloc) has 9–11 distinct people in a role on the day. */
export const communeBlocs911: DerivedValue = {
  code: COMMUNE_BLOCS_9_11,
  elementCode: 'ORG_COMMUNE_BLOCS_9_11',
  name: msg('indicators.derived.communeBlocs911'),
  valueType: 'yes_no',
  level: 'commune',
  unitOfMeasure: msg('indicators.derived.unitCommune'),
  compute: async (db, args) => {
    if (!(await provinceSetting(db, args.provinceId, 'communeBloc.enabled'))) return [];
    const blocs = await memberCountsOn(db, { ...args, type: 'commune_bloc', level: 'commune' });
    const meeting = blocs.filter((bloc) => bloc.members >= BLOC_MEMBERS.min && bloc.members <= BLOC_MEMBERS.max);
    return everyUnit(db, args, 'commune', new Set(meeting.map((bloc) => bloc.unitId)));
  },
};

const BRIEFING_CODES = ['grassroots.briefings_due_commune'];

/** The derived values each organisation type moves: what a write to such an organisation (or its roles) touches. */
const BY_TYPE: Record<string, { onOrganization: string[]; onRoles: string[] }> = {
  // grassroots' briefing figures count the blocs and teams due a briefing (a body founded or dissolved moves them; the
  // members of a briefing are counted when it is recorded, so roles do not): the codes, not the module
  village_team: { onOrganization: [VILLAGES_WITH_TEAM, ...BRIEFING_CODES], onRoles: [] },
  commune_bloc: { onOrganization: [COMMUNE_BLOCS_9_11, ...BRIEFING_CODES], onRoles: [COMMUNE_BLOCS_9_11] },
  // emulation's villages with ≥ 2 / ≥ 4 effective self-management models (a group founded, dissolved or retyped
  // moves them; its models' steps touch them from emulation/figures): the codes, not the module (it builds on this one)
  self_management_model: { onOrganization: ['emulation.villages_self_management_2', 'emulation.villages_self_management_4'], onRoles: [] },
  // --- grassroots --- the cadres counted by field days (seed 000 i7) and the party-committee members at cells'
  // meetings: a role given or ended, or a body dissolved, moves them (the codes, not the module, as emulation's)
  ...Object.fromEntries(
    ['mobilization_commission', 'propaganda_mobilization_commission', 'party_building_board', 'fatherland_front', 'trade_union', 'womens_union', 'youth_union', 'farmers_union', 'veterans_association', 'party_committee'].map((type) => {
      const codes = ['commune', 'province'].flatMap((level) =>
        (type === 'party_committee' ? ['committee_at_cells'] : ['cadres', 'cadres_3days', 'field_days']).map((measure) => `grassroots.${measure}_${level}`),
      );
      return [type, { onOrganization: codes, onRoles: codes }];
    }),
  ),
  // --- end grassroots ---
};

/**
 * Refreshes the derived values an organisation's change moves, in the writer's transaction: `types` are its type
 * before and after the change, `unitIds` its unit(s); `roles` when only its roles changed. Codes in a fixed order
 * so two writers take the derived locks in the same order.
 */
export async function touchOrganization(
  trx: Kysely<DB>,
  derived: DerivedValues,
  actor: { userId: number },
  change: { types: readonly string[]; unitIds: readonly number[]; roles?: boolean },
): Promise<void> {
  const codes = new Set(change.types.flatMap((type) => (change.roles ? BY_TYPE[type]?.onRoles : BY_TYPE[type]?.onOrganization) ?? []));
  for (const code of [...codes].sort()) await derived.touch(trx, actor, code, change.unitIds);
}
