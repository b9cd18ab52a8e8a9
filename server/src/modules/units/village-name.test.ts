import { describe, expect, it } from 'vitest';
import { villageFullName } from './unit.service.ts';

describe('villageFullName', () => {
  it.each([
    ['thôn', 'Tân Định', 'Thôn Tân Định'],
    ['thôn', 'Thôn 3', 'Thôn 3'],
    ['khu phố', 'khu phố 3', 'Khu phố 3'],
    ['bản', 'Pa Ling', 'Bản Pa Ling'],
    // a name that merely begins with the same letters is not a type prefix
    ['bản', 'Bảnh', 'Bản Bảnh'],
  ])('%s + %s → %s', (type, name, expected) => {
    expect(villageFullName(type, name)).toBe(expected);
  });
});
