import { useSearchParams } from 'react-router';
import type { TDashboardQuery } from '#contracts/indicators/dashboard.api.ts';
import { parsePeriod, periodContaining, periodsBetween, previousPeriod, type PeriodType } from '#contracts/indicators/period.ts';
import { todayInVietnam } from '../../i18n/format.ts';

/** What the page shows, kept in the address (?indicator=&unit=&from=&to=&asOf=) so a link or a reload shows the same. */
export interface DashboardParams {
  indicatorId: number | null;
  unitId: number | null;
  from: string;
  to: string;
  asOf: string | null;
}

const positive = (value: string | null) => (value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null);

/** The twelve months before the current one: last month is the latest one reported in full. */
export function defaultRange(today: string, type: PeriodType = 'monthly'): { from: string; to: string } {
  const to = previousPeriod(periodContaining(today, type));
  const back = type === 'monthly' ? 11 : type === 'quarterly' ? 3 : type === 'six_monthly' ? 1 : 0;
  let from = to;
  for (let i = 0; i < back; i++) from = previousPeriod(from);
  return { from, to };
}

/** Reads the address; a missing or broken range falls back to the default one. */
export function readParams(search: URLSearchParams, today: string): DashboardParams {
  const from = parsePeriod(search.get('from') ?? '');
  const to = parsePeriod(search.get('to') ?? '');
  const range = from && to && from.type === to.type && periodsBetween(from.id, to.id).length > 0 ? { from: from.id, to: to.id } : defaultRange(today);
  const asOf = search.get('asOf');
  return {
    indicatorId: positive(search.get('indicator')),
    unitId: positive(search.get('unit')),
    ...range,
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
  };
}

/** The address of the page for these parameters (drill-down links, breadcrumb). */
export function dashboardHref(params: DashboardParams): string {
  const search = new URLSearchParams();
  if (params.indicatorId !== null) search.set('indicator', String(params.indicatorId));
  if (params.unitId !== null) search.set('unit', String(params.unitId));
  search.set('from', params.from);
  search.set('to', params.to);
  if (params.asOf) search.set('asOf', params.asOf);
  return `/periodic-reports/dashboard?${search.toString()}`;
}

/** The API query for these parameters, or null until an indicator is chosen. */
export function toQuery(params: DashboardParams): TDashboardQuery | null {
  if (params.indicatorId === null) return null;
  return {
    indicatorId: params.indicatorId,
    ...(params.unitId !== null ? { unitId: params.unitId } : {}),
    from: params.from,
    to: params.to,
    ...(params.asOf ? { asOf: params.asOf } : {}),
  };
}

/** The page's parameters and a setter that keeps the others. */
export function useDashboardParams() {
  const [search, setSearch] = useSearchParams();
  const params = readParams(search, todayInVietnam());
  const update = (change: Partial<DashboardParams>) => {
    const next = { ...params, ...change };
    setSearch(new URLSearchParams(dashboardHref(next).split('?')[1]), { replace: false });
  };
  return { params, update };
}
