import { dateToDays, ExpressionError, holds, type TEvalContext } from './expression.ts';
import { labelIn, type TAnswers, type TChoice, type TFormItem, type TLabel, type TQuestion, type TSurveyForm } from './form.ts';

/**
 * Checks and normalises one response against its form (issue 13), the same on the server (submission, paper keying,
 * import) and in the browser (before queueing offline). Pure: today is passed in.
 *
 * In form order: a question in a group whose `relevant` is false, or whose own `relevant` is false (evaluated against
 * the answers so far, normalised), is skipped and any value given for it is dropped (not an error). An answered
 * question is normalised by type, then its `constraint` is checked (`.` is the value; `${itself}` too). Only valid
 * values enter `answers`, so later `relevant`s read only valid answers. Every key of the input that is not a
 * question of the form is an error naming the key.
 */

export type TCellState = 'answered' | 'skipped' | 'unanswered';
export type TAnswerError = { field: string; message: string };
export type TCheckedAnswers = { answers: TAnswers; cells: Record<string, TCellState>; errors: TAnswerError[] };

/** Longest text answer (ZAnswerValue). */
const TEXT_MAX = 10_000;
/** Labels in messages are cut to this many characters. */
const LABEL_IN_MESSAGE = 120;

const INTEGER = /^[+-]?\d+$/;
/** A decimal with a point or a Vietnamese decimal comma: 1.5, 1,5, -0,25, .5 */
const DECIMAL = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkAnswers(
  form: TSurveyForm,
  input: Record<string, unknown>,
  opts: { today: string; language?: string },
): TCheckedAnswers {
  const language = opts.language ?? form.defaultLanguage;
  const answers: TAnswers = {};
  const cells: Record<string, TCellState> = {};
  const errors: TAnswerError[] = [];
  const ctx: TEvalContext = { value: (name) => answers[name], today: opts.today };
  const questionNames = new Set<string>();
  const otherNames = new Set<string>();

  /** relevant/constraint: a form whose expression does not parse gets an error on that item, and the item counts as relevant. */
  const expression = (field: string, column: string, src: string, evalCtx: TEvalContext): boolean => {
    try {
      return holds(src, evalCtx);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      errors.push({ field, message: `Biểu thức ${column} của "${field}" lỗi: ${e.message}` });
      return true;
    }
  };

  const visit = (items: TFormItem[], skipped: boolean) => {
    for (const item of items) {
      if (item.kind === 'note') {
        otherNames.add(item.name);
        continue;
      }
      const off = skipped || (item.relevant !== undefined && item.relevant.trim() !== '' && !expression(item.name, 'relevant', item.relevant, ctx));
      if (item.kind === 'group') {
        otherNames.add(item.name);
        visit(item.items, off);
        continue;
      }
      questionNames.add(item.name);
      if (off) {
        cells[item.name] = 'skipped';
        continue;
      }
      checkQuestion(item);
    }
  };

  const checkQuestion = (q: TQuestion) => {
    const label = clip(textIn(q.label, language, form.defaultLanguage) ?? q.name);
    const given = Object.hasOwn(input, q.name) ? input[q.name] : undefined;
    const result = normalise(form, q, given, answers, opts.today, label);
    if (result.error !== undefined) {
      cells[q.name] = 'unanswered';
      errors.push({ field: q.name, message: result.error });
      return;
    }
    if (result.value === undefined) {
      cells[q.name] = 'unanswered';
      if (q.required) errors.push({ field: q.name, message: textIn(q.requiredMessage, language, form.defaultLanguage) ?? `Câu hỏi bắt buộc: ${label}` });
      return;
    }
    answers[q.name] = result.value;
    if (q.constraint !== undefined && q.constraint.trim() !== '') {
      const ok = expression(q.name, 'constraint', q.constraint, { ...ctx, current: result.value });
      if (!ok) {
        delete answers[q.name];
        cells[q.name] = 'unanswered';
        errors.push({ field: q.name, message: textIn(q.constraintMessage, language, form.defaultLanguage) ?? `Câu trả lời không thỏa điều kiện của câu hỏi: ${label}` });
        return;
      }
    }
    cells[q.name] = 'answered';
  };

  visit(form.items, false);

  for (const key of Object.keys(input)) {
    if (questionNames.has(key)) continue;
    errors.push({
      field: key,
      message: otherNames.has(key) ? `"${key}" là nhóm hoặc ghi chú, không phải câu hỏi` : `Không có câu hỏi "${key}" trong phiếu`,
    });
  }
  return { answers, cells, errors };
}

/** The choices of a select question that pass its choice_filter, given the answers so far. */
export function visibleChoices(form: TSurveyForm, question: TQuestion, answers: TAnswers, today: string): TChoice[] {
  const list = question.listName === undefined ? undefined : form.choiceLists[question.listName];
  if (!list) return [];
  const filter = question.choiceFilter;
  if (filter === undefined || filter.trim() === '') return list;
  const value = (name: string) => answers[name];
  return list.filter((c) => holds(filter, { value, today, choice: { ...c.filters, name: c.name } }));
}

type TNormalised = { value?: number | string | string[]; error?: string };

function normalise(form: TSurveyForm, q: TQuestion, given: unknown, answers: TAnswers, today: string, label: string): TNormalised {
  if (given === undefined || given === null) return {};
  switch (q.type) {
    case 'integer': {
      if (typeof given === 'number') {
        return Number.isSafeInteger(given) ? { value: given } : { error: `${label}: cần một số nguyên` };
      }
      if (typeof given !== 'string') return { error: `${label}: cần một số nguyên` };
      const s = given.trim();
      if (s === '') return {};
      const n = Number(s);
      return INTEGER.test(s) && Number.isSafeInteger(n) ? { value: n } : { error: `${label}: cần một số nguyên, nhận được "${clip(s)}"` };
    }
    case 'decimal': {
      if (typeof given === 'number') return Number.isFinite(given) ? { value: given } : { error: `${label}: cần một số` };
      if (typeof given !== 'string') return { error: `${label}: cần một số` };
      const s = given.trim();
      if (s === '') return {};
      if (!DECIMAL.test(s)) return { error: `${label}: cần một số (ví dụ 1,5), nhận được "${clip(s)}"` };
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { error: `${label}: cần một số` };
    }
    case 'text': {
      if (typeof given !== 'string' && typeof given !== 'number') return { error: `${label}: cần một đoạn chữ` };
      const s = String(given).trim().normalize('NFC');
      if (s === '') return {};
      return s.length > TEXT_MAX ? { error: `${label}: dài quá ${TEXT_MAX} ký tự` } : { value: s };
    }
    case 'date': {
      if (typeof given !== 'string') return { error: `${label}: cần một ngày dạng năm-tháng-ngày (ví dụ 2026-12-03)` };
      const s = given.trim();
      if (s === '') return {};
      if (!DATE.test(s) || Number.isNaN(dateToDays(s))) {
        return { error: `${label}: ngày không hợp lệ "${clip(s)}", cần dạng năm-tháng-ngày (ví dụ 2026-12-03)` };
      }
      return { value: s };
    }
    case 'select_one': {
      if (typeof given !== 'string' && typeof given !== 'number') return { error: `${label}: cần một lựa chọn` };
      const s = String(given).trim();
      if (s === '') return {};
      const why = choiceProblem(form, q, [s], answers, today);
      return why ? { error: `${label}: ${why}` } : { value: s };
    }
    case 'select_multiple': {
      let names: string[];
      if (typeof given === 'string') names = given.trim() === '' ? [] : given.trim().split(/\s+/);
      else if (Array.isArray(given) && given.every((v) => typeof v === 'string' || typeof v === 'number')) {
        names = given.map((v) => String(v).trim()).filter((v) => v !== '');
      } else return { error: `${label}: cần danh sách lựa chọn` };
      if (names.length === 0) return {};
      const seen = new Set<string>();
      for (const n of names) {
        if (seen.has(n)) return { error: `${label}: lựa chọn "${clip(n)}" bị lặp` };
        seen.add(n);
      }
      const why = choiceProblem(form, q, names, answers, today);
      if (why) return { error: `${label}: ${why}` };
      // In the order of the choice list, so that two keyings of one paper form compare equal.
      const order = new Map<string, number>();
      (q.listName === undefined ? [] : (form.choiceLists[q.listName] ?? [])).forEach((c, i) => {
        if (!order.has(c.name)) order.set(c.name, i);
      });
      return { value: [...names].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) };
    }
  }
}

/** Why some of these choice names are not acceptable, or null. */
function choiceProblem(form: TSurveyForm, q: TQuestion, names: string[], answers: TAnswers, today: string): string | null {
  const list = q.listName === undefined ? undefined : form.choiceLists[q.listName];
  if (!list) return `danh sách lựa chọn "${q.listName ?? ''}" không có trong phiếu`;
  const all = new Set(list.map((c) => c.name));
  let visible: Set<string> | undefined;
  for (const n of names) {
    if (!all.has(n)) return `"${clip(n)}" không phải là một lựa chọn của câu hỏi`;
    if (q.choiceFilter !== undefined && q.choiceFilter.trim() !== '') {
      if (!visible) {
        try {
          visible = new Set(visibleChoices(form, q, answers, today).map((c) => c.name));
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          return `biểu thức choice_filter lỗi: ${e.message}`;
        }
      }
      if (!visible.has(n)) return `"${clip(n)}" không hợp với các câu trả lời trước`;
    }
  }
  return null;
}

/** A label or message in the language, else the form's default language, else as labelIn; undefined when blank. */
function textIn(label: TLabel | undefined, language: string, defaultLanguage: string): string | undefined {
  if (!label) return undefined;
  const text = (label[language] ?? label[defaultLanguage] ?? labelIn(label, language, '')).trim();
  return text === '' ? undefined : text.normalize('NFC');
}

function clip(s: string): string {
  return s.length > LABEL_IN_MESSAGE ? `${s.slice(0, LABEL_IN_MESSAGE - 1)}…` : s;
}
