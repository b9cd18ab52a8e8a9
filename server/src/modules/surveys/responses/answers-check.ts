import { formQuestions, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';
import type { TCells } from './tally.ts';

// TEMPORARY until surveys-expr's checkAnswers (contracts/src/surveys/answers.ts) is merged: types and required only.
export interface AnswerError {
  question: string;
  message: string;
}

export function checkAnswers(form: TSurveyForm, input: Record<string, unknown>, _options: { today: string }): { answers: TAnswers; cells: TCells; errors: AnswerError[] } {
  const answers: TAnswers = {};
  const cells: TCells = {};
  const errors: AnswerError[] = [];
  const questions = formQuestions(form);
  const known = new Set(questions.map((q) => q.question.name));
  for (const name of Object.keys(input)) if (!known.has(name)) errors.push({ question: name, message: 'unknown' });
  for (const { question } of questions) {
    const value = input[question.name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      cells[question.name] = 'unanswered';
      if (question.required) errors.push({ question: question.name, message: 'required' });
      continue;
    }
    const choices = new Set((form.choiceLists[question.listName ?? ''] ?? []).map((c) => c.name));
    let ok: boolean;
    if (question.type === 'integer') ok = typeof value === 'number' && Number.isInteger(value);
    else if (question.type === 'decimal') ok = typeof value === 'number';
    else if (question.type === 'select_one') ok = typeof value === 'string' && choices.has(value);
    else if (question.type === 'select_multiple') ok = Array.isArray(value) && value.every((v) => typeof v === 'string' && choices.has(v));
    else ok = typeof value === 'string';
    if (!ok) errors.push({ question: question.name, message: 'invalid' });
    else {
      answers[question.name] = value as TAnswers[string];
      cells[question.name] = 'answered';
    }
  }
  return { answers, cells, errors };
}
