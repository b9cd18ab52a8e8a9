import type { TCellState } from '#contracts/surveys/answers.ts';
import { formQuestions, type TAnswers, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';

/**
 * The state of each question of one response (checkAnswers gives every question's). A question is answered exactly
 * when it has an answer (checkAnswers keeps only valid answers, and none of a skipped question), so the stored
 * survey_response.cells keeps only the others, skipped or unanswered (storedCells): read a state with cellState,
 * which gives the same for a full record and for a stored one (rows written before kept 'answered' too).
 */
export type TCells = Record<string, TCellState>;

/** A question's state in a response: answered when it has an answer, otherwise skipped or unanswered as `cells` say. */
export function cellState(answers: TAnswers, cells: TCells, name: string): TCellState {
  if (Object.hasOwn(answers, name)) return 'answered';
  return cells[name] === 'skipped' ? 'skipped' : 'unanswered';
}

/** Cells as survey_response stores them: the questions not answered (≈ 1/10 of the full record's bytes). */
export function storedCells(cells: TCells): TCells {
  const stored: TCells = {};
  for (const name in cells) if (cells[name] !== 'answered') stored[name] = cells[name] as TCellState;
  return stored;
}

/** One row of survey_tally as a key, and how much it moves. */
export interface TallyDelta {
  unitId: number;
  group: string;
  question: string;
  value: string;
  count: number;
  /** For survey_cross_tally: the crossing select_one question and the response's answer to it (absent for survey_tally). */
  by?: { question: string; value: string };
}

/** A number's canonical text in the tallies: String(Number(v)) ('7.50' and 7.5 are one value). */
export const canonicalNumber = (value: number | string) => String(Number(value));

/** The questions of a form, walked once per form (an import tallies a million responses against one form). */
const questionsOf = new WeakMap<TSurveyForm, TQuestion[]>();
function questionList(form: TSurveyForm): TQuestion[] {
  let list = questionsOf.get(form);
  if (!list) {
    list = formQuestions(form).map(({ question }) => question);
    questionsOf.set(form, list);
  }
  return list;
}

/**
 * The (question, value) keys one response adds to the tallies (see migration 20261224T1000_surveys.sql):
 * ('', '') once; per question '' when answered, '~skipped' / '~unanswered' otherwise; the chosen choices of
 * selects; the canonical number of integer and decimal answers. Text and date answers count only as answered.
 * Each key is handed to `visit` in that order.
 */
export function visitTallyKeys(form: TSurveyForm, answers: TAnswers, cells: TCells, visit: (question: string, value: string) => void): void {
  visit('', '');
  for (const question of questionList(form)) {
    const cell = cellState(answers, cells, question.name);
    if (cell === 'skipped') visit(question.name, '~skipped');
    else if (cell === 'unanswered') visit(question.name, '~unanswered');
    else {
      visit(question.name, '');
      const value = answers[question.name];
      if (value === undefined) continue;
      if (question.type === 'select_one' && typeof value === 'string') visit(question.name, value);
      else if (question.type === 'select_multiple' && Array.isArray(value)) for (const choice of new Set(value)) visit(question.name, choice);
      else if ((question.type === 'integer' || question.type === 'decimal') && (typeof value === 'number' || typeof value === 'string')) {
        visit(question.name, canonicalNumber(value));
      }
    }
  }
}

/** The keys of `visitTallyKeys` as a list. */
export function tallyKeys(form: TSurveyForm, answers: TAnswers, cells: TCells): [string, string][] {
  const keys: [string, string][] = [];
  visitTallyKeys(form, answers, cells, (question, value) => keys.push([question, value]));
  return keys;
}

/** A question as a batch counts it: the indexes of its keys in the batch (values met so far by their index). */
interface Slot {
  question: TQuestion;
  answered: number;
  skipped: number;
  unanswered: number;
  values: Map<string, number>;
}

/**
 * Adds up deltas by key (a batch of responses becomes one upsert per key), dropping those that cancel out. The keys
 * are those of `visitTallyKeys`, numbered once per batch: a response's keys are counted into an array of its
 * (unit, group) by index, with no string made per key (an import counts a million responses, ~40 keys each).
 */
export class TallyBatch {
  private readonly keys: { question: string; value: string }[] = [];
  private readonly byQuestion = new Map<string, Map<string, number>>();
  private readonly slots = new WeakMap<TSurveyForm, Slot[]>();
  private readonly total: number = this.index('', '');
  private readonly byPlace = new Map<string, { unitId: number; group: string; by?: { question: string; value: string }; counts: number[] }>();
  /** The key indexes of the response being added (reused). */
  private readonly hits: number[] = [];

  private values(question: string): Map<string, number> {
    let values = this.byQuestion.get(question);
    if (!values) {
      values = new Map();
      this.byQuestion.set(question, values);
    }
    return values;
  }

  private index(question: string, value: string, values = this.values(question)): number {
    let index = values.get(value);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push({ question, value });
      values.set(value, index);
    }
    return index;
  }

  private valueIndex(slot: Slot, value: string): number {
    return slot.values.get(value) ?? this.index(slot.question.name, value, slot.values);
  }

  private slotsOf(form: TSurveyForm): Slot[] {
    let slots = this.slots.get(form);
    if (!slots) {
      slots = questionList(form).map((question) => ({
        question,
        answered: this.index(question.name, ''),
        skipped: this.index(question.name, '~skipped'),
        unanswered: this.index(question.name, '~unanswered'),
        values: this.values(question.name),
      }));
      this.slots.set(form, slots);
    }
    return slots;
  }

  private countsAt(unitId: number, group: string, by?: { question: string; value: string }): number[] {
    const place = by ? `${unitId}\u0000${group}\u0000${by.question}\u0000${by.value}` : `${unitId}\u0000${group}`;
    let entry = this.byPlace.get(place);
    if (!entry) {
      entry = by ? { unitId, group, by, counts: [] } : { unitId, group, counts: [] };
      this.byPlace.set(place, entry);
    }
    return entry.counts;
  }

  /**
   * Counts one response in (sign 1) or out (sign -1): the keys of visitTallyKeys, in the same cases; and the same
   * keys again under each of `crossBy` (the survey's cross_questions) that the response answered with a choice.
   */
  add(form: TSurveyForm, response: { unitId: number; group: string; answers: TAnswers; cells: TCells }, sign: 1 | -1, crossBy: readonly string[] = []): void {
    const hits = this.hits;
    hits.length = 0;
    hits.push(this.total);
    const { answers, cells } = response;
    for (const slot of this.slotsOf(form)) {
      const { question } = slot;
      const cell = cellState(answers, cells, question.name);
      if (cell === 'skipped') hits.push(slot.skipped);
      else if (cell === 'unanswered') hits.push(slot.unanswered);
      else {
        hits.push(slot.answered);
        const value = answers[question.name];
        if (value === undefined) continue;
        if (question.type === 'select_one' && typeof value === 'string') hits.push(this.valueIndex(slot, value));
        else if (question.type === 'select_multiple' && Array.isArray(value)) {
          // a choice counts once per response (ZAnswers keeps them distinct; a repeat is not counted twice)
          if (value.length === 1 || new Set(value).size === value.length) for (const choice of value) hits.push(this.valueIndex(slot, choice));
          else for (const choice of new Set(value)) hits.push(this.valueIndex(slot, choice));
        } else if ((question.type === 'integer' || question.type === 'decimal') && (typeof value === 'number' || typeof value === 'string')) {
          hits.push(this.valueIndex(slot, canonicalNumber(value)));
        }
      }
    }
    this.bump(this.countsAt(response.unitId, response.group), sign);
    for (const question of crossBy) {
      const value = answers[question];
      if (typeof value === 'string' && Object.hasOwn(answers, question)) this.bump(this.countsAt(response.unitId, response.group, { question, value }), sign);
    }
  }

  private bump(counts: number[], sign: 1 | -1): void {
    for (const index of this.hits) counts[index] = (counts[index] ?? 0) + sign;
  }

  /**
   * The non-zero deltas sorted by the tables' key order: survey_tally's (question, value, unit, group) first, then
   * survey_cross_tally's (by question, by value, question, value, unit, group): concurrent upserts never deadlock.
   */
  deltas(): TallyDelta[] {
    const out: TallyDelta[] = [];
    for (const { unitId, group, by, counts } of this.byPlace.values()) {
      for (const [index, count] of counts.entries()) {
        if (count === undefined || count === 0) continue;
        const key = this.keys[index] as { question: string; value: string };
        out.push(by ? { unitId, group, question: key.question, value: key.value, count, by } : { unitId, group, question: key.question, value: key.value, count });
      }
    }
    return out.sort(
      (a, b) =>
        cmp(a.by?.question ?? '', b.by?.question ?? '') ||
        Number(a.by !== undefined) - Number(b.by !== undefined) ||
        cmp(a.by?.value ?? '', b.by?.value ?? '') ||
        cmp(a.question, b.question) ||
        cmp(a.value, b.value) ||
        a.unitId - b.unitId ||
        cmp(a.group, b.group),
    );
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the tallies count of one version's questionnaire, for counting in SQL (RESPONSE_KEYS): every question's
 * name, and those whose values are counted (selects and numbers; text and dates count only as answered). A response
 * is counted with the form of the version it answered.
 */
export interface VersionKeys {
  number: number;
  questions: string[];
  valueQuestions: string[];
}

export function versionKeys(number: number, form: TSurveyForm): VersionKeys {
  const questions = questionList(form);
  return { number, questions: questions.map((q) => q.name), valueQuestions: questions.filter((q) => q.type !== 'text' && q.type !== 'date').map((q) => q.name) };
}
