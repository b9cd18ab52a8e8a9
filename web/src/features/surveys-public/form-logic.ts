import { checkAnswers as checkShared, visibleChoices } from '#contracts/surveys/answers.ts';
import { holds } from '#contracts/surveys/expression.ts';
import type { TAnswers, TChoice, TFormItem, TQuestion, TSurveyForm } from '#contracts/surveys/form.ts';

/**
 * The questionnaire's logic as the browser needs it while a form is filled in (the respondent's phone, the paper
 * keying screen), on the same code the server checks with (contracts/src/surveys/answers.ts, expression.ts): which
 * items are asked (relevant, with the groups around them), which choices a cascade shows (choice_filter), and the
 * answers checked (required, type, constraint) with the server's Vietnamese messages naming the question.
 */

export interface AnswerError {
  question: string;
  message: string;
}

export interface CheckedAnswers {
  /** The valid answers of the questions asked (values of questions not asked are dropped). */
  answers: TAnswers;
  errors: AnswerError[];
  /** Names of the items shown: questions not skipped, and the groups and notes whose relevant holds. */
  asked: Set<string>;
}

const relevantHolds = (expression: string | undefined, answers: TAnswers, today: string): boolean => {
  if (!expression?.trim()) return true;
  try {
    return holds(expression, { value: (name) => answers[name], today });
  } catch {
    // a malformed expression never hides an item: the import names it
    return true;
  }
};

/** The choices a question shows: its list filtered by choice_filter (the whole list should the filter not parse). */
export function choicesShown(form: TSurveyForm, question: TQuestion, answers: TAnswers, today: string): TChoice[] {
  try {
    return visibleChoices(form, question, answers, today);
  } catch {
    return question.listName ? (form.choiceLists[question.listName] ?? []) : [];
  }
}

/** Checks answers as the server will; `language` picks the form's own required and constraint messages. */
export function checkAnswers(form: TSurveyForm, input: TAnswers, options: { today: string; language: string }): CheckedAnswers {
  const checked = checkShared(form, input, { today: options.today, language: options.language });
  const asked = new Set<string>();
  const walk = (items: TFormItem[], off: boolean) => {
    for (const item of items) {
      if (item.kind === 'question') {
        if (checked.cells[item.name] !== 'skipped') asked.add(item.name);
        continue;
      }
      const skipped = off || !relevantHolds(item.relevant, checked.answers, options.today);
      if (!skipped) asked.add(item.name);
      if (item.kind === 'group') walk(item.items, skipped);
    }
  };
  walk(form.items, false);
  return { answers: checked.answers, errors: checked.errors.map((error) => ({ question: error.field, message: error.message })), asked };
}
