import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fileEndpoints } from '#contracts/files.ts';
import { modelEndpoints, type TModelCreate, type TModelListQuery, type TModelStepInput, type TRecogniserQuery } from '#contracts/emulation/model.api.ts';
import { call } from '../../../api/client.ts';

const KEY = ['emulation', 'models'] as const;

/** A page of models with the list's filters. */
export const useModels = (query: TModelListQuery) =>
  useQuery({ queryKey: [...KEY, 'list', query], queryFn: () => call(modelEndpoints.listModels, { query }), placeholderData: keepPreviousData });

/** Counts by field × level over the same filters. */
export const useModelCounts = (query: TModelListQuery) =>
  useQuery({ queryKey: [...KEY, 'counts', query], queryFn: () => call(modelEndpoints.countModels, { query }), placeholderData: keepPreviousData });

/** Recognised models of the province another unit may replicate. */
export const useReplicable = (q: string, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'replicable', q], queryFn: () => call(modelEndpoints.listReplicable, { query: q ? { q } : {} }), enabled, placeholderData: keepPreviousData });

/** One model with its history, chain and the steps the user may take. */
export const useModel = (id: string) => useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => call(modelEndpoints.getModel, { params: { id } }) });

/** The units the user may name as recognising the model at a level on a date (their own unit first). */
export const useRecognisers = (id: string, query: TRecogniserQuery, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'recognisers', id, query], queryFn: () => call(modelEndpoints.listRecognisers, { params: { id }, query }), enabled });

/** Registers a model, then attaches its photo (if chosen) through the files platform. */
export function useCreateModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photo }: { body: TModelCreate; photo: File | null }) => {
      const model = await call(modelEndpoints.createModel, { body });
      if (photo) await call(fileEndpoints.upload, { query: { ownerType: 'emulation_model', ownerId: model.id }, file: photo });
      return model;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

/** One step on a model; the page shows the model as answered. */
export function useModelStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TModelStepInput) => call(modelEndpoints.addModelStep, { params: { id }, body }),
    onSuccess: (data) => {
      client.setQueryData([...KEY, 'one', id], data);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'counts'] });
    },
  });
}
