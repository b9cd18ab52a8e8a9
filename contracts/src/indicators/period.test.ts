import { describe, expect, it } from 'vitest';
import {
  addDays,
  dueDate,
  isFuturePeriod,
  lockDate,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodLabel,
  periodsBetween,
  periodsOverlapping,
  periodStart,
  periodType,
  previousPeriod,
  samePeriodLastYear,
} from './period.ts';

describe('parsePeriod', () => {
  it('reads the four DHIS2 id forms and the dashed month', () => {
    expect(parsePeriod('202503')).toEqual({ id: '202503', type: 'monthly', year: 2025, index: 3 });
    expect(parsePeriod('2025-03')).toEqual({ id: '202503', type: 'monthly', year: 2025, index: 3 });
    expect(parsePeriod('2025Q4')).toEqual({ id: '2025Q4', type: 'quarterly', year: 2025, index: 4 });
    expect(parsePeriod('2025S2')).toEqual({ id: '2025S2', type: 'six_monthly', year: 2025, index: 2 });
    expect(parsePeriod('2025')).toEqual({ id: '2025', type: 'yearly', year: 2025, index: 1 });
  });

  it('refuses impossible indexes, years out of range and junk', () => {
    for (const id of ['202513', '202500', '2025-13', '2025Q5', '2025Q0', '2025S3', '2025S0', '1899', '2101', '210101']) {
      expect(parsePeriod(id), id).toBeNull();
    }
    for (const id of ['', '25', '2025q1', '2025Q10', '2025-3', '2025W10', ' 2025', '20250301', 'abc']) {
      expect(parsePeriod(id), id).toBeNull();
    }
  });

  it('periodType names the type and throws on junk', () => {
    expect(periodType('2025S1')).toBe('six_monthly');
    expect(() => periodType('2025Q5')).toThrow(RangeError);
  });
});

describe('periodStart / periodEnd', () => {
  it('gives the first and last day of each type', () => {
    expect([periodStart('202503'), periodEnd('202503')]).toEqual(['2025-03-01', '2025-03-31']);
    expect([periodStart('202504'), periodEnd('202504')]).toEqual(['2025-04-01', '2025-04-30']);
    expect([periodStart('2025Q1'), periodEnd('2025Q1')]).toEqual(['2025-01-01', '2025-03-31']);
    expect([periodStart('2025Q3'), periodEnd('2025Q3')]).toEqual(['2025-07-01', '2025-09-30']);
    expect([periodStart('2025S1'), periodEnd('2025S1')]).toEqual(['2025-01-01', '2025-06-30']);
    expect([periodStart('2025S2'), periodEnd('2025S2')]).toEqual(['2025-07-01', '2025-12-31']);
    expect([periodStart('2025'), periodEnd('2025')]).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('counts February by the leap-year rule (2000 leap, 1900 and 2100 not)', () => {
    expect(periodEnd('202402')).toBe('2024-02-29');
    expect(periodEnd('202502')).toBe('2025-02-28');
    expect(periodEnd('200002')).toBe('2000-02-29');
    expect(periodEnd('190002')).toBe('1900-02-28');
    expect(periodEnd('210002')).toBe('2100-02-28');
  });

  it('throws on an invalid id', () => {
    expect(() => periodStart('202513')).toThrow(RangeError);
    expect(() => periodEnd('x')).toThrow(RangeError);
  });
});

describe('periodLabel', () => {
  it('writes Vietnamese labels by default', () => {
    expect(periodLabel('202503')).toBe('Tháng 3/2025');
    expect(periodLabel('2025-12')).toBe('Tháng 12/2025');
    expect(['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((id) => periodLabel(id))).toEqual([
      'Quý I/2025',
      'Quý II/2025',
      'Quý III/2025',
      'Quý IV/2025',
    ]);
    expect(periodLabel('2025S1')).toBe('6 tháng đầu năm 2025');
    expect(periodLabel('2025S2')).toBe('6 tháng cuối năm 2025');
    expect(periodLabel('2025')).toBe('Năm 2025');
  });

  it('writes English labels on request', () => {
    expect(periodLabel('202503', 'en')).toBe('March 2025');
    expect(periodLabel('202412', 'en')).toBe('December 2024');
    expect(periodLabel('2025Q1', 'en')).toBe('Q1 2025');
    expect(periodLabel('2025S1', 'en')).toBe('January–June 2025');
    expect(periodLabel('2025S2', 'en')).toBe('July–December 2025');
    expect(periodLabel('2025', 'en')).toBe('2025');
  });
});

describe('neighbours and ranges', () => {
  it('steps back and forward across year ends', () => {
    expect(previousPeriod('202501')).toBe('202412');
    expect(previousPeriod('2025-03')).toBe('202502');
    expect(previousPeriod('2025Q1')).toBe('2024Q4');
    expect(previousPeriod('2025S1')).toBe('2024S2');
    expect(previousPeriod('2025')).toBe('2024');
    expect(nextPeriod('202412')).toBe('202501');
    expect(nextPeriod('2025Q4')).toBe('2026Q1');
    expect(nextPeriod('2025S1')).toBe('2025S2');
    expect(nextPeriod('2025S2')).toBe('2026S1');
    expect(nextPeriod('2025')).toBe('2026');
  });

  it('throws past the supported years', () => {
    expect(() => previousPeriod('190001')).toThrow(RangeError);
    expect(() => nextPeriod('2100Q4')).toThrow(RangeError);
  });

  it('finds the same period last year', () => {
    expect(samePeriodLastYear('202503')).toBe('202403');
    expect(samePeriodLastYear('2025Q3')).toBe('2024Q3');
    expect(samePeriodLastYear('2025S2')).toBe('2024S2');
    expect(samePeriodLastYear('2025')).toBe('2024');
  });

  it('lists periods between two ids, both included', () => {
    expect(periodsBetween('202411', '202502')).toEqual(['202411', '202412', '202501', '202502']);
    expect(periodsBetween('2024Q4', '2025Q1')).toEqual(['2024Q4', '2025Q1']);
    expect(periodsBetween('2024S2', '2025S2')).toEqual(['2024S2', '2025S1', '2025S2']);
    expect(periodsBetween('2023', '2025')).toEqual(['2023', '2024', '2025']);
    expect(periodsBetween('2025-03', '202503')).toEqual(['202503']);
    expect(periodsBetween('202503', '202501')).toEqual([]);
  });

  it('refuses a range over two types', () => {
    expect(() => periodsBetween('202501', '2025Q2')).toThrow(RangeError);
  });
});

describe('periods of dates', () => {
  it('finds the period of each type that contains a date', () => {
    expect(periodContaining('2025-06-30', 'monthly')).toBe('202506');
    expect(periodContaining('2025-06-30', 'quarterly')).toBe('2025Q2');
    expect(periodContaining('2025-07-01', 'quarterly')).toBe('2025Q3');
    expect(periodContaining('2025-06-30', 'six_monthly')).toBe('2025S1');
    expect(periodContaining('2025-07-01', 'six_monthly')).toBe('2025S2');
    expect(periodContaining('2025-12-31', 'yearly')).toBe('2025');
  });

  it('throws on a date that does not exist', () => {
    expect(() => periodContaining('2025-02-29', 'monthly')).toThrow(RangeError);
    expect(() => periodContaining('2025-3-1', 'monthly')).toThrow(RangeError);
    expect(() => periodContaining('2101-01-01', 'yearly')).toThrow(RangeError);
  });

  it('lists the periods overlapping a date range', () => {
    expect(periodsOverlapping('2025-02-15', '2025-04-01', 'monthly')).toEqual(['202502', '202503', '202504']);
    expect(periodsOverlapping('2025-03-31', '2025-04-01', 'quarterly')).toEqual(['2025Q1', '2025Q2']);
    expect(periodsOverlapping('2025-01-01', '2025-06-30', 'six_monthly')).toEqual(['2025S1']);
    expect(periodsOverlapping('2024-12-31', '2025-01-01', 'yearly')).toEqual(['2024', '2025']);
    expect(periodsOverlapping('2025-05-01', '2025-04-01', 'monthly')).toEqual([]);
  });
});

describe('dates after a period', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
  });

  it('throws on a bad date or a fraction of a day', () => {
    expect(() => addDays('2025-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('puts due and lock dates after the period end', () => {
    expect(dueDate('202502', 10)).toBe('2025-03-10');
    expect(dueDate('2025Q2', 15)).toBe('2025-07-15');
    expect(dueDate('2025S2', 0)).toBe('2025-12-31');
    expect(lockDate('202412', 31)).toBe('2025-01-31');
    expect(lockDate('2024', 60)).toBe('2025-03-01');
  });
});

describe('isFuturePeriod', () => {
  it('treats the period containing today as open and later ones as future', () => {
    expect(isFuturePeriod('202603', '2026-03-01')).toBe(false);
    expect(isFuturePeriod('202604', '2026-03-31')).toBe(true);
    expect(isFuturePeriod('2026Q1', '2026-03-01')).toBe(false);
    expect(isFuturePeriod('2026Q2', '2026-03-01')).toBe(true);
    expect(isFuturePeriod('2026', '2026-03-01')).toBe(false);
    expect(isFuturePeriod('2025S2', '2026-03-01')).toBe(false);
  });
});
