import { useId } from 'react';
import { labelIn, type TAnswers, type TFormItem, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import { t } from '../../i18n/i18n.ts';
import { choicesShown } from './form-logic.ts';
import './surveys-public.css';

export interface QuestionnaireViewProps {
  form: TSurveyForm;
  language: string;
  answers: TAnswers;
  /** Raw text of number and date fields as typed (a half-typed number stays as it is). */
  texts: Record<string, string>;
  onAnswer?: (name: string, value: TAnswers[string] | undefined, text?: string) => void;
  /** Names of the items asked (relevant); items not in it are not shown. Absent: every item (the preview). */
  asked?: ReadonlySet<string>;
  errors?: ReadonlyMap<string, string>;
  today: string;
  readOnly?: boolean;
}

/** The questionnaire as a respondent sees it: groups as sections, one field per question, live skip logic. */
export function QuestionnaireView(props: QuestionnaireViewProps) {
  return <Items items={props.form.items} view={props} depth={0} />;
}

function Items({ items, view, depth }: { items: TFormItem[]; view: QuestionnaireViewProps; depth: number }) {
  return (
    <>
      {items.map((item) => {
        if (view.asked && !view.asked.has(item.name)) return null;
        if (item.kind === 'group') {
          return (
            <fieldset key={item.name} className="sv-group">
              <legend className={depth === 0 ? 'sv-group-title' : 'sv-subgroup-title'}>{labelIn(item.label, view.language, item.name)}</legend>
              {item.hint && <p className="hint">{labelIn(item.hint, view.language, '')}</p>}
              <Items items={item.items} view={view} depth={depth + 1} />
            </fieldset>
          );
        }
        if (item.kind === 'note') {
          return (
            <div key={item.name} className="sv-note">
              <p>{labelIn(item.label, view.language, item.name)}</p>
              {item.hint && <p className="hint">{labelIn(item.hint, view.language, '')}</p>}
            </div>
          );
        }
        return <Question key={item.name} question={item} view={view} />;
      })}
    </>
  );
}

const numberOrText = (raw: string, integer: boolean): number | string | undefined => {
  const text = raw.trim().replace(',', '.');
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && (!integer || Number.isInteger(value)) && /^-?\d*\.?\d+$/.test(text) ? value : raw;
};

function Question({ question: q, view }: { question: TQuestion; view: QuestionnaireViewProps }) {
  const id = useId();
  const label = labelIn(q.label, view.language, q.name);
  const hint = q.hint ? labelIn(q.hint, view.language, '') : '';
  const error = view.errors?.get(q.name);
  const value = view.answers[q.name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const set = (next: TAnswers[string] | undefined, text?: string) => view.onAnswer?.(q.name, next, text);
  const mark = q.required ? (
    <span className="sv-required" aria-label={t('surveyForm.required')}>
      {' *'}
    </span>
  ) : null;
  const after = (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="sv-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </>
  );
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const choices = choicesShown(view.form, q, view.answers, view.today);
    const multiple = q.type === 'select_multiple';
    const picked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <fieldset className={error ? 'sv-question sv-invalid' : 'sv-question'} aria-describedby={describedBy} data-question={q.name}>
        <legend>
          {label}
          {mark}
        </legend>
        <div className="sv-choices">
          {choices.map((choice) => (
            <label key={choice.name} className="sv-choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-${q.name}`}
                value={choice.name}
                checked={picked.includes(choice.name)}
                disabled={view.readOnly}
                onChange={(event) => {
                  if (!multiple) return set(choice.name);
                  const next = event.target.checked ? [...picked, choice.name] : picked.filter((name) => name !== choice.name);
                  set(next.length > 0 ? next : undefined);
                }}
              />
              <span>{labelIn(choice.label, view.language, choice.name)}</span>
            </label>
          ))}
        </div>
        {after}
      </fieldset>
    );
  }
  const text = view.texts[q.name] ?? (value === undefined ? '' : String(value));
  return (
    <div className={error ? 'sv-question field sv-invalid' : 'sv-question field'} data-question={q.name}>
      <label htmlFor={`${id}-input`}>
        {label}
        {mark}
      </label>
      {q.type === 'text' ? (
        <textarea
          id={`${id}-input`}
          rows={2}
          value={text}
          readOnly={view.readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => set(event.target.value.trim() === '' ? undefined : event.target.value, event.target.value)}
        />
      ) : (
        <input
          id={`${id}-input`}
          type={q.type === 'date' ? 'date' : 'text'}
          inputMode={q.type === 'integer' ? 'numeric' : q.type === 'decimal' ? 'decimal' : undefined}
          value={text}
          readOnly={view.readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const raw = event.target.value;
            if (q.type === 'date') return set(raw === '' ? undefined : raw, raw);
            set(numberOrText(raw, q.type === 'integer'), raw);
          }}
        />
      )}
      {after}
    </div>
  );
}
