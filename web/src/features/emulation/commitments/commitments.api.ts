import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { buildUrl } from '#contracts/endpoint.ts';
import { commitmentEndpoints as e, type ZCommitmentBreachInput, type ZCommitmentCountInput } from '#contracts/emulation/commitment.api.ts';
import { campaignEndpoints } from '#contracts/emulation/campaign.ts';
import { call } from '../../../api/client.ts';

const KEY = ['emulation', 'commitments'] as const;

export const useCampaigns = () => useQuery({ queryKey: ['emulation', 'campaigns', 'all'], queryFn: () => call(campaignEndpoints.listCampaigns, { query: {} }) });
export const useCampaign = (id: number | null) =>
  useQuery({ queryKey: ['emulation', 'campaigns', id], queryFn: () => call(campaignEndpoints.getCampaign, { params: { id: id as number } }), enabled: id !== null });

export const useFigures = (campaignId: number, by: 'commune' | 'body') =>
  useQuery({ queryKey: [...KEY, 'figures', campaignId, by], queryFn: () => call(e.commitmentFigures, { query: { campaignId, by } }), placeholderData: keepPreviousData });
export const useCounts = (campaignId: number, filter: { commitmentId?: number; registrantKind?: 'agency' | 'cadre' | 'household' }) =>
  useQuery({ queryKey: [...KEY, 'counts', campaignId, filter], queryFn: () => call(e.listCommitmentCounts, { query: { campaignId, ...filter } }), placeholderData: keepPreviousData });
export const useCountHistory = (id: string | null) =>
  useQuery({ queryKey: [...KEY, 'history', id], queryFn: () => call(e.commitmentCountHistory, { params: { id: id as string } }), enabled: id !== null });
export const useBreaches = (campaignId: number) => useQuery({ queryKey: [...KEY, 'breaches', campaignId], queryFn: () => call(e.listCommitmentBreaches, { query: { campaignId } }) });

/** A write that refreshes every commitments list and the figures. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveCount = () => useWrite((body: z.input<typeof ZCommitmentCountInput>) => call(e.saveCommitmentCount, { body }));
export const useRecordBreach = () => useWrite((body: z.input<typeof ZCommitmentBreachInput>) => call(e.recordCommitmentBreach, { body }));

/** Where the browser downloads the template (a plain link: the session cookie goes with it). */
export const templateUrl = (campaignId: number, unitId: number) => buildUrl(e.commitmentTemplate.path, undefined, { campaignId, unitId });

/** Uploads a filled template: a preview (dryRun) or the commit. */
export function useUpload(campaignId: number, unitId: number, dryRun: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => call(e.commitmentUpload, { query: { campaignId, unitId, dryRun: dryRun ? 'true' : 'false' }, file }),
    onSuccess: () => (dryRun ? undefined : client.invalidateQueries({ queryKey: KEY })),
  });
}
