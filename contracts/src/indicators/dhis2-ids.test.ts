import { describe, expect, it } from 'vitest';
import { DHIS2_UID, localUid, parseLocalUid } from './dhis2-ids.ts';

describe('derived DHIS2 uids', () => {
  it('have the DHIS2 shape and read back to the object they name', () => {
    expect(localUid('unit', 16442)).toBe('u00000004HC');
    expect(localUid('dataElement', 1)).toBe('e0000000001');
    for (const id of [1, 61, 62, 3843, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      for (const kind of ['unit', 'dataElement', 'optionCombo', 'dataSet'] as const) {
        const uid = localUid(kind, id);
        expect(uid).toMatch(DHIS2_UID);
        expect(parseLocalUid(uid)).toEqual({ kind, id });
      }
    }
  });

  it('leave other identifiers alone: DHIS2 uids of other prefixes, codes, bad digits, zero', () => {
    expect(parseLocalUid('HllvX50cXC0')).toBeNull();
    expect(parseLocalUid('DiszpKrYNg8')).toBeNull();
    expect(parseLocalUid('OU_A')).toBeNull();
    expect(parseLocalUid('u000000000_')).toBeNull();
    expect(parseLocalUid('u0000000000')).toBeNull();
    expect(parseLocalUid('uzzzzzzzzzz')).toBeNull();
    expect(() => localUid('unit', 0)).toThrow();
  });
});
