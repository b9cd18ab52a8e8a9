import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { hotspotEndpoints, portalEndpoints, type THotspotQuery } from '#contracts/petitions/portal.api.ts';
import { call } from '../../api/client.ts';

export const useProvinces = () => useQuery({ queryKey: ['portal', 'provinces'], queryFn: () => call(portalEndpoints.provinces), staleTime: Infinity });

export const useCommunes = (provinceId: number | null) =>
  useQuery({
    queryKey: ['portal', 'communes', provinceId],
    queryFn: () => call(portalEndpoints.communes, { params: { id: provinceId as number } }),
    enabled: provinceId !== null,
    staleTime: Infinity,
  });

/** The form's token and the province's fields: asked again when the province changes (the token's time starts then). */
export const usePortalForm = (provinceId: number | null) =>
  useQuery({
    queryKey: ['portal', 'form', provinceId],
    queryFn: () => call(portalEndpoints.form, { query: provinceId === null ? {} : { provinceId } }),
    staleTime: Infinity,
  });

export const useHotspots = (query: THotspotQuery) =>
  useQuery({ queryKey: ['petitions', 'hotspots', query], queryFn: () => call(hotspotEndpoints.hotspots, { query }), placeholderData: keepPreviousData });
