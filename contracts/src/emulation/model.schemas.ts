import { z } from 'zod';
import { ZDate, ZId, zString, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { LAST_DISTRICT_DAY, ZModelField, ZModelKind, ZModelStatus, ZRecognitionLevel as ZModelLevel, type TRecognitionLevel } from './enums.ts';
import { ZModel, ZModelFigure } from './model.ts';

/**
 * Exemplary models ("Dân vận khéo" mô hình, điển hình; DOMAIN.md capability 4, issue 15, seed 002 III): register,
 * the lifecycle (registered → building → publicly reviewed → recognised at a level → commended; withdrawn),
 * replication (a replica is a model of another unit linked to its origin), lists, counts by field × level.
 */

/** Order of the recognition levels: a later recognition must be at a higher level. */
export const LEVEL_RANK: Record<TRecognitionLevel, number> = { commune: 1, district: 2, province: 3, central: 4 };
/** The district level ended with the 2025 reform: a district recognition is dated on or before this day. */
export { LAST_DISTRICT_DAY };

/** Whose model it is: an organisation, a unit (collective) or a person (individual) from the registry. */
export const MODEL_OWNER_TYPES = ['organization', 'unit', 'person'] as const;
export const ZModelOwnerType = z.enum(MODEL_OWNER_TYPES);
export type TModelOwnerType = z.infer<typeof ZModelOwnerType>;

const ZLat = z.number().min(8).max(24);
const ZLng = z.number().min(102).max(110);

/** A model as registered (a replica names its origin). */
export const ZModelCreate = z
  .object({
    campaignId: ZId.nullable().optional(),
    kind: ZModelKind,
    field: ZModelField,
    title: zText(300),
    summary: zText(8000),
    whatChanged: zText(8000).nullable().optional(),
    figures: z.array(ZModelFigure).max(30).optional(),
    /** Where: the unit (commune, ward, or the unit of an agency) and optionally a village of it and a point. */
    unitId: ZId,
    villageId: ZId.nullable().optional(),
    lat: ZLat.nullable().optional(),
    lng: ZLng.nullable().optional(),
    startedOn: ZDate,
    /** The date of registration (the campaign's register); default today. */
    registeredOn: ZDate.optional(),
    ownerType: ZModelOwnerType,
    ownerId: ZId,
    /** The recognised model this one replicates (another unit's). */
    originModelId: ZUuid.nullable().optional(),
  })
  .strict();
export type TModelCreate = z.infer<typeof ZModelCreate>;

const stepBase = {
  seenVersion: z.number().int().min(1),
  onDate: ZDate,
  note: zText(4000).nullable().optional(),
  fileIds: z.array(ZUuid).max(20).optional(),
};

/** One step of the lifecycle; `step` says which, the others carry what that step records. */
export const ZModelStepInput = z.discriminatedUnion('step', [
  z.object({ step: z.literal('building'), ...stepBase }).strict(),
  z
    .object({
      step: z.literal('reviewed'),
      ...stepBase,
      /** Who took part in the public review (bình xét công khai): bodies, residents. */
      attendees: zText(2000),
      participantCount: z.number().int().min(1).max(100_000),
      votesFor: z.number().int().min(0).max(100_000),
      votesAgainst: z.number().int().min(0).max(100_000),
      votesAbstain: z.number().int().min(0).max(100_000),
    })
    .strict(),
  z
    .object({
      step: z.literal('recognised'),
      ...stepBase,
      level: ZModelLevel,
      decisionNumber: zText(100),
      /** The recognising unit: the actor's own unit, or an ended unit of their scope (a district's decision of 2024). */
      byUnitId: ZId.nullable().optional(),
      /** The body that issued a central decision (Ban Dân vận Trung ương). */
      issuer: zText(300).nullable().optional(),
    })
    .strict(),
  z.object({ step: z.literal('commended'), ...stepBase, awardForm: zText(300), decisionNumber: zText(100) }).strict(),
  z.object({ step: z.literal('withdrawn'), ...stepBase, reason: zText(2000) }).strict(),
  z.object({ step: z.literal('published'), ...stepBase, published: z.boolean() }).strict(),
  z.object({ step: z.literal('document'), ...stepBase, fileIds: z.array(ZUuid).min(1).max(20) }).strict(),
]);
export type TModelStepInput = z.infer<typeof ZModelStepInput>;

/** Kinds of history rows (emulation_model_step.step). */
export const MODEL_STEP_KINDS = ['registered', 'building', 'reviewed', 'recognised', 'commended', 'withdrawn', 'published', 'document', 'replicated'] as const;
export const ZModelStepKind = z.enum(MODEL_STEP_KINDS);
export type TModelStepKind = z.infer<typeof ZModelStepKind>;

/** One immutable step of a model's history. */
export const ZModelStep = z.object({
  id: ZUuid,
  step: ZModelStepKind,
  onDate: ZDate,
  byUserId: ZId.nullable(),
  byUserName: z.string().nullable(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type TModelStep = z.infer<typeof ZModelStep>;

/** A figure as answered (the input's `ZModelFigure` trims text, which a response cannot encode). */
export const ZModelFigureOut = z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() });

/** A model in a list: the shared shape (model.ts) and its number of replicas. */
export const ZModelListItem = ZModel.extend({ replicaCount: z.number().int() });
export type TModelListItem = z.infer<typeof ZModelListItem>;

/** A model of the replication chain: full for one the reader sees, the public part for a recognised one outside. */
export const ZChainModel = z.object({
  id: ZUuid,
  provinceId: ZId,
  originModelId: ZUuid.nullable(),
  title: z.string(),
  unitName: z.string(),
  status: ZModelStatus,
  recognisedLevel: ZModelLevel.nullable(),
  startedOn: ZDate.nullable(),
  /** Generations from the model shown: -1 its origin, 1 its replicas, 2 theirs … */
  depth: z.number().int(),
  inScope: z.boolean(),
});
export type TChainModel = z.infer<typeof ZChainModel>;

/** A model with its story, figures, history, replication chain and the steps the reader may take. */
export const ZModelDetail = ZModelListItem.extend({
  whatChanged: z.string().nullable(),
  figures: z.array(ZModelFigureOut),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  recognisedBy: z.object({ id: ZId, fullName: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  steps: z.array(ZModelStep),
  /** The origins up to the first model, and every replica below this one (depth-first order). */
  chain: z.array(ZChainModel),
  /** Replicas the reader may not see (outside their scope and not recognised): counted, not named. */
  hiddenReplicas: z.number().int(),
  /** Steps the reader may take now. */
  actions: z.array(z.enum(['building', 'reviewed', 'recognised', 'commended', 'withdrawn', 'published', 'document', 'replicate'])),
});
export type TModelDetail = z.infer<typeof ZModelDetail>;

export const ZModelListQuery = z.object({
  campaignId: ZId.optional(),
  field: ZModelField.optional(),
  kind: ZModelKind.optional(),
  /** A recognition level, or 'none' for models not recognised yet. */
  level: z.union([ZModelLevel, z.literal('none')]).optional(),
  status: ZModelStatus.optional(),
  /** The unit's subtree (its predecessors' records included). */
  unitId: ZId.optional(),
  q: zString().pipe(z.string().max(200)).optional(),
  /** Only replicas ('true') or only originals ('false'). */
  replica: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TModelListQuery = z.input<typeof ZModelListQuery>;

export const ZModelList = z.object({
  items: z.array(ZModelListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Counts by field × recognition level ('none': not recognised), with totals, over the list's filters. */
export const ZModelCounts = z.object({
  cells: z.array(z.object({ field: ZModelField, level: z.union([ZModelLevel, z.literal('none')]), count: z.number().int() })),
  byField: z.array(z.object({ field: ZModelField, count: z.number().int() })),
  byLevel: z.array(z.object({ level: z.union([ZModelLevel, z.literal('none')]), count: z.number().int() })),
  total: z.number().int(),
  replicas: z.number().int(),
});
export type TModelCounts = z.infer<typeof ZModelCounts>;

/** A recognised model another unit may replicate (the public part only). */
export const ZReplicable = z.object({
  id: ZUuid,
  provinceId: ZId,
  title: z.string(),
  field: ZModelField,
  kind: ZModelKind,
  unitName: z.string(),
  recognisedLevel: ZModelLevel.nullable(),
  replicaCount: z.number().int(),
});
export const ZReplicableQuery = z.object({ q: zString().pipe(z.string().max(200)).optional(), field: ZModelField.optional() });

export const ZModelParams = z.object({ id: ZUuid });

/** Which units may record a recognition of the model at `level` on `onDate` (the step form's choice of unit). */
export const ZRecogniserQuery = z.object({ level: ZModelLevel, onDate: ZDate });
export type TRecogniserQuery = z.infer<typeof ZRecogniserQuery>;

/**
 * A unit that may recognise the model: of the level the recognition needs, in force on the date, the model's unit
 * in its subtree (or its predecessors'), in the reader's scope, and either the reader's own unit or an ended one whose
 * decision the reader records (a district's decision of 2024).
 */
export const ZRecogniser = z.object({
  id: ZId,
  fullName: z.string(),
  level: z.enum(['commune', 'district', 'province']),
  validFrom: ZDate.nullable(),
  validTo: ZDate.nullable(),
  /** The reader's own unit (listed first). */
  own: z.boolean(),
});
export type TRecogniser = z.infer<typeof ZRecogniser>;
