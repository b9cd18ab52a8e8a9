import { createHash, randomBytes } from 'node:crypto';
import { parseExpression } from '#contracts/surveys/expression.ts';
import { formQuestions, type TFormItem, type TSurveyForm } from '#contracts/surveys/form.ts';

/**
 * Pure rules of surveys: the questionnaire's own consistency (beyond its zod shape), tokens of links, and the
 * names of sensitive questions.
 */

/** A problem of a questionnaire built in the UI: the item's name (or list) and what is wrong. */
export interface FormProblem {
  field: string;
  name: string;
  problem: 'duplicateName' | 'missingList' | 'listOnNonSelect' | 'emptyList' | 'badExpression';
}

/** Names unique across the form (groups included), every select's list exists and is not empty, every expression parses. */
export function formProblems(form: TSurveyForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const walk = (items: TFormItem[], path: string) => {
    items.forEach((item, i) => {
      const field = `${path}.${i}`;
      if (seen.has(item.name)) problems.push({ field: `${field}.name`, name: item.name, problem: 'duplicateName' });
      seen.add(item.name);
      const expressions: [string, string | undefined][] = [['relevant', item.relevant]];
      if (item.kind === 'question') expressions.push(['constraint', item.constraint], ['choiceFilter', item.choiceFilter]);
      for (const [key, source] of expressions) {
        if (!source?.trim()) continue;
        try {
          parseExpression(source);
        } catch {
          problems.push({ field: `${field}.${key}`, name: item.name, problem: 'badExpression' });
        }
      }
      if (item.kind === 'group') walk(item.items, `${field}.items`);
      else if (item.kind === 'question') {
        const select = item.type === 'select_one' || item.type === 'select_multiple';
        if (select && (item.listName === undefined || !(item.listName in form.choiceLists))) {
          problems.push({ field: `${field}.listName`, name: item.name, problem: 'missingList' });
        } else if (select && (form.choiceLists[item.listName as string]?.length ?? 0) === 0) {
          problems.push({ field: `${field}.listName`, name: item.name, problem: 'emptyList' });
        } else if (!select && item.listName !== undefined) {
          problems.push({ field: `${field}.listName`, name: item.name, problem: 'listOnNonSelect' });
        }
      }
    });
  };
  walk(form.items, 'form.items');
  return problems;
}

/** Questions of a form: their count, and the names of the sensitive ones. */
export const questionCount = (form: TSurveyForm) => formQuestions(form).length;
export const sensitiveQuestions = (form: TSurveyForm): Set<string> =>
  new Set(formQuestions(form).filter(({ question }) => question.sensitive === true).map(({ question }) => question.name));

/** A link token: 24 random bytes, url-safe base64 (32 characters), fits ZPublicTokenParams. */
export const newLinkToken = () => randomBytes(24).toString('base64url');
/** What is stored of a personal link's token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a survey takes responses on `today`: open, and inside its period when it has one. */
export function takesResponses(survey: { status: string; opens_on: string | null; closes_on: string | null }, today: string): 'ok' | 'notOpen' | 'beforePeriod' | 'afterPeriod' {
  if (survey.status !== 'open') return 'notOpen';
  if (survey.opens_on !== null && today < survey.opens_on) return 'beforePeriod';
  if (survey.closes_on !== null && today > survey.closes_on) return 'afterPeriod';
  return 'ok';
}
