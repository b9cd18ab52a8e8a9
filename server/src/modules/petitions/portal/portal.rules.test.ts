import { describe, expect, it } from 'vitest';
import { checkFormToken, hashSecret, missingIdentity, newSecret, phoneDigits, photoType, signFormToken } from './portal.rules.ts';

const KEY = 'k'.repeat(40);
const T0 = Date.UTC(2026, 2, 1, 2, 0, 0);

describe('portal rules', () => {
  it('a form token is ours, not too fresh (5 s) and not too old (6 h)', () => {
    const token = signFormToken(KEY, T0);
    expect(checkFormToken(KEY, token, T0 + 4_999)).toEqual({ ok: false, reason: 'tooFast' });
    expect(checkFormToken(KEY, token, T0 + 5_000)).toEqual({ ok: true });
    expect(checkFormToken(KEY, token, T0 + 6 * 3600_000 + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(checkFormToken('x'.repeat(40), token, T0 + 10_000)).toEqual({ ok: false, reason: 'invalid' });
    // a robot that rewinds the time in the token breaks the signature
    expect(checkFormToken(KEY, `${T0 - 60_000}.${token.split('.')[1]}`, T0 + 10_000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(KEY, 'garbage', T0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('secrets: 10 characters without look-alikes; typed back in any case, with spaces or dashes', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(hashSecret(`${secret.slice(0, 5).toLowerCase()}-${secret.slice(5)}`)).toBe(hashSecret(secret));
    expect(hashSecret('AAAAAAAAAA')).not.toBe(hashSecret('AAAAAAAAAB'));
  });

  it('phones compare by digits, +84 as 0', () => {
    expect(phoneDigits('+84 912 345 678')).toBe('0912345678');
    expect(phoneDigits('0912.345.678')).toBe('0912345678');
  });

  it('photos are JPEG, PNG or WebP by their bytes', () => {
    expect(photoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(photoType(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(photoType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]))).toBe('image/webp');
  });

  it('complaints and denunciations need name, address, ID number and phone; feedback needs none', () => {
    expect(missingIdentity('feedback', undefined)).toEqual([]);
    expect(missingIdentity('complaint', { fullName: 'Lê Văn Tám', address: 'Thôn 1', idNumber: null, phone: '0912345678', email: null })).toEqual(['idNumber']);
    expect(missingIdentity('denunciation', undefined)).toEqual(['fullName', 'address', 'idNumber', 'phone']);
  });
});
