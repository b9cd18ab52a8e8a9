import { describe, expect, it } from 'vitest';
import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { defaultRange, readParams, toQuery } from './dashboard-params.ts';
import { formatOperand, formatValue, shade, shortPeriodLabel, standing, targetText } from './figures.ts';

const indicator: TIndicator = {
  id: 1,
  code: 'TLGQ',
  dhis2Uid: null,
  name: 'Tỷ lệ đơn thư được giải quyết',
  description: null,
  numerator: '#{A}',
  denominator: '#{B}',
  factor: 100,
  decimals: 1,
  unitOfMeasure: '%',
  target: 85,
  targetDirection: 'higher',
};

describe('figures as the dashboard shows them', () => {
  it('writes values in Vietnamese with "≈" for estimates and "—" without a value', () => {
    expect(formatValue(78.6, 1)).toBe('78,6');
    expect(formatValue(90, 1, true)).toBe('≈ 90,0');
    expect(formatValue(null, 1)).toBe('—');
    expect(formatOperand(1234)).toBe('1.234');
    expect(formatOperand(4.5, true)).toBe('≈ 4,5');
    expect(targetText(indicator)).toBe('Chỉ tiêu: ≥ 85 %');
  });
  it('places a figure against the target', () => {
    expect(standing({ value: 90, gap: -5 }, indicator)).toBe('reached');
    expect(standing({ value: 80, gap: 5 }, indicator)).toBe('near');
    expect(standing({ value: 50, gap: 35 }, indicator)).toBe('short');
    expect(standing({ value: null, gap: null }, indicator)).toBe('none');
    expect(standing({ value: 3, gap: null }, { ...indicator, target: null, targetDirection: null })).toBe('untargeted');
    expect([shade(0, 0, 100), shade(49, 0, 100), shade(100, 0, 100)]).toEqual([1, 2, 4]);
  });
  it('labels periods on the axis', () => {
    expect(['202403', '2024Q1', '2024S2', '2024'].map(shortPeriodLabel)).toEqual(['3/24', 'Q1/24', 'S2/24', '2024']);
  });
});

describe('dashboard address', () => {
  it('defaults to the twelve months before the current one and keeps a valid range', () => {
    expect(defaultRange('2026-03-02')).toEqual({ from: '202503', to: '202602' });
    expect(defaultRange('2026-03-02', 'yearly')).toEqual({ from: '2025', to: '2025' });
    const params = readParams(new URLSearchParams('indicator=4&unit=12&from=2024Q1&to=2024Q4'), '2026-03-02');
    expect(params).toEqual({ indicatorId: 4, unitId: 12, from: '2024Q1', to: '2024Q4', asOf: null });
    expect(toQuery(params)).toEqual({ indicatorId: 4, unitId: 12, from: '2024Q1', to: '2024Q4' });
    expect(readParams(new URLSearchParams('from=202412&to=2024'), '2026-03-02')).toMatchObject({ indicatorId: null, from: '202503', to: '202602' });
  });
});
