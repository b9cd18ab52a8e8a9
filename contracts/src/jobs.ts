import { z } from 'zod';
import { ZRowError } from './common.ts';
import { endpoint } from './endpoint.ts';

/** Id of a UUIDv7 row (jobs, attachments, other big tables). */
export const ZUuid = z.uuid();
export const ZUuidParams = z.object({ id: ZUuid });

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

/**
 * What a finished import (or export) reports. Loose: a module's job may add its own fields (the DHIS2 import's
 * ImportSummary), described by that module's contract.
 */
export const ZJobResult = z.looseObject({
  /** Rows written. */
  created: z.number().int().optional(),
  /** Row errors that stopped an import (nothing was written). */
  errors: z.array(ZRowError).optional(),
  /** A generated file (export), downloadable at /api/files/:id. */
  attachmentId: ZUuid.optional(),
});

/** A background job as its owner watches it: status and progress (rows done of total, total null until known). */
export const ZJob = z.object({
  id: ZUuid,
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** What it works on, e.g. 'admin_unit:123'. */
  target: z.string(),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  result: ZJobResult.nullable(),
  /** Vietnamese message when failed. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobListQuery = z.object({
  /** 'admin_unit:123', 'organization:45': the jobs the signed-in user started on it, newest first. */
  target: z.string().min(3).max(100),
});

export const jobEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: 'One background job: status, progress (done/total), result or error',
    params: ZUuidParams,
    response: ZJob,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/jobs',
    summary: 'The latest jobs the signed-in user started on a target (so a page finds a running import after a reload)',
    query: ZJobListQuery,
    response: z.array(ZJob),
  }),
};
