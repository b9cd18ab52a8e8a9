import { describe, expect, it } from 'vitest';
import { AppError } from '#server/shared/errors.ts';
import { checkOrganizationShape, checkTypeInForce } from './organization.rules.ts';

/** The message of the first field of the AppError thrown. */
const messageOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.fields?.[0]?.message : 'not an AppError';
  }
};

const fieldOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.fields?.[0]?.field : 'not an AppError';
  }
};

describe('checkOrganizationShape', () => {
  it('keeps enterprise fields for enterprises and religion for religious establishments', () => {
    expect(fieldOf(() => checkOrganizationShape({ type: 'enterprise', workerCount: 120, hasTradeUnion: false }))).toBeNull();
    expect(fieldOf(() => checkOrganizationShape({ type: 'religious_establishment', religionName: 'Phật giáo' }))).toBeNull();
    expect(fieldOf(() => checkOrganizationShape({ type: 'agency', workerCount: null, religionName: null }))).toBeNull();
  });

  it('names the field used on the wrong type', () => {
    expect(fieldOf(() => checkOrganizationShape({ type: 'agency', workerCount: 3 }))).toBe('workerCount');
    expect(fieldOf(() => checkOrganizationShape({ type: 'village_team', hasTradeUnion: true }))).toBe('hasTradeUnion');
    expect(fieldOf(() => checkOrganizationShape({ type: 'enterprise', religionName: 'Công giáo' }))).toBe('religionName');
  });

  it('requires the parent of a branch and a dissolution after founding', () => {
    expect(fieldOf(() => checkOrganizationShape({ type: 'branch' }))).toBe('parentOrganizationId');
    expect(fieldOf(() => checkOrganizationShape({ type: 'branch', parentOrganizationId: 4 }))).toBeNull();
    expect(fieldOf(() => checkOrganizationShape({ type: 'agency', foundedOn: '2020-05-01', dissolvedOn: '2020-04-30' }))).toBe('dissolvedOn');
  });
});

describe('checkTypeInForce (issue 9 item 7)', () => {
  it('refuses a Ban Dân vận founded at a province after the 2025 merger, and accepts one of 2019', () => {
    expect(messageOf(() => checkTypeInForce({ type: 'mobilization_commission', foundedOn: '2025-07-01' }, 'province', '2026-12-04'))).toBe(
      'loại tổ chức này không áp dụng ở cấp tỉnh vào ngày 01/07/2025 (đến 30/06/2025)',
    );
    expect(() => checkTypeInForce({ type: 'mobilization_commission', foundedOn: '2019-03-01' }, 'province', '2026-12-04')).not.toThrow();
    expect(fieldOf(() => checkTypeInForce({ type: 'mobilization_commission', foundedOn: null }, 'district', '2026-12-04'))).toBe('type');
  });
  it('offers the Ban Xây dựng Đảng to communes from 1/7/2025 only, and never to a village', () => {
    expect(messageOf(() => checkTypeInForce({ type: 'party_building_board', foundedOn: '2025-06-30' }, 'commune', '2026-12-04'))).toBe(
      'loại tổ chức này không áp dụng ở cấp xã vào ngày 30/06/2025 (từ 01/07/2025)',
    );
    expect(() => checkTypeInForce({ type: 'party_building_board', foundedOn: null }, 'commune', '2026-12-04')).not.toThrow();
    expect(messageOf(() => checkTypeInForce({ type: 'party_building_board', foundedOn: null }, 'village', '2026-12-04'))).toBe(
      'loại tổ chức này không có ở cấp thôn',
    );
  });
  it('leaves the types without a period alone', () => {
    expect(() => checkTypeInForce({ type: 'commune_bloc', foundedOn: '2030-01-01' }, 'commune', '2026-12-04')).not.toThrow();
  });
});
