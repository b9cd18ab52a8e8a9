import { formQuestions, labelIn, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import type { TTabulatedQuestion, TTabulationQuery } from '#contracts/surveys/tabulation.schemas.ts';

/**
 * The tabulation of a selection of responses (issue 13 must-have 4), from the summed tally rows of survey_tally
 * (see the migration): pure, so the JSON endpoint, the Excel export and the tests compute the same figures.
 */

/** One summed tally row of a selection: question '' value '' = submissions; q '' = answered; '~skipped', '~unanswered'; a choice or a number. */
export interface TallyRow {
  question: string;
  value: string;
  count: number;
}

export interface TabulateOptions {
  /** respondents: the percentages are of those who answered the question; submissions: of every response in the selection. */
  base: TTabulationQuery['base'];
  /** Decimals of the percentages and of the mean (0–3). */
  decimals: number;
  /** The language of the labels (a key of the form's labels; falls back to the default, then to any). */
  language: string;
  /** The reader may see answers to sensitive questions (surveys.readSensitive). */
  readSensitive: boolean;
}

export interface Tabulated {
  /** Responses in the selection (question '' value ''). */
  submissions: number;
  questions: TTabulatedQuestion[];
}

export const SKIPPED = '~skipped';
export const UNANSWERED = '~unanswered';

/**
 * count / base × 100 rounded half-up to `decimals`, in integers so that a half is never lost to binary fractions
 * (1/8 → 12.5 → 13 with no decimals; 65/131 → 49.6); null when the base is 0.
 */
export function percentOf(count: number, base: number, decimals: number): number | null {
  if (base <= 0) return null;
  const scale = 10 ** decimals;
  // ⌊(2·count·100·scale + base) / (2·base)⌋ = ⌊count·100·scale/base + ½⌋, exact below 2^53 (a million responses: 2·10^6·10^5)
  return Math.floor((2 * count * 100 * scale + base) / (2 * base)) / scale;
}

/** A number rounded half-up (away from zero for negatives) to `decimals`, without binary-fraction surprises (1.005 → 1.01). */
export function roundHalfUp(value: number, decimals: number): number {
  const text = String(Math.abs(value));
  // exponent notation (1e-7, 1e21) has no decimal digits to shift: plain arithmetic
  if (text.includes('e')) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const rounded = Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

type Cells = Map<string, number>;

/** The rows by question, then value, summed (a selection may hand several rows of one key). */
export function indexTally(rows: readonly TallyRow[]): Map<string, Cells> {
  const byQuestion = new Map<string, Cells>();
  for (const row of rows) {
    let cells = byQuestion.get(row.question);
    if (!cells) byQuestion.set(row.question, (cells = new Map()));
    cells.set(row.value, (cells.get(row.value) ?? 0) + Number(row.count));
  }
  return byQuestion;
}

const isSpecial = (value: string) => value === '' || value === SKIPPED || value === UNANSWERED;

/** Mean, median (exact from the histogram: the average of the two middle values for an even count), min, max. */
export function summariseNumbers(cells: Cells | undefined, decimals: number): NonNullable<TTabulatedQuestion['numbers']> {
  // values as numbers: '3.50' and '3.5' are one value
  const histogram = new Map<number, number>();
  for (const [value, count] of cells ?? []) {
    if (isSpecial(value) || count <= 0) continue;
    const number = Number(value);
    if (!Number.isFinite(number)) continue;
    histogram.set(number, (histogram.get(number) ?? 0) + count);
  }
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const total = values.reduce((sum, v) => sum + (histogram.get(v) ?? 0), 0);
  if (total === 0) return { count: 0, mean: null, median: null, min: null, max: null };
  let sum = 0;
  for (const v of values) sum += v * (histogram.get(v) ?? 0);
  // the k-th smallest value (1-based)
  const nth = (k: number) => {
    let seen = 0;
    for (const v of values) {
      seen += histogram.get(v) ?? 0;
      if (seen >= k) return v;
    }
    return values[values.length - 1] as number;
  };
  const median = total % 2 === 1 ? nth((total + 1) / 2) : (nth(total / 2) + nth(total / 2 + 1)) / 2;
  return { count: total, mean: roundHalfUp(sum / total, decimals), median, min: values[0] as number, max: values[values.length - 1] as number };
}

/**
 * Every question of the form in form order (groups flattened, their labels kept): answered, skipped (relevant was
 * false) and unanswered apart; choices in the list's order with count, base and percent (a select_multiple's
 * percentages are of those who answered it, so they may add up to more than 100); values the tally holds that the
 * list no longer has (an earlier version's choices) after them, named by their code; numbers summarised; text and
 * dates counted only. A sensitive question without the right shows only that it exists: no counts at all.
 */
export function tabulate(form: TSurveyForm, rows: readonly TallyRow[], options: TabulateOptions): Tabulated {
  const tally = indexTally(rows);
  const submissions = tally.get('')?.get('') ?? 0;
  const questions = formQuestions(form).map(({ question, groups }): TTabulatedQuestion => {
    const head = {
      name: question.name,
      label: labelIn(question.label, options.language, question.name),
      type: question.type,
      groups: groups.map((group) => labelIn(group.label, options.language, group.name)),
      sensitive: question.sensitive === true,
    };
    if (question.sensitive && !options.readSensitive) return { ...head, answered: 0, skipped: 0, unanswered: 0, base: 0 };
    const cells = tally.get(question.name);
    const answered = cells?.get('') ?? 0;
    const base = options.base === 'submissions' ? submissions : answered;
    const counts = { answered, skipped: cells?.get(SKIPPED) ?? 0, unanswered: cells?.get(UNANSWERED) ?? 0, base };
    if (question.type === 'select_one' || question.type === 'select_multiple') {
      return { ...head, ...counts, choices: choicesOf(form, question, cells, base, options) };
    }
    if (question.type === 'integer' || question.type === 'decimal') {
      return { ...head, ...counts, numbers: summariseNumbers(cells, options.decimals) };
    }
    return { ...head, ...counts };
  });
  return { submissions, questions };
}

function choicesOf(form: TSurveyForm, question: TQuestion, cells: Cells | undefined, base: number, options: TabulateOptions) {
  const list = (question.listName ? form.choiceLists[question.listName] : undefined) ?? [];
  const known = new Set(list.map((choice) => choice.name));
  const choice = (name: string, label: string) => {
    const count = cells?.get(name) ?? 0;
    return { name, label, count, base, percent: percentOf(count, base, options.decimals) };
  };
  const extra = [...(cells?.keys() ?? [])].filter((value) => !isSpecial(value) && !known.has(value) && (cells?.get(value) ?? 0) > 0).sort();
  return [...list.map((c) => choice(c.name, labelIn(c.label, options.language, c.name))), ...extra.map((name) => choice(name, name))];
}
