import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertTargets } from './programme-target.repository.ts';
import { insertProgramme } from '../programme.repository.ts';

/**
 * A programme of the unit with one target, for the foreign-scope test of the evaluation and the drill-down. Its years
 * lie within the unit's life (a 2019 commune's programme covers years it was in force), so its own reader gets 200.
 */
export async function targetScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const unit = await db.selectFrom('admin_unit').select('valid_to').where('id', '=', unitId).executeTakeFirstOrThrow();
  const [fromYear, toYear] = unit.valid_to === null ? [2026, 2030] : [2021, Number(unit.valid_to.slice(0, 4)) - 1];
  const { id, province_id } = await insertProgramme(db, {
    owner_unit_id: unitId,
    parent_programme_id: null,
    kind: 'plan',
    number: `${unitId}-KH/MT`,
    issuer: 'Ủy ban Mặt trận Tổ quốc xã',
    issued_on: `${fromYear}-01-15`,
    title: `Kế hoạch chỉ tiêu thử ${unitId}`,
    from_year: fromYear,
    to_year: toYear,
    general_objective: null,
    status: 'active',
    pack_code: null,
    pack_version: null,
    created_by: null,
  });
  const [targetId] = await insertTargets(db, [
    { province_id, programme_id: id, code: 'ct1', text: 'Chỉ tiêu thử', rule: null, waits_for: 'phân hệ thử', levels: null, parent_target_id: null },
  ]);
  return { '/api/programmes/:id/evaluation': { id }, '/api/programmes/:id/targets/:targetId/units': { id, targetId: targetId as number } };
}
