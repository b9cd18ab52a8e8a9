import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formQuestions, labelIn, type TAnswers, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup, type TSurvey, type TSurveyResponse } from '#contracts/surveys/survey.schemas.ts';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { checkAnswers, choicesShown } from '../surveys-public/form-logic.ts';
import { parseTyped, typedText } from './keying.ts';
import { staffSubmitOutbox } from './outbox.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { useSurvey, useSurveyResponses, useVerify } from './surveys.api.ts';
import './surveys.css';

/** "Nhập phiếu giấy": the keyboard-only screen for typing stacks of paper forms (and their second typing). */
export function KeyingPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  usePageTitle(t('survey.key.title'));
  const [mode, setMode] = useState<'first' | 'second'>('first');
  const modeId = useId();
  return (
    <section className="sv-page sv-keying">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      <h1>{survey.data ? `${t('survey.key.title')}: ${survey.data.title}` : t('survey.key.title')}</h1>
      <SurveyNav id={id} />
      {survey.isPending && <Loading />}
      <ErrorMessage error={survey.error} />
      {survey.data && !survey.data.form && <p className="muted">{t('survey.key.noForm')}</p>}
      {survey.data?.form && (
        <>
          <p className="hint">{t('survey.key.hint')}</p>
          {survey.data.doubleEntry && (
            <div className="field sv-mode">
              <label htmlFor={modeId}>{t('survey.key.mode')}</label>
              <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
                <option value="first">{t('survey.key.mode.first')}</option>
                <option value="second">{t('survey.key.mode.second')}</option>
              </select>
            </div>
          )}
          {mode === 'first' ? <FirstTyping survey={survey.data} form={survey.data.form} /> : <SecondTyping survey={survey.data} form={survey.data.form} />}
        </>
      )}
    </section>
  );
}

const groupKey = 'dvs.keying.setup';

/** The unit and group chosen once for a stack of forms (kept for the tab's session). */
function useSetup(surveyId: number) {
  const read = (): { unitId: number | null; group: TRespondentGroup | '' } => {
    try {
      const saved = JSON.parse(globalThis.sessionStorage?.getItem(`${groupKey}.${surveyId}`) ?? 'null') as { unitId: number | null; group: TRespondentGroup | '' } | null;
      return saved ?? { unitId: null, group: '' };
    } catch {
      return { unitId: null, group: '' };
    }
  };
  const [setup, setSetup] = useState(read);
  const update = (patch: Partial<typeof setup>) =>
    setSetup((current) => {
      const next = { ...current, ...patch };
      try {
        globalThis.sessionStorage?.setItem(`${groupKey}.${surveyId}`, JSON.stringify(next));
      } catch {
        // private mode: kept while the page stays open
      }
      return next;
    });
  return [setup, update] as const;
}

interface TypedForm {
  answers: TAnswers;
  /** Question name → what cannot be read from the typed text, named for the keyer. */
  parseErrors: Map<string, string>;
  asked: Set<string>;
  errors: Map<string, string>;
}

/** Reads every typed text in form order (a choice list filtered by an earlier answer sees that answer). */
function readTyped(form: TSurveyForm, raw: Record<string, string>, today: string): TypedForm {
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
function TypingGrid({ form, typing, onFinish }: { form: TSurveyForm; typing: Typing; onFinish: () => void }) {
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
    <li className={props.asked ? (props.error ? 'sv-key sv-invalid' : 'sv-key') : 'sv-key sv-key-skipped'}>
      {props.heading && <p className="sv-key-group">{props.heading}</p>}
      <label htmlFor={`${id}-in`} className="sv-key-label">
        <span className="sv-key-number">{props.number}.</span> {label}
        {q.required && <span className="sv-required">{' *'}</span>}
        {!props.asked && <span className="muted"> ({t('survey.key.skipped')})</span>}
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

/** The unit and group of the forms being typed. */
function SetupFields({ survey, setup, update }: { survey: TSurvey; setup: { unitId: number | null; group: TRespondentGroup | '' }; update: (patch: Partial<{ unitId: number | null; group: TRespondentGroup | '' }>) => void }) {
  const id = useId();
  const units = [...new Map(survey.targets.map((target) => [target.unitId, target.unitName ?? String(target.unitId)])).entries()];
  const groups = [...new Set(survey.targets.map((target) => target.respondentGroup))];
  return (
    <div className="form-row sv-setup">
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('survey.key.unit')}</label>
        <select id={`${id}-unit`} value={setup.unitId ?? ''} onChange={(e) => update({ unitId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('survey.key.choose')}</option>
          {(units.length > 0 ? units : [[survey.unitId, survey.unitName] as const]).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('survey.key.group')}</label>
        <select id={`${id}-group`} value={setup.group} onChange={(e) => update({ group: e.target.value as TRespondentGroup | '' })}>
          <option value="">{t('survey.key.choose')}</option>
          {(groups.length > 0 ? groups : RESPONDENT_GROUPS).map((code) => (
            <option key={code} value={code}>
              {t(`survey.group.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

type Typing = ReturnType<typeof useTyping>;

function useTyping(form: TSurveyForm) {
  const today = todayInVietnam();
  const [raw, setRaw] = useState<Record<string, string>>({});
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

function ErrorSummary({ form, errors }: { form: TSurveyForm; errors: Map<string, string> }) {
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

function FirstTyping({ survey, form }: { survey: TSurvey; form: TSurveyForm }) {
  const [setup, update] = useSetup(survey.id);
  const typing = useTyping(form);
  const outbox = useOutbox();
  const [count, setCount] = useState(0);
  const [setupMissing, setSetupMissing] = useState(false);
  const ready = setup.unitId !== null && setup.group !== '';
  const save = async () => {
    typing.setShowAll(true);
    if (!ready) return setSetupMissing(true);
    if (typing.typed.errors.size > 0) return typing.focusFirstError();
    const unitId = setup.unitId ?? 0;
    const respondentGroup = setup.group as TRespondentGroup;
    const answers = typing.typed.answers;
    await outbox.enqueue(staffSubmitOutbox, {
      coalesceKey: null,
      input: (writeId: string) => ({ params: { id: survey.id }, body: { id: writeId, versionNumber: survey.currentVersion ?? 1, unitId, respondentGroup, answers } }),
    });
    setCount((n) => n + 1);
    typing.clear();
  };
  return (
    <>
      <SetupFields
        survey={survey}
        setup={setup}
        update={(patch) => {
          update(patch);
          setSetupMissing(false);
        }}
      />
      {setupMissing && !ready && (
        <p className="alert" role="alert">
          {t('survey.key.needSetup')}
        </p>
      )}
      <p className="sv-key-count" role="status">
        {t('survey.key.count', { count: formatNumber(count) })}
        {count > 0 && ` · ${t('survey.key.saved', { number: formatNumber(count) })}`}
      </p>
      <form
        className="sv-key-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TypingGrid form={form} typing={typing} onFinish={() => void save()} />
        {typing.showAll && typing.typed.errors.size > 0 && <ErrorSummary form={form} errors={typing.typed.errors} />}
        <div className="buttons sv-key-buttons">
          <button type="submit">{t('survey.key.save')}</button>{' '}
          <button type="button" className="button-secondary" onClick={typing.clear}>
            {t('survey.key.clear')}
          </button>
        </div>
      </form>
      <OutboxStatus />
    </>
  );
}

function SecondTyping({ survey, form }: { survey: TSurvey; form: TSurveyForm }) {
  const pending = useSurveyResponses(survey.id, { status: 'pending', channel: 'paper', limit: 100 });
  const [current, setCurrent] = useState<TSurveyResponse | null>(null);
  const verify = useVerify(survey.id);
  const typing = useTyping(form);
  const headingId = useId();
  const finish = () => {
    typing.setShowAll(true);
    if (!current || typing.typed.errors.size > 0) return typing.focusFirstError();
    verify.mutate(
      { responseId: current.id, body: { answers: typing.typed.answers } },
      {
        onSuccess: (result) => {
          if (result.differences.length === 0) {
            setCurrent(null);
            typing.clear();
          }
        },
      },
    );
  };
  const questionsByName = new Map(formQuestions(form).map(({ question }, index) => [question.name, { question, index }]));
  const result = verify.data;
  return (
    <>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t('survey.key.pending')}</h2>
        {pending.isPending && <Loading />}
        <ErrorMessage error={pending.error} />
        {pending.data && pending.data.items.length === 0 && <Empty>{t('survey.key.pendingNone')}</Empty>}
        {pending.data && pending.data.items.length > 0 && (
          <ul className="sv-pending">
            {pending.data.items.map((response, index) => (
              <li key={response.id}>
                <button
                  type="button"
                  className={current?.id === response.id ? 'button-small' : 'button-secondary button-small'}
                  onClick={() => {
                    setCurrent(response);
                    verify.reset();
                    typing.clear();
                  }}
                >
                  {t('survey.key.pick', { number: index + 1 })}
                </button>{' '}
                <span className="muted">
                  {response.unitName} · {t(`survey.group.${response.respondentGroup}`)}
                  {response.enteredBy ? ` · ${response.enteredBy}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {result && result.differences.length === 0 && <Success>{t('survey.key.matched')}</Success>}
      {result && result.differences.length > 0 && (
        <div className="alert" role="alert">
          <p>{t('survey.key.differences', { count: result.differences.length })}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('survey.key.question')}</th>
                <th>{t('survey.key.first')}</th>
                <th>{t('survey.key.second')}</th>
              </tr>
            </thead>
            <tbody>
              {result.differences.map((difference) => {
                const found = questionsByName.get(difference.question);
                const choices = found?.question.listName ? (form.choiceLists[found.question.listName] ?? []) : [];
                return (
                  <tr key={difference.question}>
                    <th scope="row">{found ? `${found.index + 1}. ${labelIn(found.question.label, form.defaultLanguage, difference.question)}` : difference.question}</th>
                    <td>{typedText(difference.first, choices) || t('survey.key.empty')}</td>
                    <td>{typedText(difference.second, choices) || t('survey.key.empty')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={verify.error} />
      {current && (
        <form
          className="sv-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            finish();
          }}
        >
          <p className="sv-key-count">{t('survey.key.verifying', { id: current.id.slice(-8) })}</p>
          <TypingGrid form={form} typing={typing} onFinish={finish} />
          {typing.showAll && typing.typed.errors.size > 0 && <ErrorSummary form={form} errors={typing.typed.errors} />}
          <button type="submit" disabled={verify.isPending}>
            {t('survey.key.verify')}
          </button>
        </form>
      )}
    </>
  );
}
