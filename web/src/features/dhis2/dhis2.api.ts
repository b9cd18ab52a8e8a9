import { useMutation } from '@tanstack/react-query';
import { buildUrl } from '#contracts/endpoint.ts';
import { dhis2Endpoints, ZImportSummary, type TIdScheme, type TImportStrategy, type TImportSummary } from '#contracts/indicators/dhis2.api.ts';
import type { TJob } from '#contracts/jobs.ts';
import { call } from '../../api/client.ts';

export interface ImportChoices {
  dryRun: boolean;
  importStrategy: TImportStrategy;
  idScheme: TIdScheme;
  /** A data set's identifier, for a CSV file. */
  dataSet: string;
}

/** Uploads a file; the answer is the job that imports it. */
export const useStartImport = () =>
  useMutation({
    mutationFn: ({ file, choices }: { file: File; choices: ImportChoices }) =>
      call(dhis2Endpoints.importDataValueSets, {
        file,
        query: {
          dryRun: String(choices.dryRun),
          importStrategy: choices.importStrategy,
          idScheme: choices.idScheme,
          ...(choices.dataSet ? { dataSet: choices.dataSet } : {}),
        },
      }),
  });

/** The ImportSummary a finished import job holds (also a failed one: a file refused as a whole). */
export const summaryOf = (job: TJob | null | undefined): TImportSummary | null => (job?.result ? (ZImportSummary.safeParse(job.result).data ?? null) : null);

export interface ExportChoices {
  dataSet: string;
  startDate: string;
  endDate: string;
  orgUnit: string;
  children: boolean;
  idScheme: TIdScheme;
}

/** The address of an export (a download link: the browser sends the session cookie). */
export function exportUrl(format: 'json' | 'csv', choices: ExportChoices): string {
  const endpoint = format === 'json' ? dhis2Endpoints.exportDataValueSetsJson : dhis2Endpoints.exportDataValueSetsCsv;
  return buildUrl(endpoint.path, undefined, { ...choices, children: String(choices.children) });
}
