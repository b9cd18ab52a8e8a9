import { PUBLIC_EMULATION_LIMITS, type TPublicModelCard, type TPublicModelDetail, type TPublicPhoto } from '#contracts/emulation/public.ts';
import type { CardRow, DetailRow, LinkRow } from './public.repository.ts';
import { excerpt } from './public.rules.ts';

type Base = Omit<CardRow, 'photo_id' | 'photo_bytes' | 'photo_mime'>;

function base(row: Base) {
  return {
    id: row.id,
    provinceId: Number(row.province_id),
    title: row.title,
    kind: row.kind,
    field: row.field,
    level: row.recognised_level,
    recognisedOn: row.recognised_on,
    commended: row.status === 'commended',
    ownerName: row.owner_name,
    place: { unitName: row.unit_name, communeId: row.commune_id === null ? null : Number(row.commune_id), communeName: row.commune_name },
    replicas: Number(row.replicas),
  };
}

export const photo = (row: { id: string; size_bytes: number; mime_type: string }): TPublicPhoto => ({
  id: row.id,
  bytes: Number(row.size_bytes),
  mime: row.mime_type,
});

export function card(row: CardRow): TPublicModelCard {
  return {
    ...base(row),
    excerpt: excerpt(row.summary, PUBLIC_EMULATION_LIMITS.excerpt),
    photo: row.photo_id && row.photo_mime ? photo({ id: row.photo_id, size_bytes: row.photo_bytes ?? 0, mime_type: row.photo_mime }) : null,
  };
}

export const link = (row: LinkRow) => ({
  id: row.id,
  provinceId: Number(row.province_id),
  title: row.title,
  unitName: row.unit_name,
  level: row.recognised_level,
});

/** Figures as the model keeps them ([{ label, value, unit }]); anything else in the column is left out. */
function figures(value: unknown): TPublicModelDetail['figures'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const { label, value: v, unit } = f as Record<string, unknown>;
    const number = typeof v === 'number' ? v : Number(v);
    if (typeof label !== 'string' || !Number.isFinite(number)) return [];
    return [{ label, value: number, unit: typeof unit === 'string' ? unit : null }];
  });
}

export function detail(
  row: DetailRow,
  extra: Pick<TPublicModelDetail, 'province' | 'photos' | 'origin' | 'map' | 'point'> & { replicas: TPublicModelDetail['replicaList'] },
): TPublicModelDetail {
  return {
    ...base(row),
    province: extra.province,
    summary: row.summary,
    whatChanged: row.what_changed,
    figures: figures(row.figures),
    startedOn: row.started_on,
    campaign: row.campaign_title !== null && row.campaign_year !== null ? { title: row.campaign_title, year: Number(row.campaign_year) } : null,
    recognisedBy: row.recognised_by,
    photos: extra.photos,
    point: extra.point,
    map: extra.map,
    origin: extra.origin,
    replicaList: extra.replicas,
  };
}
