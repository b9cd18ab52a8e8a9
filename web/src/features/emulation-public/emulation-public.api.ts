import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { publicEmulationEndpoints as endpoints, type TPublicModelQuery } from '#contracts/emulation/public.ts';
import { call } from '../../api/client.ts';

export const usePublicProvinces = () =>
  useQuery({ queryKey: ['dvk', 'provinces'], queryFn: () => call(endpoints.publicProvinces), staleTime: 5 * 60_000 });

export const usePublicModels = (provinceId: number, query: TPublicModelQuery) =>
  useQuery({
    queryKey: ['dvk', 'models', provinceId, query],
    queryFn: () => call(endpoints.publicModels, { params: { provinceId }, query }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const usePublicModel = (provinceId: number, modelId: string) =>
  useQuery({
    queryKey: ['dvk', 'model', provinceId, modelId],
    queryFn: () => call(endpoints.publicModel, { params: { provinceId, modelId } }),
    staleTime: 60_000,
  });

/** The address of a published photo (served with its type; a browser keeps it an hour). */
export const photoUrl = (provinceId: number, photoId: string) => `/api/public/emulation/provinces/${provinceId}/photos/${photoId}`;
