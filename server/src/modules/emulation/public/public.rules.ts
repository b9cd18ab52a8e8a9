/** Pure rules of the public showcase's map. */

/** The box around an outline's path ("M x yLx y…z"), padded by 4 %, as an SVG viewBox (as the hot-spot map crops it). */
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

/** A (rounded) point projected as the outlines are, to a tenth of a map unit. */
export function projectPoint(project: (point: [number, number]) => [number, number], lat: number, lng: number): { x: number; y: number } {
  const [x, y] = project([lng, lat]);
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** The first `max` characters of a text, cut at a word and marked "…" when longer. */
export function excerpt(text: string | null, max: number): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
