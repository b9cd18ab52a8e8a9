import { periodContaining, periodEnd, periodsBetween, previousPeriod } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { SEED } from '#server/demo/foundation-step.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import type { DemoContext, DemoStep } from '#server/shared/module.ts';
import { reportWorkflow } from '../report.workflow.ts';
import { findProvinceIds } from '../totals.repository.ts';
import { storeValues } from '../value-store.ts';
import { DATA_SETS, FIELD_COMBO, INDICATORS, MONTHLY, RETURN_REASON, YEARLY, type DemoDataSet } from './demo-catalogue.ts';
import { communeTraits, monthlyCells, villageCells, type CommuneTraits } from './demo-figures.ts';
import { addReport, Gathered, type ReportContext, type ReportingCommune } from './demo-reports.ts';
import { reportTimeline } from './demo-timeline.ts';
import * as repo from './indicators-demo.repository.ts';

/** The first month of the demo's reports: two years of history across the reform of 1 July 2025. */
export const FIRST_MONTH = '202501';
export const FIRST_YEAR = '2024';
/** The province's officer returns and approves; reports of communes without a demo account are typed by admin. */
const PROVINCE_ACCOUNT = 'tinh.qt';
const FALLBACK_ACCOUNT = 'admin';
const COMMUNE_ACCOUNTS = ['xa.ta-rut', 'xa.hai-lang', 'xa.hai-phu'];
/** Their communes have no report for the last month: the browser story types and submits it. */
export const STORY_ACCOUNTS = ['xa.ta-rut', 'xa.hai-lang'];

export const LATE_SHARE = 0.08;
export const RETURN_SHARE = 0.04;
export const MISSING_SHARE = 0.015;

/**
 * Step "indicators.demo" of the indicators module: the two report forms of the demo province with its
 * indicators, and two years of reports of every commune of Quảng Trị (44) and of the communes it came from, cut
 * at today (docs/DEMO.md, "Periodic reports"). Values go through the one write path (storeValues), so totals
 * are maintained as for typed values.
 */
async function runIndicatorsDemo(trx: Database, { today }: DemoContext): Promise<string> {
  const root = new Random(SEED).fork('indicators');
  const provinceUnitId = await repo.findOfficialUnitId(trx, '2025', PROVINCE_2025_CODE);
  const accounts = await repo.findAccounts(trx, [PROVINCE_ACCOUNT, FALLBACK_ACCOUNT, ...COMMUNE_ACCOUNTS]);
  const account = (username: string) => accounts.find((a) => a.username === username);
  const fallback = account(FALLBACK_ACCOUNT)?.id;
  const province = account(PROVINCE_ACCOUNT)?.id;
  if (fallback === undefined || province === undefined) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  const authorByUnit = new Map(accounts.filter((a) => COMMUNE_ACCOUNTS.includes(a.username) && a.unit_id !== null).map((a) => [a.unit_id as number, a.id]));
  const storyUnits = new Set(accounts.filter((a) => STORY_ACCOUNTS.includes(a.username)).map((a) => a.unit_id));

  const catalogue = await repo.insertCatalogue(trx, provinceUnitId, FIELD_COMBO, DATA_SETS, INDICATORS);
  const ctx: ReportContext = {
    provinceId: provinceUnitId,
    ...catalogue,
    userOf: (actor, communeId) => (actor === 'province' ? province : actor === 'unit' ? (authorByUnit.get(communeId) ?? fallback) : fallback),
  };
  const territory = await repo.listTerritoryCommunes(trx, provinceUnitId);
  const allVillages = await repo.listTerritoryVillages(trx, territory.map((commune) => commune.id));
  const validOn = (asOf: string) => (unit: { validFrom: string | null; validTo: string | null }) => (unit.validFrom ?? asOf) <= asOf && (unit.validTo ?? asOf) >= asOf;
  /** The communes reporting a period (valid on its last day), each with its villages of that day. */
  const villagesOf = new Map<number, typeof allVillages>();
  for (const village of allVillages) villagesOf.set(village.communeId, [...(villagesOf.get(village.communeId) ?? []), village]);
  const communes = (asOf: string): ReportingCommune[] =>
    territory.filter(validOn(asOf)).map((commune) => ({ ...commune, villages: (villagesOf.get(commune.id) ?? []).filter(validOn(asOf)) }));
  const lastMonth = previousPeriod(periodContaining(today, 'monthly'));
  const traits = new Map<string, CommuneTraits>();
  const traitsOf = (commune: ReportingCommune) => {
    const key = `${commune.structure}:${commune.code}`;
    const found = traits.get(key) ?? communeTraits(root.fork(`traits:${key}`), { structure: commune.structure, villages: commune.villages.length });
    traits.set(key, found);
    return found;
  };
  const course = (set: DemoDataSet, period: string, commune: ReportingCommune, rng: Random) =>
    reportTimeline(rng, {
      period,
      dueDays: set.dueDays,
      lockDays: set.lockDays,
      chain: commune.structure,
      today,
      lateShare: LATE_SHARE,
      returnShare: set === MONTHLY ? RETURN_SHARE : 0,
      missingShare: authorByUnit.has(commune.id) ? 0 : MISSING_SHARE,
      // the month before last: a commune sent back for correction has not sent it again yet
      stalled: period === previousPeriod(lastMonth) && !authorByUnit.has(commune.id),
      returnReason: RETURN_REASON,
    });

  const out = new Gathered();
  for (const period of periodsBetween(FIRST_MONTH, lastMonth)) {
    for (const commune of communes(periodEnd(period))) {
      if (period === lastMonth && storyUnits.has(commune.id)) continue;
      const rng = root.fork(`${MONTHLY.code}:${period}:${commune.structure}:${commune.code}`);
      const timeline = course(MONTHLY, period, commune, rng);
      if (!timeline) continue;
      const rows = [{ unitId: commune.id, cells: monthlyCells(rng.fork('cells'), traitsOf(commune), period) }];
      addReport(ctx, out, { set: MONTHLY, commune, period, timeline, rows, rng });
    }
  }
  for (const period of periodsBetween(FIRST_YEAR, previousPeriod(periodContaining(today, 'yearly')))) {
    for (const commune of communes(periodEnd(period)).filter((c) => c.villages.length > 0)) {
      const rng = root.fork(`${YEARLY.code}:${period}:${commune.structure}:${commune.code}`);
      const timeline = course(YEARLY, period, commune, rng);
      if (!timeline) continue;
      const rows = commune.villages.map((village, i) => ({ unitId: village.id, cells: villageCells(rng.fork(`village:${i}`), Number(period)) }));
      addReport(ctx, out, { set: YEARLY, commune, period, timeline, rows, rng });
    }
  }

  const provinces = await findProvinceIds(trx, [...new Set(out.reports.map((report) => report.unitId))]);
  if ([...provinces.values()].some((id) => id !== provinceUnitId)) throw new Error('a demo report lies outside province 44');
  await repo.insertReports(trx, out.reports);
  await repo.insertTransitions(trx, reportWorkflow.entityType, out.transitions);
  let values = 0;
  for (const { userId, writes } of out.batches.values()) {
    await storeValues(trx, writes, { userId, source: 'demo' });
    values += writes.length;
  }
  let corrections = 0;
  for (const [userId, writes] of out.corrections) {
    await storeValues(trx, writes, { userId, source: 'demo' });
    corrections += writes.length;
  }
  await repo.stampValues(trx, provinceUnitId, 1, out.stamps);
  await repo.stampValues(trx, provinceUnitId, 2, out.correctionStamps);

  const { approved, late, returned, awaitingCorrection, draft, pending } = out.counts;
  return (
    `${DATA_SETS.length} data sets, ${INDICATORS.length} indicators; ${out.reports.length} reports ${FIRST_MONTH}–${lastMonth} and years ` +
    `${FIRST_YEAR}–${previousPeriod(periodContaining(today, 'yearly'))} (${approved} approved, ${pending} waiting for review, ${draft} draft, ` +
    `${late} late, ${returned} returned for correction, ${awaitingCorrection} of them not corrected yet), ${values} values + ${corrections} corrections`
  );
}

/** The indicators module's demo: its forms, indicators and two years of reports (after the units module's steps). */
export const indicatorsDemoStep: DemoStep = { name: 'indicators.demo', version: 1, run: (trx, context) => runIndicatorsDemo(trx, context) };
