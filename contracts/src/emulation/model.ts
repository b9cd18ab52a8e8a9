import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUnitLevel } from '../units.ts';
import { ZModelField, ZModelKind, ZModelStatus, ZRecognitionLevel } from './enums.ts';

/**
 * The shapes of an exemplary model (mô hình, điển hình "Dân vận khéo"; issue 15 item 3) shared by every part of
 * emulation: models/ (owner of the lifecycle and its endpoints), review/, figures/ and public/ read them.
 * The table is `emulation_model` (a big table: UUIDv7 id, province_id).
 */

/** A model id: UUID (v7, made by the application). */
export const ZModelId = z.uuid();

/** One figure of what changed: "Hộ thoát nghèo: 12 hộ". */
export const ZModelFigure = z.object({
  label: zText(200),
  value: z.number().finite(),
  unit: zText(40).nullable().default(null),
});
export type TModelFigure = z.infer<typeof ZModelFigure>;

/** Who owns the model: an organisation, a unit or a person of the registry (or nobody named). */
export const ZModelOwner = z.object({
  kind: z.enum(['organization', 'unit', 'person']),
  id: ZId,
  name: z.string(),
});
export type TModelOwner = z.infer<typeof ZModelOwner>;

/** A model as listed. */
export const ZModel = z.object({
  id: ZModelId,
  provinceId: ZId,
  unit: z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel }),
  village: z.object({ id: ZId, name: z.string() }).nullable(),
  campaign: z.object({ id: ZId, title: z.string(), year: z.number().int() }).nullable(),
  /** A replica: the model it replicates (possibly of another province). */
  origin: z.object({ id: ZModelId, provinceId: ZId, title: z.string().nullable() }).nullable(),
  kind: ZModelKind,
  field: ZModelField,
  owner: ZModelOwner.nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  startedOn: ZDate.nullable(),
  status: ZModelStatus,
  recognisedLevel: ZRecognitionLevel.nullable(),
  recognisedOn: ZDate.nullable(),
  published: z.boolean(),
  version: z.number().int(),
});
export type TModel = z.infer<typeof ZModel>;
