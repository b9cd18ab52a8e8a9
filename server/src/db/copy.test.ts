import { describe, expect, it } from 'vitest';
import { copyField, copyJson } from './copy.ts';

describe('copyJson', () => {
  it('is copyField for any JSON text: backslashes doubled, no raw tab, newline or carriage return', () => {
    const values: unknown[] = [
      { kien_nghi: 'Dòng 1\r\nDòng 2\tcột', duong_dan: 'C:\\thu muc\\tệp', trich: 'anh ấy nói "được"' },
      ['\\', '\\\\t', '\u0000\u001f', '\u2028'],
      'không có gì đặc biệt',
      42,
    ];
    for (let i = 0; i < 200; i++) {
      values.push({ q: Array.from({ length: i % 17 }, (_, k) => String.fromCharCode([9, 10, 13, 92, 34, 97, 7871][(i + k) % 7] as number)).join('') });
    }
    for (const value of values) {
      const json = JSON.stringify(value);
      const field = copyJson(json);
      expect(field).toBe(copyField(json));
      expect(field).not.toMatch(/[\t\n\r]/);
    }
    expect(copyJson(JSON.stringify({ a: 'x\\y' }))).toBe('{"a":"x\\\\\\\\y"}');
  });
});
