import { describe, expect, it } from 'vitest';
import { inGroup, matchRow, parseCompleted, shiftDate, trainingStatus, windowStart, type MatchCandidate } from './rules.ts';

describe('training windows', () => {
  it('two years back: a course of 02/12/2024 still counts on 01/12/2026, one of 01/12/2024 does not', () => {
    expect(windowStart('two_years', '2026-12-01', { termFrom: '2025-07-01', firstFrom: '2020-05-01' })).toBe('2024-12-02');
    const role = { termFrom: '2025-07-01', firstFrom: '2020-05-01' };
    expect(trainingStatus('two_years', '2026-12-01', role, ['2024-12-02'])).toBe('due');
    expect(trainingStatus('two_years', '2026-12-01', role, ['2024-12-01'])).toBe('overdue');
    expect(trainingStatus('two_years', '2026-12-01', role, ['2026-03-01'])).toBe('trained');
    expect(trainingStatus('two_years', '2026-12-01', role, [])).toBe('never');
    // a course after the day does not count yet
    expect(trainingStatus('two_years', '2026-12-01', role, ['2026-12-02'])).toBe('never');
  });

  it('within the term and since the role: from the term, or from the first role of the group', () => {
    const role = { termFrom: '2025-07-01', firstFrom: '2020-05-01' };
    expect(trainingStatus('term', '2026-12-01', role, ['2024-03-01'])).toBe('overdue');
    expect(trainingStatus('term', '2026-12-01', role, ['2025-07-01'])).toBe('trained');
    expect(trainingStatus('since_role', '2026-12-01', role, ['2024-03-01'])).toBe('trained');
    expect(trainingStatus('since_role', '2026-12-01', role, ['2019-03-01'])).toBe('overdue');
  });

  it('shifts dates by years keeping 29 February inside February', () => {
    expect(shiftDate('2028-02-29', -2)).toBe('2026-02-28');
    expect(shiftDate('2026-05-10', -2, 1)).toBe('2024-05-11');
    expect(shiftDate('2026-12-31', 0, 1)).toBe('2027-01-01');
  });
});

describe('groups of roles', () => {
  it('party-cell secretaries who are also village heads, by the Chi bộ title', () => {
    const cell = (foldedTitle: string) => inGroup('cell_secretary_village_head', { organizationType: 'party_cell', unitLevel: 'village', foldedTitle });
    expect(cell('bi thu chi bo kiem truong thon')).toBe(true);
    expect(cell('bi thu chi bo kiem truong ban')).toBe(true);
    expect(cell('bi thu chi bo')).toBe(false);
    expect(cell('pho bi thu chi bo kiem truong thon')).toBe(false);
    expect(inGroup('cell_secretary_village_head', { organizationType: 'village_team', unitLevel: 'village', foldedTitle: 'bi thu chi bo kiem truong thon' })).toBe(false);
  });

  it('mass-mobilisation cadres above villages; province and district cadres; grassroots cadres', () => {
    expect(inGroup('mobilisation_cadre', { organizationType: 'womens_union', unitLevel: 'commune', foldedTitle: 'chu tich' })).toBe(true);
    expect(inGroup('mobilisation_cadre', { organizationType: 'womens_union', unitLevel: 'village', foldedTitle: 'chi hoi truong' })).toBe(false);
    expect(inGroup('upper_cadre', { organizationType: 'mobilization_commission', unitLevel: 'district', foldedTitle: 'truong ban' })).toBe(true);
    expect(inGroup('upper_cadre', { organizationType: 'mobilization_commission', unitLevel: 'commune', foldedTitle: 'truong ban' })).toBe(false);
    expect(inGroup('grassroots_cadre', { organizationType: 'commune_bloc', unitLevel: 'commune', foldedTitle: 'thanh vien' })).toBe(true);
  });
});

describe('matching an attendance row', () => {
  const c = (personId: number, birthYear: number | null): MatchCandidate => ({ personId, fullName: 'Nguyễn Văn An', birthYear, unitName: 'Thôn 1' });
  it('one of the year is a match; several, or the name only, are doubtful; none is no match', () => {
    expect(matchRow(1970, [c(1, 1970), c(2, 1971)])).toEqual({ kind: 'matched', personId: 1 });
    expect(matchRow(1970, [c(1, 1970), c(2, 1970)])).toMatchObject({ kind: 'doubtful', reason: 'several', candidates: [c(1, 1970), c(2, 1970)] });
    expect(matchRow(1972, [c(1, 1970)])).toMatchObject({ kind: 'doubtful', reason: 'birthYear', candidates: [c(1, 1970)] });
    expect(matchRow(null, [c(1, 1970)])).toMatchObject({ kind: 'doubtful', reason: 'birthYear' });
    expect(matchRow(1970, [])).toEqual({ kind: 'none' });
  });
  it('reads completion words', () => {
    expect(['co', 'x', 'hoan thanh', 'dat'].map(parseCompleted)).toEqual([true, true, true, true]);
    expect(['khong', '', 'chua'].map(parseCompleted)).toEqual([false, false, false]);
    expect(parseCompleted('co le')).toBeNull();
  });
});
