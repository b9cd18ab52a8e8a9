import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Random } from './random.ts';

/** The shipped province outlines (RFC 7946, lon/lat), as the maps draw them. */
const GEOJSON = join(import.meta.dirname, '../../../resources/admin-units/provinces-2025.geojson');

type Ring = [number, number][];
interface Feature {
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Ray casting: whether [lon, lat] lies inside the closed ring. */
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The old Quảng Trị side of the merged province 44 (Quảng Bình lies north of about 17.1° N): the demo's communes. */
export const OLD_QUANG_TRI_LATITUDES = [16.3, 17.08] as const;

export interface DemoPoint {
  lat: number;
  lng: number;
}

/**
 * Demo data has no surveyed places: the official data holds province outlines, not commune points. This gives each
 * commune of the demo one steady anchor inside its province's outline (within `latitudes`, the part of a merged
 * province the commune came from), and each record a point a little around its commune's anchor, the same on every
 * load (seeded). Real records carry the point their unit enters.
 */
export async function demoPoints(provinceCode: string, latitudes: readonly [number, number]) {
  const { features } = JSON.parse(await readFile(GEOJSON, 'utf8')) as { features: Feature[] };
  const feature = features.find((f) => f.properties.code === provinceCode);
  if (!feature) throw new Error(`no outline for province ${provinceCode}`);
  // the outer rings (an island is a polygon of its own); holes are left aside: a demo point needs no such care
  const outers = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates[0] as Ring] : feature.geometry.coordinates.map((p) => p[0] as Ring);
  const inside = (point: [number, number]) => point[1] >= latitudes[0] && point[1] <= latitudes[1] && outers.some((ring) => inRing(point, ring));
  const lons = outers.flat().map((p) => p[0]);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const draw = (rng: Random, around: [number, number] | null, radius: number): [number, number] => {
    for (let i = 0; i < 500; i++) {
      const point: [number, number] = around
        ? [around[0] + (rng.next() - 0.5) * 2 * radius, around[1] + (rng.next() - 0.5) * 2 * radius]
        : [minLon + rng.next() * (maxLon - minLon), latitudes[0] + rng.next() * (latitudes[1] - latitudes[0])];
      if (inside(point)) return point;
    }
    if (around) return around;
    throw new Error(`no point found inside province ${provinceCode} between latitudes ${latitudes.join('–')}`);
  };
  const anchors = new Map<number, [number, number]>();
  const anchor = (communeId: number) => {
    let point = anchors.get(communeId);
    if (!point) anchors.set(communeId, (point = draw(new Random(communeId * 2654435761), null, 0)));
    return point;
  };
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  return {
    /** A point within about 1.5 km of the commune's anchor, steady for `key`. */
    near(communeId: number, key: string): DemoPoint {
      const [lng, lat] = draw(new Random(communeId).fork(key), anchor(communeId), 0.015);
      return { lat: round(lat), lng: round(lng) };
    },
  };
}
