import { z } from 'zod';
import { ZBackfill, ZBackfillQuery, ZDate, ZId, ZIdParams, ZOk, ZRowError, zString, zText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZUuid } from './jobs.ts';

/** '2019' = province → district → commune (until 2025-06-30); '2025' = province → commune (from 2025-07-01). */
export const ZStructure = z.enum(['2019', '2025']);
export type TStructure = z.infer<typeof ZStructure>;

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export const ZUnitLevel = z.enum(UNIT_LEVELS);
export type TUnitLevel = z.infer<typeof ZUnitLevel>;

/** Local names for villages (not in official data; chosen by the commune). */
export const VILLAGE_TYPES = ['thôn', 'bản', 'làng', 'buôn', 'ấp', 'khóm', 'khu phố', 'tổ dân phố', 'khu dân cư', 'xóm'] as const;
export const ZVillageType = z.enum(VILLAGE_TYPES);

/** An administrative unit as it stood on the requested date. */
export const ZUnit = z.object({
  id: ZId,
  structure: ZStructure,
  /** Official code (string: '01' ≠ '001'); null for villages. */
  code: z.string().nullable(),
  name: z.string(),
  fullName: z.string(),
  level: ZUnitLevel,
  /** tỉnh, thành phố trung ương, huyện, quận, thị xã, thành phố, xã, phường, thị trấn, đặc khu, or a village type. */
  type: z.string(),
  parentId: ZId.nullable(),
  validFrom: ZDate.nullable(),
  validTo: ZDate.nullable(),
  /** Live children on the requested date. */
  childCount: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;

/** A unit in a list of children: also whether any organisation is recorded in it or under it. */
export const ZUnitChild = ZUnit.extend({ hasOrganizations: z.boolean() });
export type TUnitChild = z.infer<typeof ZUnitChild>;

/** `asOf` picks the structure and names in force that day; default today. */
export const ZAsOfQuery = z.object({ asOf: ZDate.optional() });

export const ZUnitChildrenQuery = ZAsOfQuery.extend({
  /** Children of this unit; without it, the top units the user may see. */
  parentId: ZId.optional(),
});

export const ZUnitSearchQuery = ZAsOfQuery.extend({
  /**
   * Any part of the name, with or without diacritics ("quang tri" finds "Quảng Trị"), its initials forms ("tp hcm",
   * "hcm", "brvt"), an earlier official name or a common one ("tt huế"). Units not in force on `asOf` come last.
   */
  q: zString().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const ZUnitRef = z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel, structure: ZStructure });
export type TUnitRef = z.infer<typeof ZUnitRef>;

export const ZUnitSearchHit = ZUnit.extend({
  /** Ancestors root first, for "Xã A, Huyện B, Tỉnh C". */
  ancestors: z.array(ZUnitRef),
  /** The name that matched when it is not the unit's name on `asOf`: an earlier or later official name, or a common one. */
  matchedName: z.string().nullable(),
  /** For a unit not in force on `asOf` (ended): the units it went into. */
  successors: z.array(ZUnitRef),
});
export type TUnitSearchHit = z.infer<typeof ZUnitSearchHit>;

export const ZSuccessionLink = z.object({
  unit: ZUnitRef,
  /** 'moved': the same commune under another district from that day (each parent period is a unit of its own). */
  kind: z.enum(['merged', 'split', 'moved']),
  effectiveDate: ZDate,
  /** 'likely': the successor is inferred, not published ("có thể là …"); such a link grants no access until confirmed. */
  certainty: z.enum(['certain', 'likely']),
  /** The resolution that made the change (e.g. 832/NQ-UBTVQH14); null for the 2025 reform. */
  instrument: z.string().nullable(),
  /** A likely link a system administrator confirmed or set (with a reason): it then grants access like a certain one. */
  confirmed: z.boolean(),
  /** The other unit's parent (for a move: the district it came from or went to); null for a province. */
  parentName: z.string().nullable(),
});

export const ZUnitDetail = z.object({
  unit: ZUnit,
  ancestors: z.array(ZUnitRef),
  /** Units that went (wholly or partly) into this one. */
  predecessors: z.array(ZSuccessionLink),
  /** Units this one went into. */
  successors: z.array(ZSuccessionLink),
  /** Earlier names and types of this unit (e.g. xã → phường), with the resolution that changed them. */
  history: z.array(z.object({ fullName: z.string(), type: z.string(), validFrom: ZDate.nullable(), validTo: ZDate, act: z.string().nullable() })),
  /** The resolution that created the unit (or moved it under its parent) on validFrom, when known. */
  createdAct: z.string().nullable(),
  /** An official unit that ended without a known successor ("chưa xác định đơn vị kế thừa"). */
  successorUnknown: z.boolean(),
});
export type TUnitDetail = z.infer<typeof ZUnitDetail>;

/** Sets the successor of an ended unit whose successor is unknown or only likely (system administrator, audited). */
export const ZSetSuccessorRequest = z.object({
  successorId: ZId,
  /** Why: the resolution or document that shows it. */
  reason: zText(500, 5),
});

/** Confirms a likely successor (system administrator, audited). */
export const ZConfirmSuccessorRequest = z.object({ reason: zText(500, 5) });

export const ZCreateVillageRequest = z.object({
  name: zText(200),
  type: ZVillageType,
  /** A system administrator adds a village to an ended commune's history (common.ts, ZBackfill). */
  backfill: ZBackfill,
});

export const ZVillageImportRow = z.object({ row: z.number().int(), name: z.string(), type: z.string() });

/** Preview (dryRun) or result of a village import: nothing is written when `errors` is not empty. */
export const ZVillageImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(ZVillageImportRow),
  errors: z.array(ZRowError),
  created: z.number().int(),
  /** A commit runs as a background job: watch it at GET /api/jobs/:id. Null for a preview. */
  jobId: ZUuid.nullable(),
});
export type TVillageImportResult = z.infer<typeof ZVillageImportResult>;

export const ZImportQuery = z.object({
  /** true = check and preview only. */
  dryRun: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** true = a system administrator imports into the history of an ended unit or organisation (ZBackfill). */
  backfill: ZBackfillQuery,
});

export const unitEndpoints = {
  children: endpoint({
    method: 'GET',
    path: '/api/units',
    summary: 'Children of a unit (or the top units in scope) as of a date, by name in Vietnamese order',
    query: ZUnitChildrenQuery,
    response: z.array(ZUnitChild),
  }),
  search: endpoint({
    method: 'GET',
    path: '/api/units/search',
    summary: 'Search units in scope by name, diacritics optional',
    query: ZUnitSearchQuery,
    response: z.array(ZUnitSearchHit),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/units/:id',
    summary: 'One unit with ancestors, predecessors, successors and name history',
    params: ZIdParams,
    query: ZAsOfQuery,
    response: ZUnitDetail,
  }),
  setSuccessor: endpoint({
    method: 'POST',
    path: '/api/units/:id/successor',
    summary: 'Set the successor of an ended unit whose successor is unknown or likely (never one of a published resolution)',
    params: ZIdParams,
    body: ZSetSuccessorRequest,
    response: ZUnitDetail,
  }),
  confirmSuccessor: endpoint({
    method: 'POST',
    path: '/api/units/:id/successors/:successorId/confirm',
    summary: 'Confirm a likely successor of an ended unit: the link then grants access to its records',
    params: z.object({ id: ZId, successorId: ZId }),
    body: ZConfirmSuccessorRequest,
    response: ZUnitDetail,
  }),
  createVillage: endpoint({
    method: 'POST',
    path: '/api/units/:id/villages',
    summary: 'Add a village to a commune',
    params: ZIdParams,
    body: ZCreateVillageRequest,
    response: ZUnit,
  }),
  importVillages: endpoint({
    method: 'POST',
    path: '/api/units/:id/villages/import',
    summary: 'Import villages of a commune from .xlsx or .csv (columns: Tên, Loại); dryRun previews',
    params: ZIdParams,
    query: ZImportQuery,
    multipart: true,
    response: ZVillageImportResult,
  }),
  closeVillage: endpoint({
    method: 'POST',
    path: '/api/units/:id/close',
    summary: 'End a village (merged or dissolved) on a date; its history stays',
    params: ZIdParams,
    body: z.object({ validTo: ZDate, backfill: ZBackfill }),
    response: ZOk,
  }),
};
