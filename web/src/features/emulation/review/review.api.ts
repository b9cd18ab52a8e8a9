import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { reviewEndpoints as e, type ZConcludeInput, type ZNominationInput, type ZScoresInput, type ZWithdrawInput } from '#contracts/emulation/review.api.ts';
import { call } from '../../../api/client.ts';

const KEY = ['emulation', 'review'] as const;

/** The campaign's scoring sheet, or null before it is made. */
export const useReviewSheet = (campaignId: number) =>
  useQuery({ queryKey: [...KEY, 'sheet', campaignId], queryFn: () => call(e.getReviewSheet, { params: { campaignId } }) });

/** Nominations of the campaign the user reads, ranked per reviewing unit and kind. */
export const useNominations = (campaignId: number, filter: { kind?: 'collective' | 'individual' | undefined; q?: string | undefined }) =>
  useQuery({
    queryKey: [...KEY, 'nominations', campaignId, filter],
    queryFn: () => call(e.listNominations, { params: { campaignId }, query: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.q ? { q: filter.q } : {}) } }),
    placeholderData: keepPreviousData,
  });

/** Models of the campaign the user may put forward, with the units that may review each. */
export const useNominable = (campaignId: number, q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'nominable', campaignId, q],
    queryFn: () => call(e.listNominable, { params: { campaignId }, query: q ? { q } : {} }),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useNomination = (id: string) => useQuery({ queryKey: [...KEY, 'nomination', id], queryFn: () => call(e.getNomination, { params: { id } }) });

function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateSheet = (campaignId: number) => useWrite((passPercent: number) => call(e.createReviewSheet, { params: { campaignId }, body: { passPercent } }));
export const useUpdateSheet = (campaignId: number) =>
  useWrite((body: { version: number; passPercent: number }) => call(e.updateReviewSheet, { params: { campaignId }, body }));
export const useNominate = (campaignId: number) =>
  useWrite((body: z.input<typeof ZNominationInput>) => call(e.createNomination, { params: { campaignId }, body }));
export const useScore = (id: string) => useWrite((body: z.input<typeof ZScoresInput>) => call(e.scoreNomination, { params: { id }, body }));
export const useConclude = (id: string) => useWrite((body: z.input<typeof ZConcludeInput>) => call(e.concludeNomination, { params: { id }, body }));
export const useWithdraw = (id: string) => useWrite((body: z.input<typeof ZWithdrawInput>) => call(e.withdrawNomination, { params: { id }, body }));
