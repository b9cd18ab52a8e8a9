import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { buildUrl } from '#contracts/endpoint.ts';
import { petitionEndpoints, type TCaseCreate, type TCaseListQuery, type ZCaseAction } from '#contracts/petitions/api.ts';
import { call } from '../../api/client.ts';

const KEY = ['petitions'] as const;

/** Fields (lĩnh vực) of cases. */
export const usePetitionFields = () => useQuery({ queryKey: [...KEY, 'fields'], queryFn: () => call(petitionEndpoints.listFields, {}), staleTime: 300_000 });

/** A page of cases with the list's filters. */
export const useCases = (query: TCaseListQuery) =>
  useQuery({ queryKey: [...KEY, 'list', query], queryFn: () => call(petitionEndpoints.listCases, { query }), placeholderData: keepPreviousData });

/** Counts for the overdue panel and on-time figures over the same filters. */
export const useCaseCounts = (query: TCaseListQuery) =>
  useQuery({ queryKey: [...KEY, 'counts', query], queryFn: () => call(petitionEndpoints.countCases, { query }), placeholderData: keepPreviousData });

/** One case with its history and the actions the user may take. */
export const useCase = (id: string) => useQuery({ queryKey: [...KEY, 'case', id], queryFn: () => call(petitionEndpoints.getCase, { params: { id } }) });

/** Candidate duplicates of a received case. */
export const useCaseDuplicates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'duplicates', id], queryFn: () => call(petitionEndpoints.caseDuplicates, { params: { id } }), enabled });

/** Receives a case. */
export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCaseCreate) => call(petitionEndpoints.createCase, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Candidate duplicates before an intake (same person, similar subject). */
export const useCheckDuplicates = () =>
  useMutation({ mutationFn: (body: Pick<TCaseCreate, 'kind' | 'unitId' | 'subject' | 'persons'>) => call(petitionEndpoints.checkDuplicates, { body }) });

/** One step on a case; the page shows the case as answered. */
export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCaseAction>) => call(petitionEndpoints.actOnCase, { params: { id }, body }),
    onSuccess: (data) => {
      client.setQueryData([...KEY, 'case', id], data);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'counts'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'duplicates', id] });
    },
  });
}

/** Reads a denouncer's identity with a declared need (audited); the answer is kept only in this page's state. */
export const useRevealIdentity = (id: string) =>
  useMutation({ mutationFn: (reason: string) => call(petitionEndpoints.revealIdentity, { params: { id }, body: { reason } }) });

/** The Excel file of the list (a plain link: the cookie goes with it; the server audits it). */
export const exportUrl = (query: TCaseListQuery) => buildUrl(petitionEndpoints.exportCases.path, undefined, query);
