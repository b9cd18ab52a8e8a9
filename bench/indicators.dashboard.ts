/**
 * Dashboard reads of the indicators benchmark: "children of a unit, 12-month range, one indicator with two
 * operands" for a province and for the nation, as (1) the raw-SQL aggregate over data_value ⋈ admin_unit, (2) the
 * data_total read alone, (3) the dashboard's repository work (children on asOf + totals + the ratio per child),
 * (4) GET /api/indicators/dashboard/children through the app when that route is registered.
 */
import type { RollupView } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import type { BenchDatabase, RawClient } from './db.ts';
import { rawChildSums, readChildTotals, sumChildTotals, sumChildTotalsInLists, tableUnits, type ChildSum } from './indicators.repository.ts';
import { measure, type Variant } from './measure.ts';
import { quantile } from './report.ts';

/** An HTTP client signed in, and the path of the dashboard route (undefined: the route is not in this build). */
export interface DashboardHttp {
  get(path: string): Promise<unknown>;
}

export interface DashboardCase {
  label: string;
  /** null = the nation. */
  parent: { id: number; path: string } | null;
  provinceIds: readonly number[];
  scope: Scope;
  /** Signed-in client allowed to read this case over HTTP (a province admin, or a system admin for the nation). */
  http?: DashboardHttp;
  /** The same client on the bare node:http baseline (bench/baseline-server.ts): session lookup + the raw SQL, JSON. */
  bare?: DashboardHttp;
}

/** Path of the bare baseline's route for a case (its raw SQL's arguments in the query string). */
export const BARE_DASHBOARD_ROUTE = '/raw/indicator-dashboard';
export const bareDashboardPath = (parentPath: string, provinceIds: readonly number[], elementIds: readonly number[], periods: readonly string[]) =>
  `${BARE_DASHBOARD_ROUTE}?parentPath=${encodeURIComponent(parentPath)}&provinceIds=${provinceIds.join(',')}&elementIds=${elementIds.join(',')}&periods=${periods.join(',')}`;

export interface DashboardSubject {
  indicatorId: number;
  receivedId: number;
  resolvedId: number;
  periods: readonly string[];
  asOf: string;
  view: RollupView;
}

/** Numerator and denominator per child from operand sums: N = Σ resolved, D = Σ received (every option combo). */
export function indicatorByChild(sums: readonly ChildSum[], subject: Pick<DashboardSubject, 'receivedId' | 'resolvedId'>): Map<number, { n: number; d: number; value: number | null }> {
  const result = new Map<number, { n: number; d: number; value: number | null }>();
  for (const sum of sums) {
    const row = result.get(sum.unitId) ?? { n: 0, d: 0, value: null };
    if (sum.dataElementId === subject.resolvedId) row.n += sum.sum;
    if (sum.dataElementId === subject.receivedId) row.d += sum.sum;
    result.set(sum.unitId, row);
  }
  for (const row of result.values()) row.value = row.d === 0 ? null : Math.round((1000 * row.n) / row.d) / 10;
  return result;
}

/** The same figures from both sources, or an error naming the first child that differs. */
function assertSameFigures(label: string, raw: Map<number, { n: number; d: number }>, totals: Map<number, { n: number; d: number }>): void {
  for (const [unitId, expected] of raw) {
    const got = totals.get(unitId);
    if (!got || Math.abs(got.n - expected.n) > 1e-6 || Math.abs(got.d - expected.d) > 1e-6) {
      throw new Error(`${label}: totals disagree with the values for unit ${unitId}: ${JSON.stringify({ raw: expected, totals: got })}`);
    }
  }
}

export interface DashboardResult {
  label: string;
  children: number;
  /** variant name → samples (ms) and rows returned */
  variants: { name: string; rows: number; p50: number; p95: number }[];
  rawP95: number;
  /** p95 of the bare node:http baseline (session lookup + raw SQL + JSON), when measured. */
  bareP95: number | null;
  /** p95 of the dashboard as the user gets it: HTTP when available, else the repository work. */
  dashboardP95: number;
  dashboardVariant: string;
}

export const dashboardPath = (subject: DashboardSubject, parentId: number | null) =>
  `/api/indicators/dashboard/children?indicatorId=${subject.indicatorId}${parentId === null ? '' : `&unitId=${parentId}`}` +
  `&from=${subject.periods[0]}&to=${subject.periods.at(-1)}&asOf=${subject.asOf}`;

export async function measureDashboard(bench: BenchDatabase, subject: DashboardSubject, c: DashboardCase, runs: number): Promise<DashboardResult> {
  const { db } = bench.handle;
  const elementIds = [subject.receivedId, subject.resolvedId];
  const args = { parentId: c.parent?.id ?? null, provinceId: c.parent ? (c.provinceIds[0] as number) : null, asOf: subject.asOf, view: subject.view, elementIds, periods: subject.periods };
  const first = await readChildTotals(db, c.scope, args);
  const filter = {
    units: tableUnits(first.children, c.parent ? { id: c.parent.id, provinceId: c.provinceIds[0] as number } : null),
    view: subject.view,
    elementIds,
    periods: subject.periods,
  };
  const rawArgs = { parentPath: c.parent?.path ?? '', provinceIds: c.provinceIds, elementIds, periods: subject.periods };
  assertSameFigures(c.label, indicatorByChild(await rawChildSums(bench.raw, rawArgs), subject), indicatorByChild(first.sums, subject));

  const variants: Variant[] = [
    { name: 'raw SQL: data_value ⋈ admin_unit, group by child', run: async () => (await rawChildSums(bench.raw, rawArgs)).length },
    { name: 'totals read: data_total of the children', run: async () => (await sumChildTotals(db, c.scope, filter)).length },
    { name: 'totals read, plain IN lists (for comparison)', run: async () => (await sumChildTotalsInLists(db, c.scope, filter)).length },
    {
      name: 'dashboard, repository: children + totals + ratio',
      run: async () => {
        const read = await readChildTotals(db, c.scope, args);
        return indicatorByChild(read.sums, subject).size;
      },
    },
  ];
  if (c.bare) {
    const bare = c.bare;
    const path = bareDashboardPath(rawArgs.parentPath, rawArgs.provinceIds, elementIds, subject.periods);
    const answer = (await bare.get(path)) as { rows: { unitId: number; n: number; d: number }[] };
    assertSameFigures(`${c.label} (bare node:http)`, indicatorByChild(await rawChildSums(bench.raw, rawArgs), subject), new Map(answer.rows.map((row) => [row.unitId, row])));
    variants.push({ name: 'bare node:http + session lookup + raw SQL', run: async () => ((await bare.get(path)) as { rows: unknown[] }).rows.length });
  }
  if (c.http) {
    const http = c.http;
    const path = dashboardPath(subject, c.parent?.id ?? null);
    variants.push({ name: 'dashboard, HTTP GET …/dashboard/children', run: async () => ((await http.get(path)) as { rows: unknown[] }).rows.length });
  }
  const { samples, sizes } = await measure(variants, runs, 3);
  const rows = variants.map((variant) => {
    const list = samples.get(variant.name) ?? [];
    return { name: variant.name, rows: sizes.get(variant.name) ?? 0, p50: quantile(list, 0.5), p95: quantile(list, 0.95) };
  });
  const dashboard = rows.at(-1) as (typeof rows)[number];
  return {
    label: c.label,
    children: first.children.length,
    variants: rows,
    rawP95: rows[0]?.p95 ?? Number.NaN,
    bareP95: rows.find((row) => row.name.startsWith('bare'))?.p95 ?? null,
    dashboardP95: dashboard.p95,
    dashboardVariant: dashboard.name,
  };
}

/**
 * The bare baseline's route: after the session lookup, the raw aggregate and the ratio per child, as a hand-written
 * endpoint would answer it (no framework, no validation, no ORM).
 */
export function bareDashboardRoute(raw: RawClient, subject: Pick<DashboardSubject, 'receivedId' | 'resolvedId'>) {
  return async (_raw: RawClient, query: URLSearchParams) => {
    const ids = (name: string) => (query.get(name) ?? '').split(',').filter(Boolean).map(Number);
    const sums = await rawChildSums(raw, {
      parentPath: query.get('parentPath') ?? '',
      provinceIds: ids('provinceIds'),
      elementIds: ids('elementIds'),
      periods: (query.get('periods') ?? '').split(',').filter(Boolean),
    });
    return { rows: [...indicatorByChild(sums, subject)].map(([unitId, figures]) => ({ unitId, ...figures })) };
  };
}
