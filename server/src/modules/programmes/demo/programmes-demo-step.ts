import type { Kysely } from 'kysely';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { DB } from '#server/db/schema.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { provinceScope } from '../../units/index.ts';
import { loadPackInto } from '../packs/pack-load.service.ts';
import { shippedPacks } from '../packs/pack-store.ts';
import { listTargets, updateTarget } from '../targets/programme-target.repository.ts';
import { looserPart } from '../targets/programme-target.rules.ts';
import { writePlan } from '../programme.service.ts';
import { writeAnnualPlan } from './annual-plan.ts';

/** Seed 000 (Quảng Ninh's Đề án 2019–2025) and seed 003 (Ninh Bình's Đề án 2021–2025), run by the demo province. */
export const DEMO_PACKS = ['QN-DEAN-2019-DANVAN', 'NB-DEAN-334-2021'] as const;
/** Xã Hải Lăng (2025), home of the demo account `xa.hai-lang`: it issues its implementation plan of seed 000. */
const PLAN_COMMUNE_CODE = '19702';
/** The commune holds itself to 90% of complaints resolved a year, stricter than the province's 85% (target i2). */
const STRICTER = { code: 'i2', threshold: 90 };

async function officialUnit(trx: Kysely<DB>, code: string) {
  const unit = await trx.selectFrom('admin_unit').select(['id', 'path']).where('structure', '=', '2025').where('code', '=', code).executeTakeFirst();
  if (!unit) throw new Error(`official unit 2025:${code} is missing: import the official units before the demo`);
  return unit;
}

/**
 * Step "programmes.demo": the demo province Quảng Trị runs the packs of seeds 000 and 003 as its own programmes
 * (loaded as anyone would load them: organisations of the province matched to the bodies), and xã Hải Lăng issues
 * its implementation plan of seed 000 with target i2 set stricter than the province's; the province also runs its
 * plan for the current year (targets judged on the figures so far).
 */
async function runProgrammesDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province = await officialUnit(trx, PROVINCE_2025_CODE);
  const scope = await provinceScope(trx, province.id);
  const loaded: number[] = [];
  for (const code of DEMO_PACKS) {
    const pack = shippedPacks().get(code);
    if (!pack) throw new Error(`programme pack ${code} is not shipped`);
    const result = await loadPackInto(trx, { actor: null, scope }, province, pack, false);
    if (result.programmeId === null) throw new Error(`programme pack ${code} not loaded`);
    loaded.push(result.programmeId);
  }
  const [deAn] = loaded;
  const parent = await trx.selectFrom('programme').select(['id', 'province_id', 'from_year', 'to_year']).where('id', '=', deAn ?? 0).executeTakeFirstOrThrow();
  const commune = await officialUnit(trx, PLAN_COMMUNE_CODE);
  const plan = await writePlan(
    trx,
    parent,
    commune.id,
    {
      unitId: commune.id,
      kind: 'plan',
      number: '12-KH/ĐU',
      issuer: 'Đảng ủy xã Hải Lăng',
      issuedOn: '2025-09-15',
      title: 'Kế hoạch thực hiện Đề án “Nâng cao chất lượng, hiệu quả công tác dân vận trong tình hình mới” trên địa bàn xã Hải Lăng',
      fromYear: 2025,
      toYear: 2025,
    },
    null,
  );
  const target = (await listTargets(trx, { id: plan.id, province_id: parent.province_id })).find((t) => t.code === STRICTER.code);
  const rule = target?.rule as TTargetRule | null | undefined;
  if (!target || rule?.kind !== 'value') throw new Error(`target ${STRICTER.code} of the demo plan has no value rule`);
  const stricter: TTargetRule = { ...rule, threshold: STRICTER.threshold };
  if (looserPart(rule, stricter) !== null) throw new Error('the demo plan target is not stricter');
  await updateTarget(trx, parent.province_id, target.id, { rule: stricter });
  const annual = await writeAnnualPlan(trx, province.id, today);
  return `programmes ${DEMO_PACKS.join(', ')} loaded into province ${PROVINCE_2025_CODE}; plan of commune ${PLAN_COMMUNE_CODE} with ${plan.inherited} targets; the province's plan for ${today.slice(0, 4)} with ${annual} targets`;
}

export const programmesDemoStep: DemoStep = { name: 'programmes.demo', version: 1, run: (trx, context) => runProgrammesDemo(trx, context.today) };
