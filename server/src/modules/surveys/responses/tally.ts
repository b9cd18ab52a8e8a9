import type { TCellState } from '#contracts/surveys/answers.ts';
import { formQuestions, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';

/** What the tallies count of one question of one response (survey_response.cells, from checkAnswers). */
export type TCells = Record<string, TCellState>;

/** One row of survey_tally as a key, and how much it moves. */
export interface TallyDelta {
  unitId: number;
  group: string;
  question: string;
  value: string;
  count: number;
}

/** A number's canonical text in the tallies: String(Number(v)) ('7.50' and 7.5 are one value). */
export const canonicalNumber = (value: number | string) => String(Number(value));

/**
 * The (question, value) keys one response adds to the tallies (see migration 20261224T1000_surveys.sql):
 * ('', '') once; per question '' when answered, '~skipped' / '~unanswered' otherwise; the chosen choices of
 * selects; the canonical number of integer and decimal answers. Text and date answers count only as answered.
 */
export function tallyKeys(form: TSurveyForm, answers: TAnswers, cells: TCells): [string, string][] {
  const keys: [string, string][] = [['', '']];
  for (const { question } of formQuestions(form)) {
    const cell = cells[question.name];
    if (cell === 'skipped') keys.push([question.name, '~skipped']);
    else if (cell === 'unanswered' || cell === undefined) keys.push([question.name, '~unanswered']);
    else {
      keys.push([question.name, '']);
      const value = answers[question.name];
      if (value === undefined) continue;
      if (question.type === 'select_one' && typeof value === 'string') keys.push([question.name, value]);
      else if (question.type === 'select_multiple' && Array.isArray(value)) for (const choice of new Set(value)) keys.push([question.name, choice]);
      else if ((question.type === 'integer' || question.type === 'decimal') && (typeof value === 'number' || typeof value === 'string')) {
        keys.push([question.name, canonicalNumber(value)]);
      }
    }
  }
  return keys;
}

/** Adds up deltas by key (a batch of responses becomes one upsert per key), dropping those that cancel out. */
export class TallyBatch {
  private readonly counts = new Map<string, TallyDelta>();

  /** Counts one response in (sign 1) or out (sign -1). */
  add(form: TSurveyForm, response: { unitId: number; group: string; answers: TAnswers; cells: TCells }, sign: 1 | -1): void {
    for (const [question, value] of tallyKeys(form, response.answers, response.cells)) {
      // names and values hold no NUL (ZFormName; choice names and numbers)
      const key = `${response.unitId}\u0000${response.group}\u0000${question}\u0000${value}`;
      const row = this.counts.get(key);
      if (row) row.count += sign;
      else this.counts.set(key, { unitId: response.unitId, group: response.group, question, value, count: sign });
    }
  }

  /** The non-zero deltas sorted by the table's key order (question, value, unit, group): concurrent upserts never deadlock. */
  deltas(): TallyDelta[] {
    return [...this.counts.values()]
      .filter((d) => d.count !== 0)
      .sort((a, b) => cmp(a.question, b.question) || cmp(a.value, b.value) || a.unitId - b.unitId || cmp(a.group, b.group));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
