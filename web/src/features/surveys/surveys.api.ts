import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { buildUrl } from '#contracts/endpoint.ts';
import {
  surveyEndpoints,
  type TRespondentGroup,
  type TTabulationQuery,
  type TSurveyForm,
  type ZInvitationInput,
  type ZResponseCorrection,
  type ZResponseListQuery,
  type ZSurveyInput,
  type ZSurveyListQuery,
  type ZSurveyPatch,
  type ZSurveyTargetsInput,
  type ZVerifyInput,
} from '#contracts/surveys/api.ts';
import { call } from '../../api/client.ts';

const KEY = ['surveys'] as const;

/** Surveys in scope (and of the units above), by a search and status. */
export const useSurveys = (query: Partial<z.input<typeof ZSurveyListQuery>>) =>
  useQuery({ queryKey: [...KEY, 'list', query], queryFn: () => call(surveyEndpoints.list, { query }), placeholderData: keepPreviousData });

/**
 * One survey with its questionnaire, versions and targets. `untilCrossesReady`: read again every 2 s while a kept
 * cross question's tally is being built (crossTallies), so the page sees it become ready.
 */
export const useSurvey = (id: number, options: { untilCrossesReady?: boolean } = {}) =>
  useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => call(surveyEndpoints.get, { params: { id } }),
    enabled: id > 0,
    refetchInterval: (query) => (options.untilCrossesReady && query.state.data?.crossTallies?.some((c) => c.state === 'building') ? 2000 : false),
  });

export const useSurveyProgress = (id: number) =>
  useQuery({ queryKey: [...KEY, 'progress', id], queryFn: () => call(surveyEndpoints.progress, { params: { id } }), enabled: id > 0 });

export const useSurveyResponses = (id: number, query: Partial<z.input<typeof ZResponseListQuery>>) =>
  useQuery({
    queryKey: [...KEY, 'responses', id, query],
    queryFn: () => call(surveyEndpoints.responses, { params: { id }, query }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });

export const useTabulation = (id: number, query: Partial<TTabulationQuery>) =>
  useQuery({
    queryKey: [...KEY, 'tabulation', id, query],
    queryFn: () => call(surveyEndpoints.tabulation, { params: { id }, query }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });

/** Invalidates everything the surveys pages read (after any change). */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateSurvey() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: z.input<typeof ZSurveyInput>) => call(surveyEndpoints.create, { body }), onSuccess: refresh });
}

export function useUpdateSurvey(id: number) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: z.input<typeof ZSurveyPatch>) => call(surveyEndpoints.update, { params: { id }, body }), onSuccess: refresh });
}

export function useImportXlsForm(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      call(surveyEndpoints.importXlsForm, { params: { id }, query: { dryRun: dryRun ? 'true' : 'false' }, file }),
    onSuccess: (result) => {
      if (!result.dryRun && result.ok) void refresh();
    },
  });
}

export function useSetTargets(id: number) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: z.input<typeof ZSurveyTargetsInput>) => call(surveyEndpoints.setTargets, { params: { id }, body }), onSuccess: refresh });
}

export function usePublicLink(id: number) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (enabled: boolean) => call(surveyEndpoints.publicLink, { params: { id }, body: { enabled } }), onSuccess: refresh });
}

export function useInvitations(id: number) {
  return useMutation({ mutationFn: (body: z.input<typeof ZInvitationInput>) => call(surveyEndpoints.invitations, { params: { id }, body }) });
}

export function useVerify(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ responseId, body }: { responseId: string; body: z.input<typeof ZVerifyInput> }) => call(surveyEndpoints.verify, { params: { id, responseId }, body }),
    onSuccess: refresh,
  });
}

/** A new version of the questionnaire built in the UI. */
export function useAddVersion(id: number) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (form: TSurveyForm) => call(surveyEndpoints.addVersion, { params: { id }, body: { form } }), onSuccess: refresh });
}

/** One response (its answers as stored). */
export const useSurveyResponse = (id: number, responseId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'response', id, responseId],
    queryFn: () => call(surveyEndpoints.response, { params: { id, responseId: responseId as string } }),
    enabled: id > 0 && responseId !== null,
  });

/** The earlier states of a response (corrections, the settled double entry), oldest first. */
export const useResponseRevisions = (id: number, responseId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'revisions', id, responseId],
    queryFn: () => call(surveyEndpoints.revisions, { params: { id, responseId: responseId as string } }),
    enabled: id > 0 && responseId !== null,
  });

/** Corrects, accepts or rejects a response with a reason. */
export function useCorrect(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ responseId, body }: { responseId: string; body: z.input<typeof ZResponseCorrection> }) => call(surveyEndpoints.correct, { params: { id, responseId }, body }),
    onSuccess: refresh,
  });
}

/** Starts an import of responses (a background job: watched with useImportJob). */
export function useImportResponses(id: number) {
  return useMutation({
    mutationFn: ({ file, dryRun, unitId, respondentGroup }: { file: File; dryRun: boolean; unitId?: number | undefined; respondentGroup?: TRespondentGroup | undefined }) =>
      call(surveyEndpoints.importResponses, {
        params: { id },
        query: { dryRun: dryRun ? 'true' : 'false', ...(unitId !== undefined ? { unitId } : {}), ...(respondentGroup !== undefined ? { respondentGroup } : {}) },
        file,
      }),
  });
}

/** The address of a version's XLSForm (a plain link: the browser downloads the file). */
export const xlsFormUrl = (id: number, number: number) => buildUrl(surveyEndpoints.exportXlsForm.path, { id, number });

/** The address of the tabulation as an Excel workbook, with the page's filters. */
export const tabulationXlsxUrl = (id: number, query: Partial<TTabulationQuery>) => buildUrl(surveyEndpoints.tabulationXlsx.path, { id }, query);

/** The respondent's address of a public or personal link. */
export const respondUrl = (token: string) => `${globalThis.location?.origin ?? ''}/khao-sat/tra-loi/${token}`;
