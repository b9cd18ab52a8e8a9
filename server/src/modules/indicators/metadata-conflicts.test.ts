import { describe, expect, it } from 'vitest';
import { AppError } from '#server/shared/errors.ts';
import { conflictOnDuplicate, refuseRepeatedCodes } from './metadata-conflicts.ts';

describe('code conflicts', () => {
  it('turns a unique violation lost in a race into 409 naming the code, and lets other errors through', async () => {
    const race = Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (code)=(BCDV-THANG) already exists.' });
    const error = await conflictOnDuplicate(() => Promise.reject(race)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).status, (error as AppError).message]).toEqual([409, 'Mã “BCDV-THANG” đã được dùng, hãy chọn mã khác.']);
    const other = new Error('connection lost');
    await expect(conflictOnDuplicate(() => Promise.reject(other))).rejects.toBe(other);
    expect(await conflictOnDuplicate(() => Promise.resolve(7))).toBe(7);
  });

  it('names the field of a code repeated within one request', () => {
    expect(() => refuseRepeatedCodes(['A', 'B', 'A'], (i) => `rules.${i}.code`)).toThrow('Mã (rules.2.code): mã “A” bị lặp lại');
    expect(() => refuseRepeatedCodes(['A', 'B'], (i) => `rules.${i}.code`)).not.toThrow();
  });
});
