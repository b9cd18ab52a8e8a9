import { describe, expect, it } from 'vitest';
import { compareVi } from '#server/shared/vn-text.ts';
import { computeFigures, mergeCells, parseIndicator, periodsWithin, rangeLabel, sortByGap, totalsPeriodsWithin, viewOn, type TotalCell } from './dashboard.rules.ts';

const rate = parseIndicator({ numerator: '#{RESOLVED}', denominator: '#{RECEIVED}', factor: 100, decimals: 1, target: 85, targetDirection: 'higher' });
const operands = (ids: Record<string, number>, cocs: Record<string, number> = {}) =>
  rate.operands.map((operand) => ({ operand, elementId: ids[operand.element], cocId: operand.coc === null ? null : cocs[operand.coc] }));
const cell = (elementId: number, sum: number, extra: Partial<TotalCell> = {}): TotalCell => ({ elementId, cocId: 1, sum, apportioned: false, nValues: 1, ...extra });

describe('totalsPeriodsWithin', () => {
  it('reads the year rollups for whole calendar years, and every period inside any other range', () => {
    expect(totalsPeriodsWithin('202401', '202412')).toEqual(['Y2024']);
    expect(totalsPeriodsWithin('2023Q1', '202512')).toEqual(['Y2023', 'Y2024', 'Y2025']);
    expect(totalsPeriodsWithin('2024', '2024')).toEqual(['Y2024']);
    expect(totalsPeriodsWithin('202401', '202411')).toEqual(periodsWithin('202401', '202411'));
    expect(totalsPeriodsWithin('202402', '202501')).toEqual(periodsWithin('202402', '202501'));
  });
});

describe('periodsWithin', () => {
  it('holds every period of every type inside the range, and nothing straddling its ends', () => {
    expect(periodsWithin('202401', '202406')).toEqual(['202401', '202402', '202403', '202404', '202405', '202406', '2024Q1', '2024Q2', '2024S1']);
    expect(periodsWithin('202402', '202404')).toEqual(['202402', '202403', '202404']);
    expect(periodsWithin('2024', '2024')).toHaveLength(12 + 4 + 2 + 1);
    expect(periodsWithin('2024Q3', '2024Q3')).toEqual(['202407', '202408', '202409', '2024Q3']);
  });
  it('labels the range and picks the view from the date', () => {
    expect(rangeLabel('2024Q1', '2024Q4')).toBe('Quý I/2024 – Quý IV/2024');
    expect(rangeLabel('2025', '2025')).toBe('Năm 2025');
    expect([viewOn('2025-06-30'), viewOn('2025-07-01')]).toEqual(['entered', 'current']);
  });
});

describe('computeFigures', () => {
  it('evaluates the ratio on summed operands, rounds to the decimals and measures the gap to the target', () => {
    const figures = computeFigures(rate, operands({ RESOLVED: 1, RECEIVED: 2 }), [cell(1, 20), cell(1, 35), cell(2, 70)]);
    expect(figures).toEqual({ numerator: 55, denominator: 70, value: 78.6, gap: 6.4, apportioned: false, hasData: true });
    const lower = parseIndicator({ ...rate.definition, target: 10, targetDirection: 'lower' });
    expect(computeFigures(lower, operands({ RESOLVED: 1, RECEIVED: 2 }), [cell(1, 3), cell(2, 20)]).gap).toBe(5);
  });
  it('gives no value without data or with a zero denominator, and flags apportioned parts', () => {
    expect(computeFigures(rate, operands({ RESOLVED: 1, RECEIVED: 2 }), [])).toEqual({ numerator: null, denominator: null, value: null, gap: null, apportioned: false, hasData: false });
    expect(computeFigures(rate, operands({ RESOLVED: 1, RECEIVED: 2 }), [cell(1, 4), cell(2, 0)])).toMatchObject({ numerator: 4, denominator: 0, value: null, hasData: true });
    expect(computeFigures(rate, operands({ RESOLVED: 1, RECEIVED: 2 }), [cell(1, 4.5, { apportioned: true }), cell(2, 5)])).toMatchObject({ value: 90, apportioned: true });
    // an unknown element code reads 0
    expect(computeFigures(rate, operands({ RECEIVED: 2 }), [cell(2, 10)])).toMatchObject({ numerator: 0, value: 0, gap: 85 });
  });
  it('reads one disaggregation with #{CODE.COC} and all of them with #{CODE}', () => {
    const land = parseIndicator({ numerator: '#{RESOLVED.LAND}', denominator: '#{RESOLVED}', factor: 100, decimals: 0, target: null, targetDirection: null });
    const ops = land.operands.map((operand) => ({ operand, elementId: 1, cocId: operand.coc === null ? null : 7 }));
    expect(computeFigures(land, ops, [cell(1, 3, { cocId: 7 }), cell(1, 9, { cocId: 8 })])).toEqual({
      numerator: 3,
      denominator: 12,
      value: 25,
      gap: null,
      apportioned: false,
      hasData: true,
    });
  });
});

describe('sortByGap and mergeCells', () => {
  it('puts the furthest from the target first and rows without a value last', () => {
    const rows = [
      { name: 'Xã B', value: 90, gap: -5 },
      { name: 'Xã C', value: null, gap: null },
      { name: 'Xã A', value: 50, gap: 35 },
      { name: 'Xã Ă', value: 50, gap: 35 },
    ];
    expect(sortByGap(rows, compareVi).map((r) => r.name)).toEqual(['Xã A', 'Xã Ă', 'Xã B', 'Xã C']);
  });
  it('adds cells of the same element and combo', () => {
    expect(mergeCells([cell(1, 2), cell(1, 3, { apportioned: true }), cell(2, 1)])).toEqual([
      { elementId: 1, cocId: 1, sum: 5, apportioned: true, nValues: 2 },
      { elementId: 2, cocId: 1, sum: 1, apportioned: false, nValues: 1 },
    ]);
  });
});
