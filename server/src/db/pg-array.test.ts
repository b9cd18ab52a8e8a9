import { describe, expect, it } from 'vitest';
import { pgArray } from './pg-array.ts';

describe('pgArray (bulk statement parameters)', () => {
  it('writes ids, numbers and codes bare, null as NULL, and quotes text that needs it', () => {
    expect(pgArray([1, 22, -3.5, 1e21])).toBe('{1,22,-3.5,1e+21}');
    expect(pgArray(['202503', '2025Q1', '01a2351f-b4fb-7372-a567-0e02b2c3d479'])).toBe('{202503,2025Q1,01a2351f-b4fb-7372-a567-0e02b2c3d479}');
    expect(pgArray([null, true, false])).toBe('{NULL,t,f}');
    expect(pgArray(['null', 'NULL', '', 'a b', 'x,y', '{z}', 'say "hi"', 'back\\slash', 'Tà Rụt'])).toBe(
      '{"null","NULL","","a b","x,y","{z}","say \\"hi\\"","back\\\\slash","Tà Rụt"}',
    );
    expect(pgArray([])).toBe('{}');
  });

  it('refuses what PostgreSQL would read as something else', () => {
    expect(() => pgArray([Number.NaN])).toThrow(/finite/);
    expect(() => pgArray([Number.POSITIVE_INFINITY])).toThrow(/finite/);
  });
});
