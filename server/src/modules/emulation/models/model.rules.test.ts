import { describe, expect, it } from 'vitest';
import { ownerFits, recogniserProblem, recognitionProblem, reviewPassed, votesFit, type Recognition } from './model.rules.ts';

const commune = { level: 'commune', valid_from: '2025-07-01', valid_to: null };
const district2019 = { level: 'district', valid_from: null, valid_to: '2025-06-30' };
const province = { level: 'province', valid_from: '2025-07-01', valid_to: null };
const base: Recognition = { level: 'commune', onDate: '2026-10-15', currentLevel: null, byUnit: commune, modelUnder: true, issuer: null };

describe('model rules', () => {
  it('matches owners to kinds: a person for an individual, an organisation or unit for a collective', () => {
    expect(ownerFits('individual', 'person')).toBe(true);
    expect(ownerFits('individual', 'organization')).toBe(false);
    expect(ownerFits('collective', 'unit')).toBe(true);
    expect(ownerFits('collective', 'organization')).toBe(true);
    expect(ownerFits('collective', 'person')).toBe(false);
  });

  it('counts a public vote: no more votes than participants; carried by more than half of the votes cast', () => {
    expect(votesFit({ participantCount: 40, votesFor: 36, votesAgainst: 2, votesAbstain: 2 })).toBe(true);
    expect(votesFit({ participantCount: 10, votesFor: 9, votesAgainst: 2, votesAbstain: 0 })).toBe(false);
    expect(reviewPassed({ participantCount: 40, votesFor: 21, votesAgainst: 10, votesAbstain: 10 })).toBe(true);
    expect(reviewPassed({ participantCount: 40, votesFor: 20, votesAgainst: 10, votesAbstain: 10 })).toBe(false);
    expect(reviewPassed({ participantCount: 5, votesFor: 0, votesAgainst: 0, votesAbstain: 0 })).toBe(false);
  });

  it('lets only a unit of the level, in force on the decision date, above the model, recognise at a higher level', () => {
    expect(recognitionProblem(base)).toBeNull();
    expect(recognitionProblem({ ...base, level: 'province' })).toEqual({ field: 'byUnitId', problem: 'wrongLevel' });
    expect(recognitionProblem({ ...base, level: 'province', byUnit: province, currentLevel: 'commune' })).toBeNull();
    expect(recognitionProblem({ ...base, currentLevel: 'commune' })).toEqual({ field: 'level', problem: 'notHigher' });
    expect(recognitionProblem({ ...base, level: 'district', byUnit: district2019, currentLevel: 'province' })).toEqual({ field: 'level', problem: 'notHigher' });
    expect(recognitionProblem({ ...base, modelUnder: false })).toEqual({ field: 'byUnitId', problem: 'notAbove' });
    expect(recognitionProblem({ ...base, onDate: '2025-05-01' })).toEqual({ field: 'byUnitId', problem: 'notInForce' });
  });

  it('judges the recognising unit alone (the step form lists units without a problem), whatever the level held', () => {
    const held = { ...base, currentLevel: 'province' as const };
    expect(recognitionProblem(held)).toEqual({ field: 'level', problem: 'notHigher' });
    expect(recogniserProblem(held)).toBeNull();
    expect(recogniserProblem({ ...base, level: 'central', byUnit: province })).toBeNull();
    expect(recogniserProblem({ ...base, level: 'central', byUnit: commune })).toEqual({ field: 'byUnitId', problem: 'wrongLevel' });
    expect(recogniserProblem({ ...base, level: 'district', byUnit: district2019, onDate: '2025-07-01' })).toEqual({ field: 'byUnitId', problem: 'notInForce' });
    expect(recogniserProblem({ ...base, byUnit: { ...commune, valid_to: '2026-10-14' } })).toEqual({ field: 'byUnitId', problem: 'notInForce' });
    expect(recogniserProblem({ ...base, modelUnder: false })).toEqual({ field: 'byUnitId', problem: 'notAbove' });
  });

  it('ends the district level with 30/06/2025; the central level is recorded by the province with the issuer', () => {
    expect(recognitionProblem({ ...base, level: 'district', byUnit: district2019, onDate: '2024-10-15' })).toBeNull();
    expect(recognitionProblem({ ...base, level: 'district', byUnit: district2019, onDate: '2025-06-30' })).toBeNull();
    expect(recognitionProblem({ ...base, level: 'district', byUnit: district2019, onDate: '2025-07-01' })).toEqual({ field: 'onDate', problem: 'districtEnded' });
    expect(recognitionProblem({ ...base, level: 'central', byUnit: province })).toEqual({ field: 'issuer', problem: 'issuerRequired' });
    expect(recognitionProblem({ ...base, level: 'central', byUnit: province, issuer: 'Ban Dân vận Trung ương' })).toBeNull();
  });
});
