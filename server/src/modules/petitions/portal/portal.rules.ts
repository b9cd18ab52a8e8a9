import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { needsIdentity, PORTAL_LIMITS, SECRET_ALPHABET, SECRET_LENGTH, type TPortalFiler } from '#contracts/petitions/portal.schemas.ts';

/**
 * Pure rules of the public portal: the signed form token (minimum fill time), the tracking secret, the photo's
 * type, the identity a complaint or denunciation requires.
 */

/** A form token: the time it was issued (ms) and an HMAC of it under the database's portal key. */
export function signFormToken(key: string, issuedAtMs: number): string {
  return `${issuedAtMs}.${createHmac('sha256', key).update(`portal-form:${issuedAtMs}`).digest('base64url')}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'invalid' | 'tooFast' | 'expired' };

/** Whether a token is ours, at least the minimum fill time old and not too old. */
export function checkFormToken(key: string, token: string, nowMs: number): TokenCheck {
  const [issued, mac] = token.split('.');
  if (!issued || !mac || !/^\d{13}$/.test(issued)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signFormToken(key, Number(issued)).split('.')[1] ?? '');
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = nowMs - Number(issued);
  if (age < PORTAL_LIMITS.minFillSeconds * 1000) return { ok: false, reason: 'tooFast' };
  if (age > PORTAL_LIMITS.formTokenMaxHours * 3600_000) return { ok: false, reason: 'expired' };
  return { ok: true };
}

/** A new tracking secret (10 characters, about 49 bits). */
export function newSecret(): string {
  return Array.from({ length: SECRET_LENGTH }, () => SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)]).join('');
}

/** How a secret is typed back: case, spaces and dashes do not matter. */
export const normalizeSecret = (secret: string) => secret.toUpperCase().replace(/[\s-]/g, '');

export const hashSecret = (secret: string) => createHash('sha256').update(`portal-secret:${normalizeSecret(secret)}`).digest('hex');

/** Digits of a phone number, with a leading +84 read as 0 (0912 345 678 = +84 912345678). */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The photo's type from its first bytes (JPEG, PNG, WebP), or null. */
export function photoType(data: Buffer): PhotoType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** The identity fields a complaint or denunciation lacks, in the order of the legal form. */
export function missingIdentity(kind: string, filer: TPortalFiler | undefined): ('fullName' | 'address' | 'idNumber' | 'phone')[] {
  if (!needsIdentity(kind)) return [];
  return (['fullName', 'address', 'idNumber', 'phone'] as const).filter((field) => !filer?.[field]);
}
