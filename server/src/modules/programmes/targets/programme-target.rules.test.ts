import { describe, expect, it } from 'vitest';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import { looserPart } from './programme-target.rules.ts';

const complaints: TTargetRule = { kind: 'value', indicator: 'DV_TL_DON_GIAI_QUYET', comparator: '>=', threshold: 85 };
const online: TTargetRule = { kind: 'milestone', indicator: 'DVC_TRUC_TUYEN', by: '2025-12-31', comparator: '>=', threshold: { province: 90, district: 80, commune: 60 } };
const models: TTargetRule = { kind: 'share_of_units', indicator: 'DV_BQ_MO_HINH_TU_QUAN', childLevel: 'village', comparator: '>=', threshold: 2, share: 100 };
const poor: TTargetRule = { kind: 'change', indicator: 'HO_NGHEO_DTTS', direction: 'decrease', percent: 15 };
const days: TTargetRule = { kind: 'value', indicator: 'DV_BQ_NGAY_CO_SO', comparator: '<=', threshold: 3 };

describe('a local target may only be stricter than the parent programme’s', () => {
  it('accepts the same rule and a higher threshold for ≥', () => {
    expect(looserPart(complaints, complaints)).toBeNull();
    expect(looserPart(complaints, { ...complaints, threshold: 90 })).toBeNull();
  });
  it('refuses a lower threshold for ≥ and a higher one for ≤', () => {
    expect(looserPart(complaints, { ...complaints, threshold: 84.9 })).toBe('rule.threshold');
    expect(looserPart(days, { ...days, threshold: 2 })).toBeNull();
    expect(looserPart(days, { ...days, threshold: 4 })).toBe('rule.threshold');
  });
  it('checks each level of a level-specific threshold and names the looser level', () => {
    expect(looserPart(online, { ...online, threshold: { province: 90, district: 85, commune: 60 } })).toBeNull();
    expect(looserPart(online, { ...online, threshold: { province: 90, district: 80, commune: 55 } })).toBe('rule.threshold.commune');
    expect(looserPart(online, { ...online, threshold: { province: 90, district: 80 } })).toBe('rule.threshold.commune');
    expect(looserPart(online, { ...online, threshold: 90 })).toBeNull();
    expect(looserPart(online, { ...online, by: '2026-06-30' })).toBe('rule.by');
    expect(looserPart(online, { ...online, by: '2024-12-31' })).toBeNull();
  });
  it('compares shares, percentages and windows', () => {
    expect(looserPart(models, { ...models, threshold: 3 })).toBeNull();
    expect(looserPart(models, { ...models, share: 90 })).toBe('rule.share');
    expect(looserPart(models, { ...models, childLevel: 'commune' })).toBe('rule.childLevel');
    expect(looserPart(poor, { ...poor, percent: 20 })).toBeNull();
    expect(looserPart(poor, { ...poor, percent: 10 })).toBe('rule.percent');
  });
  it('refuses another measure, a dropped rule and a reversed comparator; anything goes under a parent without a rule', () => {
    expect(looserPart(complaints, { ...complaints, indicator: 'KHAC' })).toBe('rule.indicator');
    expect(looserPart(complaints, poor)).toBe('rule.kind');
    expect(looserPart(complaints, null)).toBe('rule');
    expect(looserPart(complaints, { ...complaints, comparator: '<=' })).toBe('rule.comparator');
    expect(looserPart(null, days)).toBeNull();
  });
});
