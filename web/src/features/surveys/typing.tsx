import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formQuestions, labelIn, type TAnswers, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { checkAnswers, choicesShown } from '../surveys-public/form-logic.ts';
import { parseTyped } from './keying.ts';

/**
 * The keyboard-only typing of one paper form (the keying screen's first typing, the review page's second typing
 * and corrections): one line per question, typed as on paper (choice numbers), checked as the server will.
 */

interface TypedForm {
  answers: TAnswers;
  /** Question name → what cannot be read from the typed text, named for the keyer. */
  parseErrors: Map<string, string>;
  asked: Set<string>;
  errors: Map<string, string>;
}

/** Reads every typed text in form order (a choice list filtered by an earlier answer sees that answer). */
export function readTyped(form: TSurveyForm, raw: Record<string, string>, today: string): TypedForm {
  const answers: TAnswers = {};
  const parseErrors = new Map<string, string>();
  for (const { question } of formQuestions(form)) {
    const choices = choicesShown(form, question, answers, today);
    const parsed = parseTyped(question, raw[question.name] ?? '', choices);
    if ('error' in parsed) {
      const label = labelIn(question.label, form.defaultLanguage, question.name);
      parseErrors.set(
        question.name,
        `${label}: ` +
        (parsed.error === 'unknown'
          ? t('survey.key.unknownChoice', { text: parsed.text })
          : parsed.error === 'one'
            ? t('survey.key.oneChoice')
            : parsed.error === 'date'
              ? t('surveyForm.check.date')
              : question.type === 'integer'
                ? t('surveyForm.check.integer')
                : t('surveyForm.check.decimal')),
      );
    } else if (parsed.value !== undefined) {
      answers[question.name] = parsed.value;
    }
  }
  const checked = checkAnswers(form, answers, { today, language: form.defaultLanguage });
  const errors = new Map<string, string>();
  for (const { question } of formQuestions(form)) {
    if (!checked.asked.has(question.name)) continue;
    const problem = parseErrors.get(question.name) ?? checked.errors.find((error) => error.question === question.name)?.message;
    if (problem) errors.set(question.name, problem);
  }
  return { answers: checked.answers, parseErrors, asked: checked.asked, errors };
}

/** The typing grid: one line per question, Enter to the next asked one, Ctrl+Enter (or Enter on the last) to finish. */
/** `marked`: questions to highlight (the two typings differ there). */
export function TypingGrid({ form, typing, onFinish, marked }: { form: TSurveyForm; typing: Typing; onFinish: () => void; marked?: ReadonlySet<string> }) {
  const props = { ...typing, onFinish };
  const { raw, typed } = props;
  const questions = formQuestions(form);
  const asked = questions.filter(({ question }) => typed.asked.has(question.name)).map(({ question }) => question.name);
  const onKey = (event: KeyboardEvent<HTMLInputElement>, name: string) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    props.touch(name);
    if (event.ctrlKey || event.metaKey) return props.onFinish();
    const next = asked[asked.indexOf(name) + 1];
    if (next === undefined) return props.onFinish();
    props.inputs.current.get(next)?.focus();
  };
  const groupLabels = questions.map(({ groups }) => groups.map((group) => labelIn(group.label, form.defaultLanguage, group.name)).join(' › '));
  return (
    <ol className="sv-key-list">
      {questions.map(({ question }, index) => {
        const groupLabel = groupLabels[index] ?? '';
        const heading = groupLabel && groupLabel !== groupLabels[index - 1] ? groupLabel : null;
        return (
          <KeyLine
            key={question.name}
            number={index + 1}
            heading={heading}
            marked={marked?.has(question.name) ?? false}
            question={question}
            form={form}
            value={raw[question.name] ?? ''}
            asked={typed.asked.has(question.name)}
            error={props.showAll || props.touched.has(question.name) ? typed.errors.get(question.name) : undefined}
            answers={typed.answers}
            today={props.today}
            register={(element) => {
              if (element) props.inputs.current.set(question.name, element);
              else props.inputs.current.delete(question.name);
            }}
            onChange={(text) => props.setRaw({ ...raw, [question.name]: text })}
            onKeyDown={(event) => onKey(event, question.name)}
          />
        );
      })}
    </ol>
  );
}

function KeyLine({ register, ...props }: {
  number: number;
  heading: string | null;
  marked: boolean;
  question: TQuestion;
  form: TSurveyForm;
  value: string;
  asked: boolean;
  error: string | undefined;
  answers: TAnswers;
  today: string;
  register: (element: HTMLInputElement | null) => void;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const id = useId();
  const q = props.question;
  const label = labelIn(q.label, props.form.defaultLanguage, q.name);
  const choices = q.type === 'select_one' || q.type === 'select_multiple' ? choicesShown(props.form, q, props.answers, props.today) : [];
  return (
    <li className={`${props.asked ? (props.error ? 'sv-key sv-invalid' : 'sv-key') : 'sv-key sv-key-skipped'}${props.marked ? ' sv-diff' : ''}`}>
      {props.heading && <p className="sv-key-group">{props.heading}</p>}
      <label htmlFor={`${id}-in`} className="sv-key-label">
        <span className="sv-key-number">{props.number}.</span> {label}
        {q.required && <span className="sv-required">{' *'}</span>}
        {!props.asked && <span className="muted"> ({t('survey.key.skipped')})</span>}
        {props.marked && <span className="sv-diff-mark"> ({t('survey.review.differs')})</span>}
      </label>
      <input
        id={`${id}-in`}
        ref={register}
        className="sv-key-input"
        autoComplete="off"
        inputMode={q.type === 'integer' || q.type === 'select_one' || q.type === 'select_multiple' ? 'numeric' : undefined}
        disabled={!props.asked}
        value={props.asked ? props.value : ''}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={[choices.length > 0 ? `${id}-choices` : '', props.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={props.onKeyDown}
      />
      {choices.length > 0 && props.asked && (
        <ol className="sv-key-choices" id={`${id}-choices`}>
          {choices.map((choice, index) => (
            <li key={choice.name}>
              <span className="sv-key-number">{index + 1}</span> {labelIn(choice.label, props.form.defaultLanguage, choice.name)}
            </li>
          ))}
        </ol>
      )}
      {props.error && (
        <p className="sv-error" id={`${id}-err`}>
          {props.error}
        </p>
      )}
    </li>
  );
}

export type Typing = ReturnType<typeof useTyping>;

/** `initial`: the text of each line to start from (a correction starts from the stored answers). */
export function useTyping(form: TSurveyForm, initial: Record<string, string> = {}) {
  const today = todayInVietnam();
  const [raw, setRaw] = useState<Record<string, string>>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const typed = useMemo(() => readTyped(form, raw, today), [form, raw, today]);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const firstAsked = () => formQuestions(form).find(({ question }) => typed.asked.has(question.name))?.question.name;
  const clear = () => {
    setRaw({});
    setTouched(new Set());
    setShowAll(false);
    const first = formQuestions(form)[0]?.question.name;
    if (first) globalThis.setTimeout(() => inputs.current.get(first)?.focus(), 0);
  };
  const focusFirstError = () => {
    const name = [...typed.errors.keys()][0];
    if (name) inputs.current.get(name)?.focus();
  };
  return {
    today, raw, setRaw, typed, touched, showAll, setShowAll, inputs, clear, focusFirstError, firstAsked,
    touch: (name: string) => setTouched((current) => (current.has(name) ? current : new Set([...current, name]))),
  };
}

export function ErrorSummary({ form, errors }: { form: TSurveyForm; errors: Map<string, string> }) {
  const numbers = new Map(formQuestions(form).map(({ question }, index) => [question.name, index + 1]));
  return (
    <div className="alert" role="alert">
      <p>{t('survey.key.errors', { count: errors.size })}</p>
      <ul>
        {[...errors.entries()].map(([name, message]) => (
          <li key={name}>{`${t('survey.key.question')} ${numbers.get(name) ?? name}. ${message}`}</li>
        ))}
      </ul>
    </div>
  );
}

