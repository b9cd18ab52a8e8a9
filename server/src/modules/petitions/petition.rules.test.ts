import { describe, expect, it } from 'vitest';
import { decryptIdentity, encryptIdentity, matchingKey } from './identity-crypto.ts';
import { currentDueOn, isCrowd, outcomeOf, resolutionDueOn, trackingCode } from './petition.rules.ts';

const deadlines = [
  { step: 'accept', from: 'received' as const, dueOn: '2026-03-16' },
  { step: 'reception_answer', from: 'received' as const, dueOn: '2026-03-16' },
  { step: 'transfer', from: 'received' as const, dueOn: '2026-03-09' },
  { step: 'resolve', from: 'accepted' as const, dueOn: '2026-04-02' },
  { step: 'send_decision', from: 'decided' as const, dueOn: null },
];

describe('case rules', () => {
  it('a crowd case starts at five persons', () => {
    expect([1, 4, 5, 30].map(isCrowd)).toEqual([false, false, true, true]);
  });

  it('the current due date is the main time limit of the stage, not the earliest one', () => {
    expect(currentDueOn('received', deadlines)).toBe('2026-03-16');
    expect(currentDueOn('verifying', deadlines)).toBe('2026-04-02');
    expect(currentDueOn('concluded', deadlines)).toBeNull();
    expect(currentDueOn('closed', deadlines)).toBeNull();
    expect(resolutionDueOn(deadlines)).toBe('2026-04-02');
  });

  it('outcome: on time by the original limit, late with extension within the extended one, else late', () => {
    expect(outcomeOf('2026-04-02', '2026-04-02', '2026-04-17', false)).toBe('on_time');
    expect(outcomeOf('2026-04-03', '2026-04-02', '2026-04-02', false)).toBe('late');
    expect(outcomeOf('2026-04-10', '2026-04-02', '2026-04-17', true)).toBe('late_extended');
    expect(outcomeOf('2026-04-18', '2026-04-02', '2026-04-17', true)).toBe('late');
    expect(outcomeOf('2026-04-18', null, null, true)).toBeNull();
  });

  it('tracking codes: province code, year, six digits', () => {
    expect(trackingCode('44', 2026, 123)).toBe('44-2026-000123');
  });
});

describe('identity encryption', () => {
  const identity = { fullName: 'Vũ Thị Mật', birthYear: 1980, gender: null, idNumber: null, phone: '0909 111 222', email: null, address: null };

  it('round-trips, never holds the plaintext, and refuses a cipher moved to another row', () => {
    const { cipher, keyId } = encryptIdentity(identity, 'row-1');
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(cipher, 'base64').toString('latin1')).not.toContain('Mật');
    expect(cipher).not.toEqual(encryptIdentity(identity, 'row-1').cipher);
    expect(decryptIdentity(cipher, 'row-1')).toEqual(identity);
    expect(() => decryptIdentity(cipher, 'row-2')).toThrow();
  });

  it('matching keys ignore diacritics, case and spaces, and differ between names', () => {
    expect(matchingKey('Vũ Thị Mật')).toBe(matchingKey('VU THI  MAT'));
    expect(matchingKey('Vũ Thị Mật')).not.toBe(matchingKey('Vũ Thị Mai'));
  });
});
