import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel } from '../units/index.ts';
import { countByLevel } from './reception.repository.ts';

/**
 * Figures of reception for targets (issue 12 point 7), each per unit of a level, as of a day:
 * - direct dialogues chaired by a head of the Party committee or the government, year to date (seed 003 (1):
 *   "ít nhất 01 cuộc/năm"; the yearly period holds the year's count, a month the count so far that year);
 * - supervisions and social critiques of the Front and the socio-political organisations of the level, year to
 *   date (seed 003 (4): province ≥ 2 supervisions and 1 critique a year, commune ≥ 1 supervision);
 * - reception days held in the month of the day, summed over the unit's leaders (a day a leader received
 *   citizens counts once per leader; the per-leader table is the compliance page).
 * Records of the level's unit and of the units below it count; a unit without any counts 0.
 */
type What = 'head_dialogues' | 'supervisions' | 'critiques' | 'reception_days';

const yearStart = (asOf: string) => `${asOf.slice(0, 4)}-01-01`;
const monthStart = (asOf: string) => `${asOf.slice(0, 7)}-01`;

function counted(code: string, what: What, level: 'province' | 'commune', name: string, unitOfMeasure: string): DerivedValue {
  return {
    code,
    name,
    valueType: 'integer',
    level,
    unitOfMeasure,
    compute: async (db: Kysely<DB>, args) => {
      const from = what === 'reception_days' ? monthStart(args.asOf) : yearStart(args.asOf);
      const counts = new Map((await countByLevel(db, { ...args, level, from, what })).map((c) => [c.unitId, c.value]));
      const units = await listUnitsOfLevel(db, { ...args, level });
      return units.map((unitId) => ({ unitId, value: counts.get(unitId) ?? 0 }));
    },
  };
}

export const HEAD_DIALOGUES_COMMUNE = 'reception.head_dialogues_commune';
export const HEAD_DIALOGUES_PROVINCE = 'reception.head_dialogues_province';
export const SUPERVISIONS_COMMUNE = 'reception.front_supervisions_commune';
export const SUPERVISIONS_PROVINCE = 'reception.front_supervisions_province';
export const CRITIQUES_COMMUNE = 'reception.front_critiques_commune';
export const CRITIQUES_PROVINCE = 'reception.front_critiques_province';
export const RECEPTION_DAYS_COMMUNE = 'reception.reception_days_commune';
export const RECEPTION_DAYS_PROVINCE = 'reception.reception_days_province';

const meeting = () => msg('indicators.derived.unitMeeting');

export const receptionDerivedValues: readonly DerivedValue[] = [
  counted(HEAD_DIALOGUES_COMMUNE, 'head_dialogues', 'commune', msg('indicators.derived.headDialoguesCommune'), meeting()),
  counted(HEAD_DIALOGUES_PROVINCE, 'head_dialogues', 'province', msg('indicators.derived.headDialoguesProvince'), meeting()),
  counted(SUPERVISIONS_COMMUNE, 'supervisions', 'commune', msg('indicators.derived.supervisionsCommune'), meeting()),
  counted(SUPERVISIONS_PROVINCE, 'supervisions', 'province', msg('indicators.derived.supervisionsProvince'), meeting()),
  counted(CRITIQUES_COMMUNE, 'critiques', 'commune', msg('indicators.derived.critiquesCommune'), meeting()),
  counted(CRITIQUES_PROVINCE, 'critiques', 'province', msg('indicators.derived.critiquesProvince'), meeting()),
  counted(RECEPTION_DAYS_COMMUNE, 'reception_days', 'commune', msg('indicators.derived.receptionDaysCommune'), msg('indicators.derived.unitDay')),
  counted(RECEPTION_DAYS_PROVINCE, 'reception_days', 'province', msg('indicators.derived.receptionDaysProvince'), msg('indicators.derived.unitDay')),
];

const TOUCHES: Record<'dialogue' | 'activity' | 'session', readonly string[]> = {
  dialogue: [HEAD_DIALOGUES_COMMUNE, HEAD_DIALOGUES_PROVINCE],
  activity: [CRITIQUES_COMMUNE, CRITIQUES_PROVINCE, SUPERVISIONS_COMMUNE, SUPERVISIONS_PROVINCE],
  session: [RECEPTION_DAYS_COMMUNE, RECEPTION_DAYS_PROVINCE],
};

/**
 * Refreshes the figures a write of this kind moves, for the unit written, in the writer's transaction (codes in a
 * fixed order so two writers take the derived locks in the same order). A unit above a value's level is ignored
 * by `touch`; the province's values are touched through the unit's province.
 */
export async function touchReception(trx: Kysely<DB>, derived: DerivedValues, actor: { userId: number }, what: keyof typeof TOUCHES, unitId: number) {
  for (const code of [...TOUCHES[what]].sort()) await derived.touch(trx, actor, code, [unitId]);
}
