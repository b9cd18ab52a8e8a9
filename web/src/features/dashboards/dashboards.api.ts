import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildUrl } from '#contracts/endpoint.ts';
import { dashboardEndpoints, type TDashboardQuery } from '#contracts/indicators/dashboard.api.ts';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { call } from '../../api/client.ts';

/** Indicators the user may open (national ones and those of units in or above their scope). */
export const useIndicators = () =>
  useQuery({ queryKey: ['indicators', 'list'], queryFn: () => call(metadataEndpoints.listIndicators), staleTime: 60_000 });

/** The unit's children with the indicator over the range, furthest from the target first. */
export const useDashboardChildren = (query: TDashboardQuery | null) =>
  useQuery({
    queryKey: ['indicators', 'dashboard', 'children', query],
    queryFn: () => call(dashboardEndpoints.dashboardChildren, { query: query as TDashboardQuery }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

/** The indicator per period at the unit. */
export const useDashboardTrend = (query: TDashboardQuery | null) =>
  useQuery({
    queryKey: ['indicators', 'dashboard', 'trend', query],
    queryFn: () => call(dashboardEndpoints.dashboardTrend, { query: query as TDashboardQuery }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

/** Province outlines (static data): fetched once per visit. */
export const useProvinceOutlines = (enabled: boolean) =>
  useQuery({ queryKey: ['indicators', 'outlines'], queryFn: () => call(dashboardEndpoints.provinceOutlines), enabled, staleTime: Infinity, gcTime: Infinity });

/** Address of the children table as an .xlsx (a plain link: the browser downloads it with the session cookie). */
export const exportUrl = (query: TDashboardQuery) => buildUrl(dashboardEndpoints.dashboardChildrenXlsx.path, undefined, query);
