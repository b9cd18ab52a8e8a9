import type { Kysely } from 'kysely';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { DB } from '#server/db/schema.ts';
import { insertTargets } from '../targets/programme-target.repository.ts';
import { insertProgramme } from '../programme.repository.ts';

/** A target of the annual plan: its text and the demo indicator it is measured by. */
const TARGETS: ReadonlyArray<{ code: string; text: string; rule: TTargetRule }> = [
  {
    code: '1',
    text: 'Tỷ lệ giải quyết khiếu nại, tố cáo đạt 85% số vụ việc tiếp nhận trở lên.',
    rule: { kind: 'value', indicator: 'PET_TL_GIAI_QUYET_KNTC', comparator: '>=', threshold: 85 },
  },
  {
    code: '2',
    text: '100% hồ sơ của người dân tại bộ phận tiếp nhận và trả kết quả cấp xã được trả trước và đúng hạn.',
    rule: { kind: 'value', indicator: 'DV_TL_HO_SO_DUNG_HAN', comparator: '>=', threshold: 100 },
  },
  {
    code: '3',
    text: 'Cán bộ dân vận, Mặt trận Tổ quốc và các đoàn thể cấp xã dành ít nhất 03 ngày/tháng đi cơ sở.',
    rule: { kind: 'value', indicator: 'DV_BQ_NGAY_CO_SO', comparator: '>=', threshold: 3 },
  },
  {
    code: '4',
    text: '80% thôn, tổ dân phố có tổ hòa giải hoạt động hiệu quả.',
    rule: { kind: 'value', indicator: 'DV_TL_THON_HOA_GIAI', comparator: '>=', threshold: 80 },
  },
];

/**
 * The province's mass-mobilization plan for the current year (a Kế hoạch of its own, as every province issues one
 * each January), with four targets over the demo's indicators: the year is not over, so its targets are judged on
 * the figures so far, and some are at risk. The year follows the demo's date: always the current one.
 */
export async function writeAnnualPlan(trx: Kysely<DB>, provinceId: number, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const { id, province_id } = await insertProgramme(trx, {
    owner_unit_id: provinceId,
    parent_programme_id: null,
    kind: 'plan',
    number: '05-KH/BTGDVTU',
    issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    issued_on: `${year}-01-15`,
    title: `Kế hoạch công tác dân vận năm ${year}`,
    from_year: year,
    to_year: year,
    general_objective: null,
    status: 'active',
    pack_code: null,
    pack_version: null,
    created_by: null,
  });
  await insertTargets(
    trx,
    TARGETS.map((target) => ({ province_id, programme_id: id, code: target.code, text: target.text, rule: target.rule, waits_for: null, levels: null, parent_target_id: null })),
  );
  return TARGETS.length;
}
