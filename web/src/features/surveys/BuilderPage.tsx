import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formQuestions, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';
import type { TSurvey } from '#contracts/surveys/survey.schemas.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { checkAnswers } from '../surveys-public/form-logic.ts';
import { QuestionnaireView } from '../surveys-public/QuestionnaireView.tsx';
import {
  emptyRow, emptyState, freeName, fromForm, isQuestionType, isSelect, moveRow, newKey, ROW_TYPES, toForm,
  type BuilderList, type BuilderProblem, type BuilderRow, type BuilderState, type RowType,
} from './builder.ts';
import { canSurveys } from './can.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { useAddVersion, useSurvey } from './surveys.api.ts';
import './surveys.css';

/** "Soạn bảng hỏi": the questionnaire built in the UI, checked as it is typed, saved as a new version. */
export function BuilderPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  usePageTitle(t('survey.builder.title'));
  const me = useMe();
  // kept here: saving makes a new version, which mounts a fresh builder on it
  const [saved, setSaved] = useState<{ number: number; count: number } | null>(null);
  return (
    <section className="sv-page sv-builder">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      <h1>{survey.data ? `${t('survey.builder.title')}: ${survey.data.title}` : t('survey.builder.title')}</h1>
      <SurveyNav id={id} />
      {survey.isPending && <Loading />}
      <ErrorMessage error={survey.error} />
      {survey.data && !canSurveys(me, 'surveys.manage') && <p className="muted">{t('survey.noRight')}</p>}
      {survey.data && canSurveys(me, 'surveys.manage') && <Builder key={survey.data.currentVersion ?? 0} survey={survey.data} onSaved={setSaved} />}
      {saved && <Success>{t('survey.builder.saved', { number: saved.number, count: saved.count })}</Success>}
    </section>
  );
}

const problemText = (problem: BuilderProblem, lists: readonly BuilderList[]) => {
  const where =
    problem.row !== null
      ? t('survey.builder.where.row', { name: problem.name || t('survey.builder.rowName', { number: problem.row + 1 }) })
      : problem.list
        ? t('survey.builder.where.list', { name: lists.find((list) => list.key === problem.list)?.name || '?' })
        : t('survey.builder.where.form');
  return `${where} (${t(`survey.builder.field.${problem.field}`)}): ${t(problem.message as MessageKey, problem.params)}`;
};

function Builder({ survey, onSaved }: { survey: TSurvey; onSaved: (saved: { number: number; count: number }) => void }) {
  const id = useId();
  const [state, setState] = useState<BuilderState>(() => (survey.form ? fromForm(survey.form) : emptyState(survey.title)));
  const [open, setOpen] = useState<string | null>(null);
  const [newType, setNewType] = useState<RowType>('select_one');
  const [tried, setTried] = useState(false);
  const save = useAddVersion(survey.id);
  const checked = useMemo(() => toForm(state), [state]);
  const set = (patch: Partial<BuilderState>) => {
    setState((current) => ({ ...current, ...patch }));
    save.reset();
  };
  const setRow = (index: number, patch: Partial<BuilderRow>) => set({ rows: state.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const addQuestion = () => {
    const row = emptyRow(newType, freeName(state.rows, newType === 'note' ? 'note' : 'q'));
    set({ rows: [...state.rows, row] });
    setOpen(row.key);
  };
  const addGroup = () => {
    const begin = emptyRow('begin_group', freeName(state.rows, 'grp'));
    set({ rows: [...state.rows, begin, emptyRow('end_group', '')] });
    setOpen(begin.key);
  };
  const newListFor = (index: number) => {
    const row = state.rows[index];
    if (!row) return;
    const used = new Set(state.lists.map((list) => list.name));
    let name = row.name || 'ds';
    for (let n = 2; used.has(name); n++) name = `${row.name || 'ds'}${n}`;
    const list: BuilderList = { key: newKey('l'), name, columns: [], choices: [{ key: newKey('c'), name: '', label: '', filters: {} }] };
    setState((current) => ({ ...current, lists: [...current.lists, list], rows: current.rows.map((r, i) => (i === index ? { ...r, listName: name } : r)) }));
  };
  const rowProblems = (index: number) => checked.problems.filter((problem) => problem.row === index);
  const questions = checked.form ? formQuestions(checked.form).length : 0;
  return (
    <>
      <p className="hint">{t('survey.builder.hint')}</p>
      {survey.currentVersion !== null && <p className="muted">{t('survey.builder.from', { number: survey.currentVersion })}</p>}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('survey.builder.formTitle')}</label>
        <input id={`${id}-title`} maxLength={500} value={state.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <section aria-labelledby={`${id}-rows`}>
        <h2 id={`${id}-rows`}>{t('survey.builder.rows')}</h2>
        {state.rows.length === 0 && <p className="muted">{t('survey.builder.noRows')}</p>}
        <ol className="sv-b-rows">
          {state.rows.map((row, index) => (
            <RowItem
              key={row.key}
              row={row}
              index={index}
              count={state.rows.length}
              depth={depthAt(state.rows, index)}
              lists={state.lists}
              open={open === row.key}
              problems={rowProblems(index)}
              showAll={tried}
              onToggle={() => setOpen(open === row.key ? null : row.key)}
              onChange={(patch) => setRow(index, patch)}
              onMove={(by) => set({ rows: moveRow(state.rows, index, by) })}
              onDelete={() => set({ rows: state.rows.filter((_, i) => i !== index) })}
              onNewList={() => newListFor(index)}
            />
          ))}
        </ol>
        <div className="form-row sv-b-add">
          <div className="field">
            <label htmlFor={`${id}-new`}>{t('survey.builder.newType')}</label>
            <select id={`${id}-new`} value={newType} onChange={(e) => setNewType(e.target.value as RowType)}>
              {ROW_TYPES.filter((type) => type !== 'begin_group' && type !== 'end_group').map((type) => (
                <option key={type} value={type}>
                  {t(`survey.builder.type.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="buttons">
            <button type="button" onClick={addQuestion}>
              {t('survey.builder.addQuestion')}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={addGroup}>
              {t('survey.builder.addGroup')}
            </button>
          </div>
        </div>
      </section>
      <Lists lists={state.lists} problems={checked.problems} showAll={tried} onChange={(lists) => set({ lists })} />
      <section aria-labelledby={`${id}-check`}>
        <h2 id={`${id}-check`} className="visually-hidden">
          {t('survey.builder.save')}
        </h2>
        {checked.problems.length > 0 && (tried || checked.problems.some((p) => p.field === 'relevant' || p.field === 'constraint' || p.field === 'choiceFilter' || p.field === 'group')) ? (
          <div className="alert" role={tried ? 'alert' : undefined}>
            <p>{t('survey.builder.problems', { count: checked.problems.length })}</p>
            <ul>
              {checked.problems.map((problem, i) => (
                <li key={i}>{problemText(problem, state.lists)}</li>
              ))}
            </ul>
          </div>
        ) : checked.form ? (
          <p className="muted">{t('survey.builder.ok', { count: questions })}</p>
        ) : null}
        <div className="buttons">
          <button
            type="button"
            disabled={save.isPending}
            onClick={() => {
              setTried(true);
              if (checked.form) save.mutateAsync(checked.form).then((after) => onSaved({ number: after.currentVersion ?? 0, count: questions }), () => undefined);
            }}
          >
            {t('survey.builder.save')}
          </button>
        </div>
        <ErrorMessage error={save.error} />
      </section>
      {checked.form && <Trial form={checked.form} />}
    </>
  );
}

/** How deep a row sits in groups (for the indentation of the list). */
function depthAt(rows: readonly BuilderRow[], index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const type = rows[i]?.type;
    if (type === 'begin_group') depth++;
    else if (type === 'end_group') depth = Math.max(0, depth - 1);
  }
  return rows[index]?.type === 'end_group' ? Math.max(0, depth - 1) : depth;
}

interface RowItemProps {
  row: BuilderRow;
  index: number;
  count: number;
  depth: number;
  lists: readonly BuilderList[];
  open: boolean;
  problems: BuilderProblem[];
  showAll: boolean;
  onToggle: () => void;
  onChange: (patch: Partial<BuilderRow>) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
  onNewList: () => void;
}

function RowItem({ row, index, count, depth, lists, open, problems, showAll, onToggle, onChange, onMove, onDelete, onNewList }: RowItemProps) {
  const id = useId();
  const who = row.name || t('survey.builder.rowName', { number: index + 1 });
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  const shown = (field: BuilderProblem['field']) =>
    problems.filter((problem) => problem.field === field && (showAll || field === 'relevant' || field === 'constraint' || field === 'choiceFilter' || field === 'name'));
  const fieldError = (field: BuilderProblem['field']) => {
    const list = shown(field);
    if (list.length === 0) return null;
    return (
      <p className="sv-error" id={`${id}-${field}-err`}>
        {list.map((problem) => t(problem.message as MessageKey, problem.params)).join('; ')}
      </p>
    );
  };
  const described = (field: BuilderProblem['field'], hint?: string) => [hint ? `${id}-${field}-hint` : '', shown(field).length ? `${id}-${field}-err` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (field: BuilderProblem['field']) => (shown(field).length ? true : undefined);
  const question = isQuestionType(row.type);
  return (
    <li className={problems.length > 0 && showAll ? 'sv-b-row sv-invalid' : 'sv-b-row'} style={{ marginInlineStart: `${depth * 1.25}rem` }}>
      <div className="sv-b-head">
        <span className="sv-key-number">{index + 1}.</span>
        <span className="sv-b-type">{t(`survey.builder.type.${row.type}`)}</span>
        {row.type !== 'end_group' && <code>{row.name}</code>}
        <span className="sv-b-label">{row.label}</span>
        {row.relevant.trim() && <span className="sv-subline">{`relevant: ${row.relevant}`}</span>}
        <span className="sv-b-actions">
          {row.type !== 'end_group' && (
            <button type="button" className="button-secondary button-small" aria-expanded={open} onClick={onToggle}>
              {t(open ? 'survey.builder.close' : 'survey.builder.edit')}
              {hidden(who)}
            </button>
          )}
          <button type="button" className="button-secondary button-small" disabled={index === 0} onClick={() => onMove(-1)}>
            {t('survey.builder.up')}
            {hidden(who)}
          </button>
          <button type="button" className="button-secondary button-small" disabled={index === count - 1} onClick={() => onMove(1)}>
            {t('survey.builder.down')}
            {hidden(who)}
          </button>
          <button type="button" className="button-danger button-small" onClick={onDelete}>
            {t('survey.builder.delete')}
            {hidden(who)}
          </button>
        </span>
      </div>
      {open && row.type !== 'end_group' && (
        <div className="sv-b-edit">
          <div className="form-row">
            {row.type !== 'begin_group' && (
              <div className="field">
                <label htmlFor={`${id}-type`}>{t('survey.builder.type')}</label>
                <select id={`${id}-type`} value={row.type} onChange={(e) => onChange({ type: e.target.value as RowType })}>
                  {ROW_TYPES.filter((type) => type !== 'begin_group' && type !== 'end_group').map((type) => (
                    <option key={type} value={type}>
                      {t(`survey.builder.type.${type}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('survey.builder.name')}</label>
              <input
                id={`${id}-name`}
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                value={row.name}
                aria-invalid={invalid('name')}
                aria-describedby={described('name', 'hint')}
                onChange={(e) => onChange({ name: e.target.value.trim() })}
              />
              <p className="hint" id={`${id}-name-hint`}>
                {t('survey.builder.nameHint')}
              </p>
              {fieldError('name')}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-label`}>{t(row.type === 'begin_group' ? 'survey.builder.groupLabel' : 'survey.builder.label')}</label>
            <textarea id={`${id}-label`} rows={2} maxLength={4000} value={row.label} aria-invalid={invalid('label')} aria-describedby={described('label')} onChange={(e) => onChange({ label: e.target.value })} />
            {fieldError('label')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-hint`}>{t('survey.builder.hintField')}</label>
            <input id={`${id}-hint`} maxLength={4000} value={row.hint} onChange={(e) => onChange({ hint: e.target.value })} />
          </div>
          {question && (
            <div className="field">
              <label className="checkbox">
                <input type="checkbox" checked={row.required} onChange={(e) => onChange({ required: e.target.checked })} />
                {t('survey.builder.required')}
              </label>
            </div>
          )}
          <ExpressionField id={`${id}-relevant`} label={t('survey.builder.relevant')} hint={t('survey.builder.relevantHint')} value={row.relevant} error={fieldError('relevant')} invalid={invalid('relevant')} described={described('relevant', 'hint')} onChange={(relevant) => onChange({ relevant })} />
          {question && (
            <div className="form-row">
              <ExpressionField id={`${id}-constraint`} label={t('survey.builder.constraint')} hint={t('survey.builder.constraintHint')} value={row.constraint} error={fieldError('constraint')} invalid={invalid('constraint')} described={described('constraint', 'hint')} onChange={(constraint) => onChange({ constraint })} />
              <div className="field">
                <label htmlFor={`${id}-cmsg`}>{t('survey.builder.constraintMessage')}</label>
                <input id={`${id}-cmsg`} maxLength={4000} value={row.constraintMessage} onChange={(e) => onChange({ constraintMessage: e.target.value })} />
              </div>
            </div>
          )}
          {isSelect(row.type) && (
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-list`}>{t('survey.builder.list')}</label>
                <select id={`${id}-list`} value={row.listName} aria-invalid={invalid('listName')} aria-describedby={described('listName')} onChange={(e) => onChange({ listName: e.target.value })}>
                  <option value="">{t('survey.builder.listNone')}</option>
                  {lists.map((list) => (
                    <option key={list.key} value={list.name}>
                      {list.name}
                    </option>
                  ))}
                </select>
                {fieldError('listName')}
                <button type="button" className="button-secondary button-small" onClick={onNewList}>
                  {t('survey.builder.newList')}
                </button>
              </div>
              <ExpressionField id={`${id}-cf`} label={t('survey.builder.choiceFilter')} hint={t('survey.builder.choiceFilterHint')} value={row.choiceFilter} error={fieldError('choiceFilter')} invalid={invalid('choiceFilter')} described={described('choiceFilter', 'hint')} onChange={(choiceFilter) => onChange({ choiceFilter })} />
            </div>
          )}
          {question && (
            <div className="field">
              <label className="checkbox">
                <input type="checkbox" checked={row.sensitive} aria-describedby={`${id}-sens-hint`} onChange={(e) => onChange({ sensitive: e.target.checked })} />
                {t('survey.builder.sensitive')}
              </label>
              <p className="hint" id={`${id}-sens-hint`}>
                {t('survey.builder.sensitiveHint')}
              </p>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function ExpressionField(props: { id: string; label: string; hint: string; value: string; error: ReactNode; invalid: true | undefined; described: string | undefined; onChange: (value: string) => void }) {
  // the hint's id: the caller's described-by names `<row id>-<field>-hint`; the field's own id ends with the field
  const hintId = props.described?.split(' ').find((part) => part.endsWith('-hint'));
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} className="sv-code" spellCheck={false} autoComplete="off" maxLength={2000} value={props.value} aria-invalid={props.invalid} aria-describedby={props.described} onChange={(e) => props.onChange(e.target.value)} />
      <p className="hint" id={hintId}>
        {props.hint}
      </p>
      {props.error}
    </div>
  );
}

function Lists({ lists, problems, showAll, onChange }: { lists: BuilderList[]; problems: BuilderProblem[]; showAll: boolean; onChange: (lists: BuilderList[]) => void }) {
  const id = useId();
  const setList = (index: number, patch: Partial<BuilderList>) => onChange(lists.map((list, i) => (i === index ? { ...list, ...patch } : list)));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.builder.lists')}</h2>
      {lists.length === 0 && <p className="muted">{t('survey.builder.noLists')}</p>}
      {lists.map((list, index) => (
        <ListEditor
          key={list.key}
          list={list}
          problems={showAll ? problems.filter((problem) => problem.list === list.key) : []}
          onChange={(patch) => setList(index, patch)}
          onDelete={() => onChange(lists.filter((_, i) => i !== index))}
        />
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const used = new Set(lists.map((list) => list.name));
          let n = lists.length + 1;
          while (used.has(`ds${n}`)) n++;
          onChange([...lists, { key: newKey('l'), name: `ds${n}`, columns: [], choices: [{ key: newKey('c'), name: '', label: '', filters: {} }] }]);
        }}
      >
        {t('survey.builder.addList')}
      </button>
    </section>
  );
}

function ListEditor({ list, problems, onChange, onDelete }: { list: BuilderList; problems: BuilderProblem[]; onChange: (patch: Partial<BuilderList>) => void; onDelete: () => void }) {
  const id = useId();
  const [column, setColumn] = useState('');
  const setChoice = (index: number, patch: Partial<BuilderList['choices'][number]>) => onChange({ choices: list.choices.map((choice, i) => (i === index ? { ...choice, ...patch } : choice)) });
  return (
    <fieldset className="sv-b-list">
      <legend>{t('survey.builder.listLegend', { name: list.name })}</legend>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('survey.builder.listName')}</label>
          <input id={`${id}-name`} spellCheck={false} autoComplete="off" maxLength={100} value={list.name} onChange={(e) => onChange({ name: e.target.value.trim() })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-col`}>{t('survey.builder.column')}</label>
          <div className="sv-b-inline">
            <input id={`${id}-col`} spellCheck={false} autoComplete="off" maxLength={100} value={column} onChange={(e) => setColumn(e.target.value.trim())} />
            <button
              type="button"
              className="button-secondary button-small"
              disabled={column === '' || list.columns.includes(column) || column === 'name' || column === 'label'}
              onClick={() => {
                onChange({ columns: [...list.columns, column] });
                setColumn('');
              }}
            >
              {t('survey.builder.addColumn')}
            </button>
          </div>
        </div>
      </div>
      <ol className="sv-b-choices">
        {list.choices.map((choice, index) => (
          <li key={choice.key} className="sv-b-choice">
            <div className="field">
              <label htmlFor={`${id}-${choice.key}-n`}>{t('survey.builder.choiceName', { number: index + 1 })}</label>
              <input id={`${id}-${choice.key}-n`} spellCheck={false} autoComplete="off" maxLength={100} value={choice.name} onChange={(e) => setChoice(index, { name: e.target.value.trim() })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${choice.key}-l`}>{t('survey.builder.choiceLabel', { number: index + 1 })}</label>
              <input id={`${id}-${choice.key}-l`} maxLength={4000} value={choice.label} onChange={(e) => setChoice(index, { label: e.target.value })} />
            </div>
            {list.columns.map((col) => (
              <div className="field" key={col}>
                <label htmlFor={`${id}-${choice.key}-f-${col}`}>{t('survey.builder.choiceFilterValue', { column: col, number: index + 1 })}</label>
                <input
                  id={`${id}-${choice.key}-f-${col}`}
                  spellCheck={false}
                  maxLength={1000}
                  value={choice.filters[col] ?? ''}
                  onChange={(e) => setChoice(index, { filters: { ...choice.filters, [col]: e.target.value } })}
                />
              </div>
            ))}
            <span className="sv-b-actions">
              <button type="button" className="button-secondary button-small" disabled={index === 0} onClick={() => onChange({ choices: moveRow(list.choices, index, -1) })}>
                {t('survey.builder.up')}
                <span className="visually-hidden"> {t('survey.builder.choiceName', { number: index + 1 })}</span>
              </button>
              <button type="button" className="button-danger button-small" onClick={() => onChange({ choices: list.choices.filter((_, i) => i !== index) })}>
                {t('survey.builder.deleteChoice', { number: index + 1 })}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {problems.length > 0 && (
        <p className="sv-error">{problems.map((problem) => t(problem.message as MessageKey, problem.params)).join('; ')}</p>
      )}
      <div className="buttons">
        <button type="button" className="button-secondary" onClick={() => onChange({ choices: [...list.choices, { key: newKey('c'), name: '', label: '', filters: {} }] })}>
          {t('survey.builder.addChoice')}
        </button>{' '}
        <button type="button" className="button-danger" onClick={onDelete}>
          {t('survey.builder.deleteList', { name: list.name })}
        </button>
      </div>
    </fieldset>
  );
}

/** The form as a respondent will see it, answered for trial: skip logic and checks live, nothing stored. */
function Trial({ form }: { form: TSurveyForm }) {
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<TAnswers>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const today = todayInVietnam();
  const checked = useMemo(() => checkAnswers(form, answers, { today, language: form.defaultLanguage }), [form, answers, today]);
  const errors = new Map(checked.errors.filter((error) => answers[error.question] !== undefined).map((error) => [error.question, error.message]));
  return (
    <section className="sv-preview">
      <h2>{t('survey.builder.preview')}</h2>
      <p className="hint">{t('survey.builder.previewHint')}</p>
      <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'survey.builder.previewHide' : 'survey.builder.previewShow')}
      </button>
      {open && (
        <div className="sv-preview-body sv-public">
          <QuestionnaireView
            form={form}
            language={form.defaultLanguage}
            answers={answers}
            texts={texts}
            asked={checked.asked}
            errors={errors}
            today={today}
            onAnswer={(name, value, text) => {
              setAnswers((current) => {
                const next = { ...current };
                if (value === undefined) delete next[name];
                else next[name] = value;
                return next;
              });
              if (text !== undefined) setTexts((current) => ({ ...current, [name]: text }));
            }}
          />
        </div>
      )}
    </section>
  );
}
