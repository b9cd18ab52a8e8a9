import { describe, expect, it } from 'vitest';
import { applicableLines, rankNominations, reviewResult, type SheetLine } from './review.rules.ts';

const lines: SheetLine[] = [
  { id: 1, appliesTo: 'general', scoring: 'weight', weight: 40, maxScore: 10 },
  { id: 2, appliesTo: 'collective', scoring: 'weight', weight: 60, maxScore: 20 },
  { id: 3, appliesTo: 'general', scoring: 'pass_fail', weight: null, maxScore: null },
  { id: 4, appliesTo: 'individual', scoring: 'weight', weight: 50, maxScore: 10 },
];

describe('review result', () => {
  it('keeps the general lines and those of the kind', () => {
    expect(applicableLines(lines, 'collective').map((l) => l.id)).toEqual([1, 2, 3]);
    expect(applicableLines(lines, 'individual').map((l) => l.id)).toEqual([1, 3, 4]);
  });

  it('weights the average of each line by its maximum, and passes on the mark with every pass/fail line passed', () => {
    const sheet = applicableLines(lines, 'collective');
    const result = reviewResult(
      sheet,
      [
        { itemId: 1, reviewerId: 7, score: 8, passed: null },
        { itemId: 1, reviewerId: 8, score: 9, passed: null },
        { itemId: 2, reviewerId: 7, score: 16, passed: null },
        { itemId: 2, reviewerId: 8, score: 14, passed: null },
        { itemId: 3, reviewerId: 7, score: null, passed: true },
        { itemId: 3, reviewerId: 8, score: null, passed: true },
      ],
      80,
    );
    // (8.5/10 × 40 + 15/20 × 60) / 100 = 0.79
    expect(result.totalPercent).toBe(79);
    expect(result.complete).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.itemResults).toEqual([
      { itemId: 1, average: 8.5, passVotes: 0, failVotes: 0, passed: null },
      { itemId: 2, average: 15, passVotes: 0, failVotes: 0, passed: null },
      { itemId: 3, average: null, passVotes: 2, failVotes: 0, passed: true },
    ]);
    expect(reviewResult(sheet, [{ itemId: 1, reviewerId: 7, score: 8, passed: null }], 0)).toMatchObject({ totalPercent: 32, complete: false, passed: false, reviewerCount: 1 });
    expect(reviewResult(sheet, [], 0)).toMatchObject({ totalPercent: null, passed: null });
  });

  it('fails a pass/fail line on a tie and passes it on a majority', () => {
    const sheet = [lines[2] as SheetLine];
    const votes = (...passed: boolean[]) => passed.map((p, i) => ({ itemId: 3, reviewerId: i + 1, score: null, passed: p }));
    expect(reviewResult(sheet, votes(true, false), 0).passed).toBe(false);
    expect(reviewResult(sheet, votes(true, false, true), 0)).toMatchObject({ passed: true, totalPercent: 100 });
  });

  it('ranks passed before failed before unknown, then by total, ties sharing a rank, per group', () => {
    const ranks = rankNominations([
      { id: 'a', group: 'x', passed: false, totalPercent: 95, withdrawn: false },
      { id: 'b', group: 'x', passed: true, totalPercent: 81, withdrawn: false },
      { id: 'c', group: 'x', passed: true, totalPercent: 90, withdrawn: false },
      { id: 'd', group: 'x', passed: true, totalPercent: 81, withdrawn: false },
      { id: 'e', group: 'x', passed: null, totalPercent: null, withdrawn: false },
      { id: 'f', group: 'x', passed: true, totalPercent: 99, withdrawn: true },
      { id: 'g', group: 'y', passed: false, totalPercent: 10, withdrawn: false },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ c: 1, b: 2, d: 2, a: 4, e: 5, g: 1 });
  });
});
