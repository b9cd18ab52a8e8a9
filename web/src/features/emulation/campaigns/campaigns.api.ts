import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { campaignEndpoints, type TCampaignListQuery, type ZCampaignInput, type ZCampaignUpdate } from '#contracts/emulation/campaign.ts';
import { campaignPackEndpoints, type ZCampaignPackLoadInput } from '#contracts/emulation/pack.ts';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { call } from '../../../api/client.ts';

const KEY = ['emulation', 'campaigns'] as const;

/** Campaigns the user may read (launched in or above their scope), by year, status and a search. */
export const useCampaigns = (query: Partial<TCampaignListQuery>) =>
  useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => call(campaignEndpoints.listCampaigns, { query }),
    placeholderData: keepPreviousData,
  });

/** One campaign with all its parts. */
export const useCampaign = (id: number) =>
  useQuery({ queryKey: [...KEY, 'detail', id], queryFn: () => call(campaignEndpoints.getCampaign, { params: { id } }), enabled: id > 0 });

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCampaignInput>) => call(campaignEndpoints.createCampaign, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateCampaign(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCampaignUpdate>) => call(campaignEndpoints.updateCampaign, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** The campaign packs shipped with the application. */
export const useCampaignPacks = (enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'packs'], queryFn: () => call(campaignPackEndpoints.listCampaignPacks, {}), enabled });

export function useLoadCampaignPack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCampaignPackLoadInput>) => call(campaignPackEndpoints.loadCampaignPack, { body }),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: KEY });
    },
  });
}

/** Programmes the user reads, to link a campaign to the one that launches it. */
export const useProgrammeChoices = () =>
  useQuery({ queryKey: ['programmes', 'list', {}], queryFn: () => call(programmeEndpoints.listProgrammes, { query: {} }) });

/** The units directly below the campaign's unit (participants), as of today. */
export const useChildUnits = (parentId: number | null) =>
  useQuery({
    queryKey: ['units', 'children', parentId, 'today'],
    queryFn: () => call(unitEndpoints.children, { query: { parentId: parentId ?? undefined } }),
    enabled: parentId !== null,
  });

/** The user's own unit (its level is the level of a campaign it launches). */
export const useUnitInfo = (id: number | null) =>
  useQuery({
    queryKey: ['units', 'detail', id, 'today'],
    queryFn: () => call(unitEndpoints.get, { params: { id: id ?? 0 }, query: {} }),
    enabled: id !== null,
  });
