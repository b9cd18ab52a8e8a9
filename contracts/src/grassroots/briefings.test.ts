import { describe, expect, it } from 'vitest';
import {
  attendanceRate, bodyDueIn, briefingProblem, briefingStatus, lastPeriods, periodBounds, periodEndMonth, periodOf, periodsBetween, recurrenceChangeProblem, recurrenceOfPeriodIn,
  recurrenceOn, sameSchedule, schedulePeriods, scheduleWith, shiftPeriod, type TRecurrenceChange,
} from './briefings.ts';

describe('briefing periods', () => {
  it('finds the period of a date per recurrence', () => {
    expect(periodOf('2026-11-05', 'monthly')).toBe('2026-11');
    expect(periodOf('2026-01-31', 'monthly')).toBe('2026-01');
    expect(periodOf('2026-11-05', 'quarterly')).toBe('2026-Q4');
    expect(periodOf('2026-03-31', 'quarterly')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarterly')).toBe('2026-Q2');
  });

  it('bounds months and quarters, leap years included', () => {
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodBounds('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodEndMonth('2026-Q2')).toBe('2026-06');
    expect(periodEndMonth('2026-05')).toBe('2026-05');
    expect(() => periodBounds('2026-13')).toThrow();
  });

  it('steps across years and lists ranges oldest first', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftPeriod('2026-Q1', -5)).toBe('2024-Q4');
    expect(periodsBetween('2025-11-15', '2026-02-01', 'monthly')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-11-15', '2026-02-01', 'quarterly')).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodsBetween('2026-02-01', '2025-11-15', 'monthly')).toEqual([]);
    expect(lastPeriods('2026-12-02', 'monthly', 12)).toEqual(periodsBetween('2026-01-01', '2026-12-31', 'monthly'));
    expect(lastPeriods('2026-12-02', 'quarterly', 3)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
  });
});

describe('missed briefings', () => {
  it('a period without a held briefing is missed after its end, open until then', () => {
    expect(briefingStatus('2026-11', '2026-12-02', null)).toBe('missed');
    expect(briefingStatus('2026-11', '2026-11-30', null)).toBe('open');
    expect(briefingStatus('2026-12', '2026-12-02', null)).toBe('open');
    expect(briefingStatus('2026-Q4', '2026-12-31', null)).toBe('open');
    expect(briefingStatus('2026-Q3', '2026-10-01', null)).toBe('missed');
  });

  it('a recorded briefing decides: held, or "not held" (missed at once)', () => {
    expect(briefingStatus('2026-11', '2026-12-02', { held: true })).toBe('held');
    expect(briefingStatus('2026-12', '2026-12-02', { held: false })).toBe('missed');
  });

  it('a body is due only in the periods it existed', () => {
    expect(bodyDueIn('2025-06', { foundedOn: '2025-07-01', dissolvedOn: null })).toBe(false);
    expect(bodyDueIn('2025-07', { foundedOn: '2025-07-01', dissolvedOn: null })).toBe(true);
    expect(bodyDueIn('2025-Q3', { foundedOn: '2025-07-01', dissolvedOn: null })).toBe(true);
    expect(bodyDueIn('2025-07', { foundedOn: null, dissolvedOn: '2025-07-01' })).toBe(false);
    expect(bodyDueIn('2025-06', { foundedOn: null, dissolvedOn: '2025-07-01' })).toBe(true);
  });

  it('checks the period against the recurrence and the day held against the period', () => {
    const base = { held: true, recurrence: 'monthly' as const, today: '2026-12-02' };
    expect(briefingProblem({ ...base, period: '2026-11', heldOn: '2026-11-20' })).toBeNull();
    expect(briefingProblem({ ...base, period: '2026-Q4', heldOn: '2026-11-20' })).toEqual({ field: 'period', problem: 'periodRecurrence' });
    expect(briefingProblem({ ...base, period: '2027-01', heldOn: '2026-11-20' })).toEqual({ field: 'period', problem: 'periodFuture' });
    expect(briefingProblem({ ...base, period: '2026-11', heldOn: '2026-10-31' })).toEqual({ field: 'heldOn', problem: 'heldOnOutside' });
    expect(briefingProblem({ ...base, period: '2026-12', heldOn: '2026-12-03' })).toEqual({ field: 'heldOn', problem: 'heldOnFuture' });
    expect(briefingProblem({ ...base, recurrence: 'quarterly', period: '2026-Q4', heldOn: '2026-10-03' })).toBeNull();
  });

  it('attendance rate in percent, one decimal', () => {
    expect(attendanceRate(7, 9)).toBe(77.8);
    expect(attendanceRate(0, 0)).toBeNull();
  });
});

describe('recurrence history', () => {
  const quarterlyFromJuly: TRecurrenceChange[] = [{ validFrom: '2026-07-01', recurrence: 'quarterly' }];

  it('judges each period by the recurrence in force then: months before the change, quarters after', () => {
    expect(recurrenceOn([], '2026-05-10')).toBe('monthly');
    expect(recurrenceOn(quarterlyFromJuly, '2026-06-30')).toBe('monthly');
    expect(recurrenceOn(quarterlyFromJuly, '2026-07-01')).toBe('quarterly');
    expect(schedulePeriods(quarterlyFromJuly, '2026-04-15', '2026-12-02')).toEqual(['2026-04', '2026-05', '2026-06', '2026-Q3', '2026-Q4']);
    expect(schedulePeriods([], '2026-05-01', '2026-06-30')).toEqual(['2026-05', '2026-06']);
    // a row kept from before changes were dated holds since always; a later change back to monthly from a quarter's start
    const back: TRecurrenceChange[] = [{ validFrom: '2027-01-01', recurrence: 'monthly' }, { validFrom: null, recurrence: 'quarterly' }];
    expect(schedulePeriods(back, '2026-08-01', '2027-02-10')).toEqual(['2026-Q3', '2026-Q4', '2027-01', '2027-02']);
    expect(recurrenceOfPeriodIn(back, '2026-Q4')).toBe('quarterly');
    expect(recurrenceOfPeriodIn(back, '2027-01')).toBe('monthly');
    // a range inside one span only
    expect(schedulePeriods(quarterlyFromJuly, '2026-08-01', '2026-08-31')).toEqual(['2026-Q3']);
  });

  it('takes a change from a period of the new recurrence that does not cut a period of the one before', () => {
    expect(recurrenceChangeProblem([], { recurrence: 'quarterly', from: '2026-Q3' })).toBeNull();
    expect(recurrenceChangeProblem([], { recurrence: 'quarterly', from: '2026-07' })).toBe('fromRecurrence');
    expect(recurrenceChangeProblem([], { recurrence: 'monthly', from: '2026-Q3' })).toBe('fromRecurrence');
    expect(recurrenceChangeProblem(quarterlyFromJuly, { recurrence: 'monthly', from: '2026-10' })).toBeNull();
    expect(recurrenceChangeProblem(quarterlyFromJuly, { recurrence: 'monthly', from: '2026-08' })).toBe('fromSplitsPeriod');
    // a change replaces those on or after its day and keeps those before
    expect(scheduleWith([{ validFrom: null, recurrence: 'quarterly' }, ...quarterlyFromJuly], { validFrom: '2026-04-01', recurrence: 'monthly' })).toEqual([
      { validFrom: null, recurrence: 'quarterly' },
      { validFrom: '2026-04-01', recurrence: 'monthly' },
    ]);
    // a change to the recurrence already in force changes nothing
    expect(sameSchedule([], [{ validFrom: '2026-07-01', recurrence: 'monthly' }])).toBe(true);
    expect(sameSchedule(quarterlyFromJuly, [...quarterlyFromJuly, { validFrom: '2026-10-01', recurrence: 'quarterly' }])).toBe(true);
    expect(sameSchedule([], quarterlyFromJuly)).toBe(false);
  });
});
