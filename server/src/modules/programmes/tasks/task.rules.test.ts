import { describe, expect, it } from 'vitest';
import { daysBetween, occurrencesAround, taskState, type TaskTiming } from './task.rules.ts';

const timing = (over: Partial<TaskTiming>): TaskTiming => ({ dueOn: null, recurrence: null, createdOn: '2024-01-01', fromYear: 2024, toYear: 2027, ...over });

describe('task status from the one clock', () => {
  it('a one-off task: not started, on track, overdue after its due date, done at 100%', () => {
    const t = timing({ dueOn: '2026-06-30' });
    expect(taskState(t, [], '2026-06-30').status).toBe('not_started');
    expect(taskState(t, [{ on: '2026-05-01', percent: 40 }], '2026-06-30')).toMatchObject({ status: 'on_track', percent: 40, currentDueOn: '2026-06-30' });
    expect(taskState(t, [{ on: '2026-05-01', percent: 40 }], '2026-07-01').status).toBe('overdue');
    expect(taskState(t, [{ on: '2026-05-01', percent: 100 }, { on: '2026-07-02', percent: 90 }], '2026-08-01').status).toBe('done');
  });

  it('continuous work is never overdue', () => {
    expect(taskState(timing({}), [], '2030-01-01').status).toBe('not_started');
  });

  it('occurrences: quarters anchored on the due date, held within the programme years', () => {
    const t = { ...timing({ dueOn: '2025-03-20' }), recurrence: 'quarterly' as const };
    expect(occurrencesAround(t, '2026-05-10')).toEqual({
      current: { from: '2026-04-01', to: '2026-06-30', due: '2026-06-20' },
      previous: { from: '2026-01-01', to: '2026-03-31', due: '2026-03-20' },
    });
    expect(occurrencesAround(t, '2031-02-01').current).toEqual({ from: '2027-10-01', to: '2027-12-31', due: '2027-12-20' });
    expect(occurrencesAround({ ...t, recurrence: 'yearly', dueOn: null }, '2024-03-01').previous).toBeNull();
  });

  it('a yearly report is overdue when this year’s due date passed without a 100% report in the year', () => {
    const t = timing({ recurrence: 'yearly', dueOn: '2024-11-30' });
    const lastYear = { on: '2025-11-20', percent: 100 };
    expect(taskState(t, [lastYear], '2026-11-30')).toMatchObject({ status: 'not_started', currentDueOn: '2026-11-30', occurrenceFrom: '2026-01-01' });
    expect(taskState(t, [lastYear], '2026-12-01')).toMatchObject({ status: 'overdue', currentDueOn: '2026-11-30' });
    expect(taskState(t, [lastYear, { on: '2026-12-05', percent: 100 }], '2026-12-06').status).toBe('done');
  });

  it('the occurrence just ended stays overdue until a late 100% report, which counts for it only', () => {
    const t = timing({ recurrence: 'quarterly' });
    expect(taskState(t, [{ on: '2026-02-01', percent: 50 }], '2026-04-10')).toMatchObject({ status: 'overdue', currentDueOn: '2026-03-31', percent: 50 });
    const late = { on: '2026-04-12', percent: 100 };
    expect(taskState(t, [late], '2026-04-15')).toMatchObject({ status: 'not_started', currentDueOn: '2026-06-30' });
    expect(taskState(t, [late, { on: '2026-05-01', percent: 100 }], '2026-05-02').status).toBe('done');
    // a task created after the quarter ended is not held to it
    expect(taskState({ ...t, createdOn: '2026-04-02' }, [], '2026-04-10').status).toBe('not_started');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
