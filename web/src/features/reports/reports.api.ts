import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { reportEndpoints, type ZTransitionInput } from '#contracts/indicators/reports.api.ts';
import { call } from '../../api/client.ts';

/** Data sets the user reports or reviews. */
export const useDataSets = () => useQuery({ queryKey: ['indicators', 'data-sets'], queryFn: () => call(metadataEndpoints.listDataSets, {}) });

/** Who has reported a data set for a period under a unit (default: the user's own unit). */
export const useCompleteness = (dataSetId: number | undefined, period: string | undefined, unitId?: number) =>
  useQuery({
    queryKey: ['indicators', 'completeness', dataSetId, period, unitId ?? null],
    queryFn: () => call(reportEndpoints.completeness, { query: { dataSetId: dataSetId as number, period: period as string, unitId } }),
    enabled: dataSetId !== undefined && period !== undefined,
  });

/** The entry form of a report. */
export const useReportForm = (dataSetId: number, unitId: number, period: string) =>
  useQuery({
    queryKey: ['indicators', 'form', dataSetId, unitId, period],
    queryFn: () => call(reportEndpoints.getForm, { params: { dataSetId }, query: { unitId, period } }),
  });

/** Submit, accept, approve, return or unapprove; refreshes forms and completeness. */
export function useTransition(reportId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZTransitionInput>) => call(reportEndpoints.transitionReport, { params: { id: reportId as string }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}
