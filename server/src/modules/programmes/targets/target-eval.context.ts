import { PERIOD_TYPES, periodEnd, periodsOverlapping } from '#contracts/indicators/period.ts';
import { TARGET_LEVELS, ZTargetRule, type TTargetLevel, type TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { TEvaluationFilter } from '#contracts/programmes/targets.api.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { indicatorFigures, viewOn, type IndicatorFigures } from '../../indicators/index.ts';
import { findReadableProgramme } from '../programme-access.repository.ts';
import type { TargetRow } from './programme-target.repository.ts';
import * as units from './target-eval.repository.ts';
import { asOfYear, coveredFraction, defaultLevel, isOpenYear, levelsBelow } from './target-period.rules.ts';

/**
 * Everything an evaluation reads, in a few statements: the programme (in reach), the year, the unit and the day
 * whose units count, the units at the chosen level and at the child levels of share rules, and the indicators'
 * figures of all of them for every year the rules look at.
 */

export type Programme = NonNullable<Awaited<ReturnType<typeof findReadableProgramme>>>;
export interface EvalTarget {
  row: TargetRow;
  rule: TTargetRule | null;
}

export interface EvalContext {
  programme: Programme;
  today: string;
  year: number;
  open: boolean;
  asOf: string;
  view: 'current' | 'entered';
  unit: units.EvalUnitRow;
  level: TTargetLevel;
  levels: TTargetLevel[];
  /** Units at the chosen level ([unit] when it is the unit's own level). */
  levelUnits: units.EvalUnitRow[];
  /** Units at each child level of a share rule, by the id of every unit above them. */
  childrenOf(childLevel: TTargetLevel, unitId: number): units.EvalUnitRow[];
  figures: IndicatorFigures;
  /** Part of the open year the indicator's data covers at the unit, and the end of its latest period with values. */
  coverage(indicatorCode: string): { fraction: number; latestEnd: string | null };
}

/** The year to evaluate: the one asked for, else the current year kept within the programme's years. */
function chooseYear(programme: Programme, asked: number | undefined, today: string): number {
  if (asked !== undefined) return asked;
  return Math.min(programme.to_year, Math.max(programme.from_year, Number(today.slice(0, 4))));
}

/** The unit and the day whose units are read: a unit not yet in force that year reads history under it (view 'current'). */
async function chooseUnit(db: Database, actor: Actor, programme: Programme, unitId: number | undefined, year: number, today: string) {
  let unit = unitId !== undefined ? await units.findScopedUnit(db, actor.scope, unitId) : await units.findScopedUnit(db, actor.scope, programme.owner_unit_id);
  if (!unit && unitId === undefined && actor.unitId !== null) unit = await units.findScopedUnit(db, actor.scope, actor.unitId);
  if (!unit) throw notFound('entity.unit');
  let asOf = asOfYear(year, today);
  if (unit.valid_from !== null && unit.valid_from > asOf) asOf = unit.valid_from;
  else if (unit.valid_to !== null && unit.valid_to < asOf) {
    const successor = await units.findSuccessorInForce(db, actor.scope, unit.id, asOf);
    if (!successor) throw invalidField('unitId', msg('programmes.targets.unitNotInForce', { year }));
    unit = successor;
  }
  return { unit, asOf };
}

const parseRule = (rule: unknown): TTargetRule | null => {
  const parsed = ZTargetRule.safeParse(rule);
  return parsed.success ? parsed.data : null;
};

/** Years whose figures a rule reads to evaluate `year` (single years and windows). */
function yearsRead(rule: TTargetRule, year: number, fromYear: number, groups: Map<string, string[]>): void {
  const single = (y: number) => groups.set(String(y), [`Y${y}`]);
  single(year);
  if (rule.kind === 'change') single(year - 1);
  if (rule.kind === 'coverage' && rule.windowYears > 1) {
    const from = year - rule.windowYears + 1;
    groups.set(`${from}-${year}`, Array.from({ length: rule.windowYears }, (_, i) => `Y${from + i}`));
  }
  if (rule.kind === 'milestone') for (let y = fromYear - 1; y < year; y++) single(y);
}

/** Reads the context of an evaluation; `trendYears` adds the years of the drill-down's trend at the unit. */
export async function readContext(db: Database, actor: Actor, programmeId: number, query: TEvaluationFilter, targetRows: (programme: Programme) => Promise<TargetRow[]>, trendYears = false): Promise<EvalContext & { targets: EvalTarget[]; trend: number[] }> {
  const programme = await findReadableProgramme(db, actor.scope, programmeId);
  if (!programme) throw notFound('entity.programme');
  const today = clock.today();
  const year = chooseYear(programme, query.year, today);
  const { unit, asOf } = await chooseUnit(db, actor, programme, query.unitId, year, today);
  const levels = levelsBelow(unit.level, asOf >= '2025-07-01');
  const level = query.level ?? defaultLevel(unit.level);
  if (!levels.includes(level)) {
    throw invalidField('level', msg('programmes.targets.levelNotBelow', { levels: levels.map((l) => msg(`programmes.targets.level.${l}`)).join(', ') }));
  }
  const targets = (await targetRows(programme)).map((row) => ({ row, rule: parseRule(row.rule) }));
  const rules = targets.flatMap((t) => (t.rule ? [t.rule] : []));
  const childLevels = [...new Set(rules.flatMap((r) => (r.kind === 'share_of_units' && levels.includes(r.childLevel) && r.childLevel !== unit.level ? [r.childLevel] : [])))];
  const below = await units.listUnitsUnder(db, actor.scope, unit, [...new Set([...(level === unit.level ? [] : [level]), ...childLevels])], asOf);
  const levelUnits = level === unit.level ? [unit] : below.filter((u) => u.level === level);
  const trend = trendYears ? trendYearsOf(programme, year, today) : [];
  const groups = new Map<string, string[]>();
  for (const rule of rules) for (const y of [year, ...trend]) yearsRead(rule, y, programme.from_year, groups);
  const open = isOpenYear(year, today);
  const codes = [...new Set(rules.map((r) => r.indicator))];
  const view = viewOn(asOf);
  const figures = await indicatorFigures(db, actor.scope, { indicatorCodes: codes, unitIds: [unit.id, ...below.map((u) => u.id)], provinceOf: unit.id, view, groups: Object.fromEntries(groups) });
  const coverage = open && codes.length > 0 ? await readCoverage(db, actor, unit.id, codes, year, view, today) : new Map<string, { fraction: number; latestEnd: string | null }>();
  const children = groupUnder(below, childLevels);
  return {
    programme,
    today,
    year,
    open,
    asOf,
    view,
    unit,
    level,
    levels,
    levelUnits,
    childrenOf: (childLevel, unitId) => children.get(`${childLevel}|${unitId}`) ?? [],
    figures,
    coverage: (code) => coverage.get(code) ?? { fraction: coveredFraction(year, null, today), latestEnd: null },
    targets,
    trend,
  };
}

/** The programme's years up to the current one (the drill-down's trend). */
function trendYearsOf(programme: Programme, year: number, today: string): number[] {
  const last = Math.min(programme.to_year, Math.max(year, Number(today.slice(0, 4))));
  const years: number[] = [];
  for (let y = programme.from_year; y <= last; y++) years.push(y);
  return years;
}

/** Units of each child level under every unit above them (by the ids of their path). */
function groupUnder(below: readonly units.EvalUnitRow[], childLevels: readonly TTargetLevel[]): Map<string, units.EvalUnitRow[]> {
  const map = new Map<string, units.EvalUnitRow[]>();
  for (const u of below) {
    if (!childLevels.includes(u.level)) continue;
    for (const label of u.path.split('.').slice(0, -1)) {
      const key = `${u.level}|${label}`;
      const list = map.get(key) ?? [];
      map.set(key, list);
      list.push(u);
    }
  }
  return map;
}

/** For an open year: per indicator, the end of the latest period with values at the unit and the part of the year it covers. */
async function readCoverage(db: Database, actor: Actor, unitId: number, codes: string[], year: number, view: 'current' | 'entered', today: string) {
  const periods = PERIOD_TYPES.flatMap((type) => periodsOverlapping(`${year}-01-01`, `${year}-12-31`, type));
  const figures = await indicatorFigures(db, actor.scope, { indicatorCodes: codes, unitIds: [unitId], provinceOf: unitId, view, groups: Object.fromEntries(periods.map((p) => [p, [p]])) });
  return new Map(
    codes.map((code) => {
      const ends = periods.filter((p) => figures.figure(code, unitId, p).nValues > 0).map(periodEnd);
      const latestEnd = ends.length === 0 ? null : ends.reduce((a, b) => (a > b ? a : b));
      return [code, { fraction: coveredFraction(year, latestEnd, today), latestEnd }];
    }),
  );
}

export const levelDepth = (level: TTargetLevel) => TARGET_LEVELS.indexOf(level);
