import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZModelField, ZModelKind, ZRecognitionLevel } from './enums.ts';

/**
 * The public showcase of "Dân vận khéo" models (issue 15 item 6): no login. It shows only models that are
 * recognised (or commended) and that the recognising unit published (`published_at`), and of them only what the
 * model carries in public: its title, the name of its owner, its story (summary, what changed, figures), its
 * unit, its recognition, its photos. Nothing unpublished, no person's details beyond the name. Every read names
 * the province (the key of the big tables, SCALE.md); every endpoint is limited per IP.
 */

export const PUBLIC_EMULATION_LIMITS = {
  /** Page, list and detail requests per minute per IP (shared). */
  readPerMinute: 60,
  /** Photo requests per minute per IP (a list page shows up to a page of photos). */
  photoPerMinute: 120,
  /** Models per page of the list. */
  pageSize: 12,
  /** Characters of the summary a list card shows. */
  excerpt: 240,
  /** Located models drawn on the province map at most. */
  mapPoints: 2000,
  /** Decimal places of a model's point on the public map (2 ≈ 1 km: no household located on the map). */
  pointDecimals: 2,
} as const;

/** A 2025 province with the number of models it shows. */
export const ZPublicProvince = z.object({ id: ZId, code: z.string().nullable(), name: z.string(), models: z.number().int() });
export type TPublicProvince = z.infer<typeof ZPublicProvince>;

export const ZPublicProvinceParams = z.object({ provinceId: ZId });
export const ZPublicModelParams = z.object({ provinceId: ZId, modelId: z.uuid() });
export const ZPublicPhotoParams = z.object({ provinceId: ZId, photoId: z.uuid() });

/** Filters of the list: field, level, kind, a commune (2025) and words of the title, story or owner (without diacritics). */
export const ZPublicModelQuery = z.object({
  field: ZModelField.optional(),
  level: ZRecognitionLevel.optional(),
  kind: ZModelKind.optional(),
  communeId: ZId.optional(),
  q: zText(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type TPublicModelQuery = z.input<typeof ZPublicModelQuery>;

/** A photo of a published model: the image's id (an attachment) and size, so a slow phone knows what it costs. */
export const ZPublicPhoto = z.object({ id: z.uuid(), bytes: z.number().int(), mime: z.string() });
export type TPublicPhoto = z.infer<typeof ZPublicPhoto>;

/** Where a model is: its unit's name today (a 2019 unit reads under its 2025 successor) and its commune. */
export const ZPublicPlace = z.object({
  unitName: z.string(),
  communeId: ZId.nullable(),
  communeName: z.string().nullable(),
});

/** A model as the list shows it. */
export const ZPublicModelCard = z.object({
  id: z.uuid(),
  provinceId: ZId,
  title: z.string(),
  kind: ZModelKind,
  field: ZModelField,
  level: ZRecognitionLevel,
  recognisedOn: ZDate,
  commended: z.boolean(),
  ownerName: z.string().nullable(),
  place: ZPublicPlace,
  excerpt: z.string().nullable(),
  photo: ZPublicPhoto.nullable(),
  /** Published replicas of it (in any province). */
  replicas: z.number().int(),
});
export type TPublicModelCard = z.infer<typeof ZPublicModelCard>;

/** One point of the province map: a located model, rounded (PUBLIC_EMULATION_LIMITS.pointDecimals), projected. */
export const ZPublicPoint = z.object({ id: z.uuid(), title: z.string(), x: z.number(), y: z.number() });

export const ZPublicModels = z.object({
  province: z.object({ id: ZId, name: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Published models of the province by field × level (all filters but field and level). */
  counts: z.array(z.object({ field: ZModelField, level: ZRecognitionLevel, models: z.number().int() })),
  /** The communes (2025) that have published models, for the filter. */
  communes: z.array(z.object({ id: ZId, name: z.string(), models: z.number().int() })),
  items: z.array(ZPublicModelCard),
  /** The province outline (as the dashboards draw it) and the located models of the filter. */
  map: z.object({ viewBox: z.string(), path: z.string() }).nullable(),
  points: z.array(ZPublicPoint),
});
export type TPublicModels = z.infer<typeof ZPublicModels>;

/** A published model linked to this one (its origin, or a replica). */
export const ZPublicLink = z.object({ id: z.uuid(), provinceId: ZId, title: z.string(), unitName: z.string(), level: ZRecognitionLevel });

export const ZPublicModelDetail = ZPublicModelCard.omit({ excerpt: true, photo: true }).extend({
  province: z.object({ id: ZId, name: z.string() }),
  summary: z.string().nullable(),
  whatChanged: z.string().nullable(),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() })),
  startedOn: ZDate.nullable(),
  campaign: z.object({ title: z.string(), year: z.number().int() }).nullable(),
  recognisedBy: z.string().nullable(),
  photos: z.array(ZPublicPhoto),
  point: z.object({ x: z.number(), y: z.number() }).nullable(),
  map: z.object({ viewBox: z.string(), path: z.string() }).nullable(),
  /** The published model it replicates, if any. */
  origin: ZPublicLink.nullable(),
  /** Its published replicas. */
  replicaList: z.array(ZPublicLink),
});
export type TPublicModelDetail = z.infer<typeof ZPublicModelDetail>;

/** The showcase's endpoints: no session, limited per IP (PUBLIC_EMULATION_LIMITS). */
export const publicEmulationEndpoints = {
  publicProvinces: endpoint({
    method: 'GET',
    path: '/api/public/emulation/provinces',
    summary: 'Public: the 34 provinces (2025) with the number of "Dân vận khéo" models each has recognised and published',
    response: z.array(ZPublicProvince),
    public: true,
  }),
  publicModels: endpoint({
    method: 'GET',
    path: '/api/public/emulation/provinces/:provinceId/models',
    summary:
      'Public: recognised and published models of a province (filters: field, level, kind, commune, words), a page of them with their photo, the counts by field × level and the located ones on the province map',
    params: ZPublicProvinceParams,
    query: ZPublicModelQuery,
    response: ZPublicModels,
    public: true,
  }),
  publicModel: endpoint({
    method: 'GET',
    path: '/api/public/emulation/provinces/:provinceId/models/:modelId',
    summary: 'Public: one published model: its story, figures, photos, unit, recognition, origin and published replicas',
    params: ZPublicModelParams,
    response: ZPublicModelDetail,
    public: true,
  }),
  publicPhoto: endpoint({
    method: 'GET',
    path: '/api/public/emulation/provinces/:provinceId/photos/:photoId',
    summary: 'Public: the bytes of a photo (image/*) of a published model; cached by browsers for a day',
    params: ZPublicPhotoParams,
    response: z.unknown().describe('image bytes'),
    public: true,
  }),
};
