import { describe, expect, it } from 'vitest';
import type { TCompleteness } from '#contracts/indicators/reports.api.ts';
import { dueStatus } from './due.ts';

const period = { id: '202611', label: 'Tháng 11/2026', start: '2026-11-01', end: '2026-11-30', due: '2026-12-05', lock: '2026-12-15' };
const counts = { expected: 1, submitted: 0, onTime: 0, late: 0, approved: 0, returned: 0, missing: 1 };
const completeness = (units: TCompleteness['units'], more: Partial<TCompleteness> = {}): TCompleteness => ({
  dataSetId: 1,
  period,
  unit: { id: 7, name: 'Xã Tà Rụt' },
  ...counts,
  units,
  ...more,
});
const report = (state: 'draft' | 'submitted' | 'returned' | 'approved') => ({ id: '0', state, version: 1, onTime: null, firstSubmittedAt: null });

describe('what is due on the home page', () => {
  it('a commune with nothing entered: due until the due date, overdue the day after', () => {
    const c = completeness([{ unitId: 7, name: 'Xã Tà Rụt', parentName: null, report: null }]);
    expect(dueStatus(c, 7, '2026-12-05')).toMatchObject({ kind: 'own', overdue: false, urgency: 2 });
    expect(dueStatus(c, 7, '2026-12-06')).toMatchObject({ kind: 'own', overdue: true, urgency: 1 });
  });

  it('a returned report comes first; a sent one is never overdue and comes last', () => {
    const own = (state: 'returned' | 'submitted') => completeness([{ unitId: 7, name: 'Xã Tà Rụt', parentName: null, report: report(state) }]);
    expect(dueStatus(own('returned'), 7, '2026-12-20')).toMatchObject({ urgency: 0, overdue: true });
    expect(dueStatus(own('submitted'), 7, '2026-12-20')).toMatchObject({ urgency: 3, overdue: false });
  });

  it('a province follows the communes below; a data set nobody reports under the unit is left out', () => {
    const below = completeness(
      [
        { unitId: 8, name: 'Xã A', parentName: null, report: report('approved') },
        { unitId: 9, name: 'Xã B', parentName: null, report: null },
      ],
      { expected: 2, submitted: 1, missing: 1 },
    );
    expect(dueStatus(below, 1, '2026-12-06')).toMatchObject({ kind: 'below', overdue: true, urgency: 1 });
    expect(dueStatus(below, null, '2026-12-01')).toMatchObject({ kind: 'below', overdue: false, urgency: 2 });
    expect(dueStatus(completeness([], { expected: 0, missing: 0 }), 7, '2026-12-01')).toBeNull();
  });
});
