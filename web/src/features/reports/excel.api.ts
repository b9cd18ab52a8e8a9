import { useMutation, useQueryClient } from '@tanstack/react-query';
import { buildUrl } from '#contracts/endpoint.ts';
import { excelEndpoints } from '#contracts/indicators/excel.api.ts';
import { call } from '../../api/client.ts';

/** Where the browser downloads a template (a plain link: the session cookie goes with it). */
export const templateUrl = (dataSetId: number, period: string, unitId: number, scope: 'unit' | 'subtree') =>
  buildUrl(excelEndpoints.excelTemplate.path, { dataSetId }, { period, unitId, scope });

/** Uploads a filled template: a preview (dryRun), or the commit, which refreshes forms and completeness. */
export function useExcelUpload(dataSetId: number, period: string, dryRun: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => call(excelEndpoints.excelUpload, { params: { dataSetId }, query: { period, dryRun: dryRun ? 'true' : 'false' }, file }),
    onSuccess: () => (dryRun ? undefined : client.invalidateQueries({ queryKey: ['indicators'] })),
  });
}
