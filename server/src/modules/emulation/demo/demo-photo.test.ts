import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffType } from '#server/platform/files/mime.ts';
import { demoPhoto, PHOTO_HEIGHT, PHOTO_WIDTH } from './demo-photo.ts';

describe('demo photos', () => {
  it('are small PNGs the file store accepts, the same bytes for a seed and different ones across seeds', () => {
    const photo = demoPhoto(7);
    expect(sniffType(photo, 'mo-hinh.png')).toBe('image/png');
    expect(photo.length).toBeLessThan(20_000);
    expect(photo.readUInt32BE(16)).toBe(PHOTO_WIDTH);
    expect(photo.readUInt32BE(20)).toBe(PHOTO_HEIGHT);
    // the image data inflates to one filter byte and three bytes per pixel per row
    const idat = photo.indexOf('IDAT');
    const length = photo.readUInt32BE(idat - 4);
    expect(inflateSync(photo.subarray(idat + 4, idat + 4 + length)).length).toBe(PHOTO_HEIGHT * (1 + PHOTO_WIDTH * 3));
    expect(demoPhoto(7).equals(photo)).toBe(true);
    expect(demoPhoto(8).equals(photo)).toBe(false);
  });
});
