import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from './messages.ts';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(issueMessage);
};

describe('issueMessage', () => {
  const schema = z.object({ username: z.string().min(3), birthYear: z.number().int().max(2100), termFrom: z.iso.date() });
  it('names the field in Vietnamese and says what is wrong', () => {
    expect(messages(schema, { username: 'ab', birthYear: 2200, termFrom: '2025-02-30' })).toEqual([
      'Tên đăng nhập (username): cần ít nhất 3 ký tự',
      'Năm sinh (birthYear): phải nhỏ hơn hoặc bằng 2100',
      'Từ ngày (termFrom): ngày không hợp lệ (cần dạng YYYY-MM-DD)',
    ]);
  });
  it('says a missing field is required and a wrong type which type', () => {
    expect(messages(schema, { birthYear: 'x', termFrom: '2025-01-01' })).toEqual([
      'Tên đăng nhập (username): bắt buộc phải có',
      'Năm sinh (birthYear): sai kiểu dữ liệu (cần số)',
    ]);
  });
  it('says "greater than" for a strict bound (a positive id refuses 0) and "or equal" for an inclusive one', () => {
    const bounds = z.object({ unitId: z.number().int().positive(), birthYear: z.number().lt(2100), limit: z.number().min(1) });
    expect(messages(bounds, { unitId: 0, birthYear: 2100, limit: 0 })).toEqual([
      'Đơn vị (unitId): phải lớn hơn 0',
      'Năm sinh (birthYear): phải nhỏ hơn 2100',
      'Số dòng (limit): phải lớn hơn hoặc bằng 1',
    ]);
  });
});
