import { describe, expect, it } from 'vitest';
import { AppError } from '#server/shared/errors.ts';
import { checkOrganizationShape } from './organization.rules.ts';

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
