import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './compress.ts';

describe('chooseEncoding (Accept-Encoding → the coding of an API answer)', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(
      [
        'gzip, deflate, br, zstd',
        'gzip, deflate',
        'br;q=0, gzip',
        'BR;Q=0.5, gzip;q=1',
        'br;q=0, gzip;q=0',
        'identity',
        '*',
        '*, br;q=0',
        'deflate',
        '',
        undefined,
      ].map(chooseEncoding),
    ).toEqual(['br', 'gzip', 'gzip', 'br', null, null, 'br', 'gzip', null, null, null]);
  });
});
