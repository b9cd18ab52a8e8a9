import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  ZModelCounts, ZModelDetail, ZModelCreate, ZModelList, ZModelListQuery, ZModelParams, ZModelStepInput, ZRecogniser, ZRecogniserQuery, ZReplicable,
  ZReplicableQuery,
} from './model.schemas.ts';

export * from './model.schemas.ts';

/** Exemplary models: register, lifecycle steps, replication, lists and counts (issue 15, emu-models). */
export const modelEndpoints = {
  listModels: endpoint({
    method: 'GET',
    path: '/api/emulation/models',
    summary: 'Models of the units in scope: by campaign, field, kind, recognition level, status, unit subtree, replicas, text without diacritics',
    query: ZModelListQuery,
    response: ZModelList,
  }),
  countModels: endpoint({
    method: 'GET',
    path: '/api/emulation/models/counts',
    summary: 'Models in scope counted by field × recognition level over the list filters, with totals and replicas',
    query: ZModelListQuery,
    response: ZModelCounts,
  }),
  listReplicable: endpoint({
    method: 'GET',
    path: '/api/emulation/models/replicable',
    summary: 'Recognised models of the provinces in scope that another unit may replicate (public part only)',
    query: ZReplicableQuery,
    response: z.array(ZReplicable),
  }),
  createModel: endpoint({
    method: 'POST',
    path: '/api/emulation/models',
    summary: 'Register a model (or a replica of a recognised model of another unit): owner from the registry, where, start, what changed',
    body: ZModelCreate,
    response: ZModelDetail,
  }),
  getModel: endpoint({
    method: 'GET',
    path: '/api/emulation/models/:id',
    summary: 'A model with its step history, its replication chain both ways and the steps the reader may take',
    params: ZModelParams,
    response: ZModelDetail,
  }),
  listRecognisers: endpoint({
    method: 'GET',
    path: '/api/emulation/models/:id/recognisers',
    summary: 'Units the reader may name as recognising the model at a level on a date: of that level, in force, above the model, in scope',
    params: ZModelParams,
    query: ZRecogniserQuery,
    response: z.array(ZRecogniser),
  }),
  addModelStep: endpoint({
    method: 'POST',
    path: '/api/emulation/models/:id/steps',
    summary: 'One dated, immutable step: building, public review (votes), recognition at a level (decision), commendation, withdrawal, publication, documents',
    params: ZModelParams,
    body: ZModelStepInput,
    response: ZModelDetail,
  }),
};
