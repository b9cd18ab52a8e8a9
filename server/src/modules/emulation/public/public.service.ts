import type { TPublicModelDetail, TPublicModels, TPublicProvince, ZPublicModelQuery } from '#contracts/emulation/public.ts';
import { PUBLIC_EMULATION_LIMITS } from '#contracts/emulation/public.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { outlineProjection, provinceOutlines } from '../../indicators/index.ts';
import { card, detail, link, photo } from './public.presenter.ts';
import * as repo from './public.repository.ts';
import { cropViewBox, projectPoint } from './public.rules.ts';

/**
 * The public showcase (no actor): reads go through one province and only what its units published
 * (public.repository.ts applies it in every statement). Nothing here writes: publishing is a step of the
 * models' lifecycle (models/), made by the recognising unit.
 */

export async function publicProvinces(db: Database): Promise<TPublicProvince[]> {
  const rows = await repo.provincesWithCounts(db, clock.today());
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, models: r.models }));
}

/** The province (2025, in force) a visitor asks for, or 404. */
async function province(db: Database, provinceId: number) {
  const found = await repo.findPublicProvince(db, provinceId, clock.today());
  if (!found) throw notFound('entity.unit');
  return found;
}

/** The outline of the province on the dashboards' projection, cropped to it, and the projection itself. */
async function provinceMap(code: string | null) {
  const [outlines, project] = await Promise.all([provinceOutlines(), outlineProjection()]);
  const outline = code === null ? undefined : outlines.provinces.find((p) => p.code === code);
  const viewBox = outline ? cropViewBox(outline.path) : null;
  return { map: outline && viewBox ? { viewBox, path: outline.path } : null, project };
}

export async function publicModels(db: Database, provinceId: number, query: z.output<typeof ZPublicModelQuery>): Promise<TPublicModels> {
  const p = await province(db, provinceId);
  const words = query.q ? foldVi(query.q).trim() : '';
  const filter = { provinceId: p.id, field: query.field, level: query.level, kind: query.kind, communeId: query.communeId, words: words || undefined };
  const [page, counts, communes, points, { map, project }] = await Promise.all([
    repo.listShownModels(db, filter, query.page),
    repo.countShownByFieldLevel(db, filter),
    repo.communesWithShownModels(db, p.id),
    repo.shownPoints(db, filter),
    provinceMap(p.code),
  ]);
  return {
    province: { id: p.id, name: p.name },
    total: page.total,
    page: query.page,
    pageSize: PUBLIC_EMULATION_LIMITS.pageSize,
    counts,
    communes,
    items: page.rows.map(card),
    map,
    points: map ? points.map((row) => ({ id: row.id, title: row.title, ...projectPoint(project, row.lat, row.lng) })) : [],
  };
}

export async function publicModel(db: Database, provinceId: number, modelId: string): Promise<TPublicModelDetail> {
  const p = await province(db, provinceId);
  const row = await repo.findShownModel(db, p.id, modelId);
  if (!row) throw notFound('entity.emulationModel');
  const [photos, replicas, origin, { map, project }] = await Promise.all([
    repo.shownPhotos(db, p.id, row.id),
    repo.shownReplicas(db, p.id, row.id),
    row.origin_model_id !== null && row.origin_province_id !== null ? repo.findShownLink(db, row.origin_province_id, row.origin_model_id) : undefined,
    provinceMap(p.code),
  ]);
  const point = map && row.lat !== null && row.lng !== null ? projectPoint(project, row.lat, row.lng) : null;
  return detail(row, { province: { id: p.id, name: p.name }, photos: photos.map(photo), replicas: replicas.map(link), origin: origin ? link(origin) : null, map, point });
}

/** A photo of a published model of the province: its bytes and type. */
export async function publicPhoto(deps: { db: Database; files: BlobStore }, provinceId: number, photoId: string): Promise<{ mime: string; data: Buffer }> {
  const found = await repo.findShownPhoto(deps.db, provinceId, photoId);
  if (!found) throw notFound('entity.file');
  const data = await deps.files.get(found.sha256);
  if (!data) throw new AppError(410, 'gone', msg('files.gone'));
  return { mime: found.mime_type, data };
}
