import { describe, expect, it } from 'vitest';
import { formulaText, targetText } from './indicator-text.ts';
import { loadVietnamese } from '../../i18n/i18n.ts';
import { indicatorConfigVietnamese } from './catalogue.ts';

// the pages' strings come with the pages (lazyPage); here, before the first t()
await loadVietnamese(indicatorConfigVietnamese);

describe('indicator formula and target as shown', () => {
  it('writes the factor and denominator only when not 1, grouping compound sides', () => {
    expect(formulaText({ factor: 100, numerator: '#{GQ}', denominator: '#{NHAN}' })).toBe('100 × #{GQ} / #{NHAN}');
    expect(formulaText({ factor: 1, numerator: '#{A} + #{B}', denominator: '1' })).toBe('#{A} + #{B}');
    expect(formulaText({ factor: 1, numerator: '#{A-1} + #{B}', denominator: '#{C} - #{D.X}' })).toBe('(#{A-1} + #{B}) / (#{C} - #{D.X})');
    expect(formulaText({ factor: 1, numerator: '#{A-1}', denominator: '#{C}' })).toBe('#{A-1} / #{C}');
  });

  it('writes the target with its unit, percent sign attached', () => {
    expect(targetText({ target: 85, targetDirection: 'higher', unitOfMeasure: '%' })).toBe('≥ 85%');
    expect(targetText({ target: 3, targetDirection: 'higher', unitOfMeasure: 'ngày' })).toBe('≥ 3 ngày');
    expect(targetText({ target: 2.5, targetDirection: 'lower', unitOfMeasure: null })).toBe('≤ 2,5');
    expect(targetText({ target: null, targetDirection: null, unitOfMeasure: '%' })).toBe('');
  });
});
