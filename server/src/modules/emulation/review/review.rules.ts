/**
 * The result of a nomination from its reviewers' current scores (pure; review.rules.test.ts).
 *
 * - A weighted line counts `average / maxScore × weight`, the average taken over the reviewers who scored it; the
 *   total is the sum over the weighted lines divided by the sum of their weights, as a percentage (0–100, two
 *   decimals). A line nobody scored yet counts 0, so the total only grows as scoring goes on.
 * - A pass/fail line passes when more than half of the reviewers who judged it said "passed".
 * - The nomination passes when every applicable line was scored (complete), every pass/fail line passed and the
 *   total reaches the sheet's pass mark. Before any score the result is unknown (null).
 */

export interface SheetLine {
  id: number;
  appliesTo: 'general' | 'collective' | 'individual';
  scoring: 'weight' | 'pass_fail';
  weight: number | null;
  maxScore: number | null;
}

export interface CurrentScore {
  itemId: number;
  reviewerId: number;
  score: number | null;
  passed: boolean | null;
}

export interface LineResult {
  itemId: number;
  average: number | null;
  passVotes: number;
  failVotes: number;
  passed: boolean | null;
}

export interface ReviewResult {
  itemResults: LineResult[];
  totalPercent: number | null;
  complete: boolean;
  passed: boolean | null;
  reviewerCount: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The lines of a sheet that apply to a model of this kind: the general ones and those of its kind. */
export const applicableLines = <L extends Pick<SheetLine, 'appliesTo'>>(lines: readonly L[], kind: 'collective' | 'individual'): L[] =>
  lines.filter((line) => line.appliesTo === 'general' || line.appliesTo === kind);

export function reviewResult(lines: readonly SheetLine[], scores: readonly CurrentScore[], passPercent: number): ReviewResult {
  const byLine = new Map<number, CurrentScore[]>();
  for (const score of scores) byLine.set(score.itemId, [...(byLine.get(score.itemId) ?? []), score]);
  let weighted = 0;
  let weights = 0;
  let complete = true;
  let allPassFail = true;
  const itemResults = lines.map((line): LineResult => {
    const given = byLine.get(line.id) ?? [];
    if (given.length === 0) complete = false;
    if (line.scoring === 'weight') {
      const values = given.map((s) => s.score).filter((v): v is number => v !== null);
      const average = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      const weight = line.weight ?? 0;
      weights += weight;
      if (average !== null && line.maxScore) weighted += (average / line.maxScore) * weight;
      return { itemId: line.id, average: average === null ? null : round2(average), passVotes: 0, failVotes: 0, passed: null };
    }
    const passVotes = given.filter((s) => s.passed === true).length;
    const failVotes = given.filter((s) => s.passed === false).length;
    const passed = passVotes + failVotes === 0 ? null : passVotes * 2 > passVotes + failVotes;
    if (passed !== true) allPassFail = false;
    return { itemId: line.id, average: null, passVotes, failVotes, passed };
  });
  const reviewerCount = new Set(scores.map((s) => s.reviewerId)).size;
  const totalPercent = scores.length === 0 ? null : weights > 0 ? round2((weighted / weights) * 100) : 100;
  const passed = scores.length === 0 ? null : complete && allPassFail && (totalPercent ?? 0) >= passPercent;
  return { itemResults, totalPercent, complete, passed, reviewerCount };
}

/**
 * Ranks of nominations within their group (same reviewing unit and kind): passed before not passed before unknown,
 * then the higher total; equal results share a rank (1, 2, 2, 4). Withdrawn ones get none.
 */
export function rankNominations<N extends { id: string; group: string; passed: boolean | null; totalPercent: number | null; withdrawn: boolean }>(
  nominations: readonly N[],
): Map<string, number> {
  const order = (n: N) => (n.passed === true ? 2 : n.passed === false ? 1 : 0);
  const ranks = new Map<string, number>();
  const groups = new Map<string, N[]>();
  for (const n of nominations) if (!n.withdrawn) groups.set(n.group, [...(groups.get(n.group) ?? []), n]);
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => order(b) - order(a) || (b.totalPercent ?? -1) - (a.totalPercent ?? -1));
    sorted.forEach((n, i) => {
      const previous = sorted[i - 1];
      const tie = previous && order(previous) === order(n) && previous.totalPercent === n.totalPercent;
      ranks.set(n.id, tie ? (ranks.get(previous.id) as number) : i + 1);
    });
  }
  return ranks;
}
