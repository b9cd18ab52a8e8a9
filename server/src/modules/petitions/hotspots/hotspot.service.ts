import type { THotspotQuery, THotspots } from '#contracts/petitions/portal.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { outlineProjection, provinceOutlines } from '../../indicators/index.ts';
import { actorProvinces } from '../field.service.ts';
import { petitionPolicy } from '../petition.policy.ts';
import { countByCommune, countWithoutCommune, provincesByIds } from './hotspot.repository.ts';

/** The box around an outline's path ("M x yLx y…z"), padded by 4 %, as an SVG viewBox. */
export function cropViewBox(path: string): string | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const match of path.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)) {
    xs.push(Number(match[1]));
    ys.push(Number(match[2]));
  }
  if (xs.length === 0) return null;
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(maxX - minX, maxY - minY) * 0.04 + 1;
  const round = (n: number) => Math.round(n * 10) / 10;
  return `${round(minX - pad)} ${round(minY - pad)} ${round(maxX - minX + 2 * pad)} ${round(maxY - minY + 2 * pad)}`;
}

/**
 * Hot spots: cases per commune (2025) of one province of the actor's, in the actor's scope, with the filters; each
 * commune's marker at the mean point of its located cases, projected as the dashboard's province outlines are.
 */
export async function hotspots(db: Database, actor: Actor, query: THotspotQuery): Promise<THotspots> {
  authorize(petitionPolicy.read(actor));
  const provinces = await provincesByIds(db, await actorProvinces(db, actor));
  const province = query.provinceId === undefined ? provinces[0] : provinces.find((p) => p.id === query.provinceId);
  if (!province) throw invalidField('provinceId', msg('petitions.hotspots.provinceOutside'));
  if (query.from && query.to && query.from > query.to) throw invalidField('to', msg('petitions.hotspots.toBeforeFrom'));
  const filter = { provinceId: province.id, fieldId: query.fieldId, kind: query.kind, flag: query.flag, from: query.from, to: query.to };
  const [rows, withoutCommune, outlines, project] = await Promise.all([
    countByCommune(db, actor.scope, filter),
    countWithoutCommune(db, actor.scope, filter),
    provinceOutlines(),
    outlineProjection(),
  ]);
  const outline = outlines.provinces.find((p) => p.code === province.code);
  const viewBox = outline ? cropViewBox(outline.path) : null;
  const communes = rows.map((row) => {
    const point = row.lat !== null && row.lon !== null ? project([Number(row.lon), Number(row.lat)]) : null;
    return {
      communeId: row.id,
      code: row.code,
      name: row.full_name,
      cases: row.cases,
      open: row.open,
      crowd: row.crowd,
      hotSpot: row.hot_spot,
      located: row.located,
      x: point ? Math.round(point[0] * 10) / 10 : null,
      y: point ? Math.round(point[1] * 10) / 10 : null,
    };
  });
  return {
    province: { id: province.id, code: province.code, name: province.name },
    provinces: provinces.map((p) => ({ id: p.id, name: p.name })),
    from: query.from ?? null,
    to: query.to ?? null,
    total: communes.reduce((sum, c) => sum + c.cases, 0) + withoutCommune,
    withoutCommune,
    map: outline && viewBox ? { viewBox, path: outline.path } : null,
    communes,
  };
}
