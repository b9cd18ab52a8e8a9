import { z } from 'zod';

/**
 * A questionnaire as the product holds it (issue 13; DOMAIN.md capability 8): the subset of XLSForm we support,
 * normalised. `xlsform/` in the surveys module reads an .xlsx into this shape and writes it back; the web renders it;
 * the server validates answers against it. A survey version stores one form (`survey_version.form`, jsonb).
 *
 * Names are XLSForm names (unique across the form, groups included) and are the keys of the answers.
 * Expressions (relevant, constraint, choice_filter) are kept as written in the XLSForm (`${name}`, `.`, and/or/not,
 * =, !=, <, <=, >, >=, +, -, *, div, mod, selected(), count-selected(), string-length(), today(), regex(), if() …):
 * `expression.ts` parses and evaluates them on both sides (EXPRESSION_FUNCTIONS lists the functions); `answers.ts`
 * checks a response against the form.
 */

/** Question types we support (XLSForm `type`, first word). */
export const QUESTION_TYPES = ['integer', 'decimal', 'text', 'select_one', 'select_multiple', 'date'] as const;
export const ZQuestionType = z.enum(QUESTION_TYPES);
export type TQuestionType = z.infer<typeof ZQuestionType>;

/** The key of the label/hint without a language column (`label`, not `label::Tiếng Việt`). */
export const DEFAULT_LANGUAGE = '';

/** Text in one or more languages: language (as written in the XLSForm header, e.g. "Tiếng Việt (vi)") → text. */
export const ZLabel = z.record(z.string().max(100), z.string().max(4000));
export type TLabel = z.infer<typeof ZLabel>;

/** XLSForm names: a letter or underscore first, then letters, digits, `_`, `-`, `.` (the XML name rule, ASCII). */
export const ZFormName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, { message: 'tên chỉ gồm chữ Latinh không dấu, số, _ - . và bắt đầu bằng chữ' });

export const ZChoice = z.object({
  name: z.string().min(1).max(100),
  label: ZLabel,
  /** Extra columns of the choices sheet, read by choice_filter (A1's `cf`). */
  filters: z.record(z.string().max(100), z.string().max(1000)).optional(),
});
export type TChoice = z.infer<typeof ZChoice>;

const itemBase = {
  name: ZFormName,
  label: ZLabel,
  hint: ZLabel.optional(),
  relevant: z.string().max(2000).optional(),
  /** The Excel row it came from (import) for messages; absent when built in the UI. */
  row: z.number().int().positive().optional(),
};

export const ZQuestion = z.object({
  ...itemBase,
  kind: z.literal('question'),
  type: ZQuestionType,
  /** select_one / select_multiple: the choice list's name. */
  listName: z.string().min(1).max(100).optional(),
  required: z.boolean(),
  requiredMessage: ZLabel.optional(),
  constraint: z.string().max(2000).optional(),
  constraintMessage: ZLabel.optional(),
  choiceFilter: z.string().max(2000).optional(),
  appearance: z.string().max(200).optional(),
  /**
   * Sensitive personal data (law 91/2025: religion, political views, ethnicity…): answers are read only by those
   * with the right, and every read is audited. XLSForm column `sensitive` (yes/true/1).
   */
  sensitive: z.boolean().optional(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZNote = z.object({ ...itemBase, kind: z.literal('note') });
export type TNote = z.infer<typeof ZNote>;

export type TGroup = {
  kind: 'group';
  name: string;
  label: TLabel;
  hint?: TLabel;
  relevant?: string;
  row?: number;
  items: TFormItem[];
};
export type TFormItem = TQuestion | TNote | TGroup;

export const ZGroup: z.ZodType<TGroup> = z.lazy(() =>
  z.object({ ...itemBase, kind: z.literal('group'), items: z.array(ZFormItem).max(500) }),
);
export const ZFormItem: z.ZodType<TFormItem> = z.lazy(() => z.union([ZQuestion, ZNote, ZGroup]));

export const ZSurveyForm = z.object({
  /** settings.form_title (or the survey's title). */
  title: z.string().min(1).max(500),
  /** settings.form_id, kept for the export back to XLSForm. */
  formId: z.string().max(200).optional(),
  /** settings.version as written, kept for the export. */
  formVersion: z.string().max(200).optional(),
  /** settings.default_language, or '' when the form has a plain `label` column. */
  defaultLanguage: z.string().max(100),
  /** Every language the labels use, default first. */
  languages: z.array(z.string().max(100)).min(1).max(20),
  items: z.array(ZFormItem).min(1).max(500),
  choiceLists: z.record(z.string().max(100), z.array(ZChoice).max(2000)),
});
export type TSurveyForm = z.infer<typeof ZSurveyForm>;

/**
 * Answers of one response: question name → value. integer/decimal: number; text: string; date: 'YYYY-MM-DD';
 * select_one: the choice name; select_multiple: the choice names (no duplicates). A question not answered is absent;
 * a question skipped by `relevant` is absent too and is told apart by evaluating `relevant` (tabulation keeps them apart).
 */
export const ZAnswerValue = z.union([z.number().finite(), z.string().max(10000), z.array(z.string().max(100)).max(200)]);
export const ZAnswers = z.record(ZFormName, ZAnswerValue);
export type TAnswers = z.infer<typeof ZAnswers>;

/** Every question of a form in order, groups flattened, with the names of its enclosing groups (outermost first). */
export function formQuestions(form: { items: TFormItem[] }): { question: TQuestion; groups: TGroup[] }[] {
  const out: { question: TQuestion; groups: TGroup[] }[] = [];
  const walk = (items: TFormItem[], groups: TGroup[]) => {
    for (const item of items) {
      if (item.kind === 'question') out.push({ question: item, groups });
      else if (item.kind === 'group') walk(item.items, [...groups, item]);
    }
  };
  walk(form.items, []);
  return out;
}

/** The label in a language, falling back to the default language, then to any label, then to the name. */
export function labelIn(label: TLabel | undefined, language: string, fallback: string): string {
  if (!label) return fallback;
  return label[language] ?? label[DEFAULT_LANGUAGE] ?? Object.values(label)[0] ?? fallback;
}
