import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TProvinceOutlines } from '#contracts/indicators/dashboard.api.ts';

/** The 34 province outlines shipped with the units (RFC 7946, lon/lat, properties code and name). */
const GEOJSON = join(import.meta.dirname, '../../../../resources/admin-units/provinces-2025.geojson');

/** Width of the projected map in SVG units; the height follows from the outlines. */
const WIDTH = 600;
/** Points closer than this to a simplified line are dropped (SVG units): ~1.5 km, invisible on a phone. */
const TOLERANCE = 0.6;

type Ring = [number, number][];
interface Feature {
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/**
 * Equirectangular projection scaled by the cosine of the middle latitude: at Vietnam's latitudes (8°–23° N) shapes
 * stay recognisable, and it needs no library. North is up (y grows southwards).
 */
function projector(features: readonly Feature[]) {
  const points = features.flatMap((f) => rings(f).flat());
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * kx);
  return {
    height: Math.ceil((maxLat - minLat) * scale),
    project: ([lon, lat]: [number, number]): [number, number] => [(lon - minLon) * kx * scale, (maxLat - lat) * scale],
  };
}

const rings = (f: Feature): Ring[] => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat());

/** Douglas–Peucker on an open polyline. */
function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [start, end] = stack.pop() as [number, number];
    const [ax, ay] = points[start] as [number, number];
    const [bx, by] = points[end] as [number, number];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let at = -1;
    for (let i = start + 1; i < end; i++) {
      const [px, py] = points[i] as [number, number];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([start, at], [at, end]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * One ring as SVG path commands. A ring that simplifies to less than a triangle (a small island: Hoàng Sa,
 * Trường Sa) is drawn as a 1.2-unit square at its first point, so the archipelagos stay on the map.
 */
function ringPath(ring: Ring): string {
  const simplified = simplify(ring.slice(0, -1), TOLERANCE);
  if (simplified.length < 3) {
    const [x, y] = ring[0] as [number, number];
    return `M${fmt(x - 0.6)} ${fmt(y - 0.6)}h1.2v1.2h-1.2z`;
  }
  return `M${simplified.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join('L')}z`;
}

async function build(): Promise<TProvinceOutlines> {
  const { features } = JSON.parse(await readFile(GEOJSON, 'utf8')) as { features: Feature[] };
  const { height, project } = projector(features);
  const provinces = features.map((f) => {
    const parts = new Set(rings(f).map((ring) => ringPath(ring.map(project))));
    return { code: f.properties.code, name: f.properties.name, path: [...parts].join('') };
  });
  return { viewBox: `0 0 ${WIDTH} ${height}`, provinces };
}

let outlines: Promise<TProvinceOutlines> | undefined;

/**
 * The projected outlines, built once per process from the shipped file (static data, the same in every
 * process, so keeping it in memory shares no state). About 60 kB of JSON instead of the file's 1.2 MB.
 */
export function provinceOutlines(): Promise<TProvinceOutlines> {
  outlines ??= build().catch((error: unknown) => {
    outlines = undefined;
    throw error;
  });
  return outlines;
}

// --- pet-portal ---
let projection: Promise<(point: [number, number]) => [number, number]> | undefined;

/**
 * Projects [lon, lat] points exactly as the outlines are projected, so other maps can place points on them (the
 * petitions' hot-spot map puts each commune's marker on its province). Built once per process, like the outlines.
 */
export function outlineProjection(): Promise<(point: [number, number]) => [number, number]> {
  projection ??= readFile(GEOJSON, 'utf8')
    .then((text) => projector((JSON.parse(text) as { features: Feature[] }).features).project)
    .catch((error: unknown) => {
      projection = undefined;
      throw error;
    });
  return projection;
}
// --- end pet-portal ---
