import { describe, expect, it } from 'vitest';
import { cropViewBox, excerpt, projectPoint } from './public.rules.ts';

describe('public showcase rules', () => {
  it('crops the viewBox to the outline, padded by 4 % of its larger side + 1', () => {
    // box 10..110 × 20..70: larger side 100 → pad 5
    expect(cropViewBox('M10 20L110 20L110 70L10 70z')).toBe('5 15 110 60');
    expect(cropViewBox('')).toBeNull();
  });

  it('projects a point as the outlines are, to a tenth of a unit', () => {
    const project = ([lng, lat]: [number, number]): [number, number] => [lng * 3.14159, -lat * 2.71828];
    expect(projectPoint(project, 16.71, 107.23)).toEqual({ x: 336.9, y: -45.4 });
  });

  it('cuts a story at a word, marks the cut, and keeps a short one whole', () => {
    expect(excerpt(null, 10)).toBeNull();
    expect(excerpt('  Ngắn   gọn \n', 20)).toBe('Ngắn gọn');
    expect(excerpt('Hợp tác xã vận động nhân dân hiến đất, làm đường', 30)).toBe('Hợp tác xã vận động nhân dân…');
    // no space late enough: a hard cut
    expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});
