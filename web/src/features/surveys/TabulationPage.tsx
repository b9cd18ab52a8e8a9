import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formQuestions, labelIn, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup, type TSurvey } from '#contracts/surveys/survey.schemas.ts';
import type { TTabulatedQuestion, TTabulation, TTabulationQuery } from '#contracts/surveys/tabulation.schemas.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading, Searching, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { canSurveys } from './can.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { tabulationXlsxUrl, useSurvey, useTabulation, useUpdateSurvey } from './surveys.api.ts';
import { barWidth, numberText, percentText } from './tabulation-view.ts';
import './surveys.css';

/** "Kết quả khảo sát": per question the counts and percentages with their base, filters and a cross-tabulation. */
export function TabulationPage() {
  const id = Number(useParams().id);
  const formId = useId();
  const survey = useSurvey(id, { untilCrossesReady: true });
  const me = useMe();
  usePageTitle(t('survey.tab.title'));
  const [unitId, setUnitId] = useState<number | ''>('');
  const [group, setGroup] = useState<TRespondentGroup | ''>('');
  const [base, setBase] = useState<'respondents' | 'submissions'>('respondents');
  const [by, setBy] = useState('');
  const query: Partial<TTabulationQuery> = { base, ...(unitId ? { unitId } : {}), ...(group ? { respondentGroup: group } : {}), ...(by ? { by } : {}) };
  const tab = useTabulation(id, query);
  const form = survey.data?.form ?? null;
  const units = [...new Map((survey.data?.targets ?? []).map((target) => [target.unitId, target.unitName ?? String(target.unitId)])).entries()];
  const selectOnes = form ? formQuestions(form).filter(({ question }) => question.type === 'select_one').map(({ question }) => question) : [];
  // kept cross questions whose tally a job is still counting: a cross-tabulation by them is counted from the forms meanwhile
  const building = new Set((survey.data?.crossTallies ?? []).filter((c) => c.state === 'building').map((c) => c.question));
  return (
    <section className="sv-page">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      <h1>{survey.data ? `${t('survey.tab.title')}: ${survey.data.title}` : t('survey.tab.title')}</h1>
      <SurveyNav id={id} />
      <ErrorMessage error={survey.error} />
      <form className="filters" aria-label={t('survey.tab.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${formId}-unit`}>{t('survey.tab.unit')}</label>
          <select id={`${formId}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">{t('survey.tab.allUnits')}</option>
            {units.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-group`}>{t('survey.tab.group')}</label>
          <select id={`${formId}-group`} value={group} onChange={(e) => setGroup(e.target.value as TRespondentGroup | '')}>
            <option value="">{t('common.all')}</option>
            {RESPONDENT_GROUPS.map((code) => (
              <option key={code} value={code}>
                {t(`survey.group.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-base`}>{t('survey.tab.base')}</label>
          <select id={`${formId}-base`} value={base} onChange={(e) => setBase(e.target.value as typeof base)}>
            <option value="respondents">{t('survey.tab.base.respondents')}</option>
            <option value="submissions">{t('survey.tab.base.submissions')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-by`}>{t('survey.tab.by')}</label>
          <select id={`${formId}-by`} value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">{t('survey.tab.by.none')}</option>
            <option value="unit">{t('survey.tab.by.unit')}</option>
            <option value="group">{t('survey.tab.by.group')}</option>
            {form &&
              selectOnes.map((question) => (
                <option key={question.name} value={`question:${question.name}`}>
                  {t('survey.tab.by.question', { label: labelIn(question.label, form.defaultLanguage, question.name) })}
                  {building.has(question.name) ? ` (${t('survey.tab.building')})` : ''}
                </option>
              ))}
          </select>
        </div>
      </form>
      {survey.data && form && canSurveys(me, 'surveys.manage') && selectOnes.length > 0 && <KeptCrosses survey={survey.data} form={form} building={building} />}
      {by.startsWith('question:') && building.has(by.slice('question:'.length)) && (
        <p className="sv-building" role="status">
          {t('survey.tab.buildingNote')}
        </p>
      )}
      <p>
        <a className="button button-secondary" href={tabulationXlsxUrl(id, query)} download>
          {t('survey.tab.excel')}
        </a>
      </p>
      {tab.isPending && <Loading />}
      {tab.isFetching && !tab.isPending && <Searching />}
      <ErrorMessage error={tab.error} />
      {tab.data && <Tabulation data={tab.data} />}
    </section>
  );
}

/** Most cross-tabulations a survey keeps counted as responses arrive (ZSurveyPatch.crossQuestions). */
const MAX_KEPT_CROSSES = 5;

/**
 * The select_one questions whose cross-tabulations are kept counted as responses arrive (fast on a large survey;
 * crossing by another question reads every response): the manager ticks up to five and saves.
 */
function KeptCrosses({ survey, form, building }: { survey: TSurvey; form: TSurveyForm; building: ReadonlySet<string> }) {
  const id = useId();
  const update = useUpdateSurvey(survey.id);
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set(survey.crossQuestions ?? []));
  const questions = formQuestions(form).filter(({ question }) => question.type === 'select_one').map(({ question }) => question);
  const toggle = (name: string, on: boolean) => setKept((before) => (on ? new Set([...before, name]) : new Set([...before].filter((n) => n !== name))));
  return (
    <details className="sv-kept">
      <summary>{t('survey.tab.kept', { count: survey.crossQuestions?.length ?? 0 })}</summary>
      <form
        aria-labelledby={`${id}-legend`}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ expectedVersion: survey.version, crossQuestions: questions.map((q) => q.name).filter((name) => kept.has(name)) });
        }}
      >
        <fieldset>
          <legend id={`${id}-legend`}>{t('survey.tab.keptLegend', { max: MAX_KEPT_CROSSES })}</legend>
          {questions.map((question) => (
            <label key={question.name} className="checkbox">
              <input type="checkbox" checked={kept.has(question.name)} disabled={!kept.has(question.name) && kept.size >= MAX_KEPT_CROSSES} onChange={(e) => toggle(question.name, e.target.checked)} />{' '}
              {labelIn(question.label, form.defaultLanguage, question.name)}
              {building.has(question.name) && <span className="sv-building-tag">{` (${t('survey.tab.building')})`}</span>}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={update.isPending}>
          {t('survey.tab.keptSave')}
        </button>
        {update.isSuccess && <Success>{t('survey.tab.keptSaved')}</Success>}
        <ErrorMessage error={update.error} />
      </form>
    </details>
  );
}

function Tabulation({ data }: { data: TTabulation }) {
  if (data.submissions === 0) return <Empty>{t('survey.tab.none')}</Empty>;
  return (
    <>
      <p className="sv-total">{t('survey.tab.submissions', { count: formatNumber(data.submissions) })}</p>
      {data.questions.map((question, index) => (
        <QuestionTable key={question.name} question={question} data={data} index={index} />
      ))}
    </>
  );
}

function QuestionTable({ question: q, data, index }: { question: TTabulatedQuestion; data: TTabulation; index: number }) {
  const headingId = useId();
  const crossed = data.by !== null && data.columns.length > 0;
  const baseText = data.base === 'respondents' ? t('survey.tab.baseText', { count: formatNumber(q.base) }) : t('survey.tab.baseSubmissions', { count: formatNumber(q.base) });
  return (
    <section className="sv-question-result" aria-labelledby={headingId}>
      {q.groups.length > 0 && <p className="sv-groups">{q.groups.join(' › ')}</p>}
      <h2 id={headingId} className="sv-question-title">
        {`${index + 1}. ${q.label}`}
      </h2>
      {q.sensitive && !q.choices && !q.numbers ? (
        <p className="muted">{t('survey.tab.sensitive')}</p>
      ) : (
        <>
          <p className="sv-base">
            <strong>{baseText}</strong>
            {' · '}
            {t('survey.tab.answered', { count: formatNumber(q.answered) })}
            {' · '}
            {t('survey.tab.skipped', { count: formatNumber(q.skipped) })}
            {' · '}
            {t('survey.tab.unanswered', { count: formatNumber(q.unanswered) })}
          </p>
          {q.type === 'select_multiple' && <p className="sv-multiple">{t('survey.tab.multiple')}</p>}
          {q.choices && !crossed && <ChoiceTable question={q} decimals={data.decimals} caption={q.label} />}
          {q.choices && crossed && <CrossTable question={q} data={data} />}
          {q.numbers && <NumberSummary numbers={q.numbers} />}
          {!q.choices && !q.numbers && (q.type === 'text' || q.type === 'date') && <p className="muted">{t('survey.tab.text', { count: formatNumber(q.answered) })}</p>}
        </>
      )}
    </section>
  );
}

function ChoiceTable({ question, decimals, caption }: { question: TTabulatedQuestion; decimals: number; caption: string }) {
  return (
    <table className="table sv-choice-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th>{t('survey.tab.choice')}</th>
          <th className="num">{t('survey.tab.count')}</th>
          <th className="num">{t('survey.tab.percent')}</th>
          <th className="sv-bar-col" aria-hidden="true">
            {t('survey.tab.bar')}
          </th>
        </tr>
      </thead>
      <tbody>
        {(question.choices ?? []).map((choice) => (
          <tr key={choice.name}>
            <th scope="row">{choice.label}</th>
            <td className="num">{formatNumber(choice.count)}</td>
            <td className="num">{percentText(choice.percent, decimals)}</td>
            <td className="sv-bar-col" aria-hidden="true">
              <span className="sv-bar" style={{ width: barWidth(choice.percent) }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CrossTable({ question, data }: { question: TTabulatedQuestion; data: TTabulation }) {
  const columns = data.columns.map((column) => ({ column, question: column.questions.find((candidate) => candidate.name === question.name) }));
  return (
    <div className="sv-scroll">
      <table className="table sv-cross-table">
        <caption className="visually-hidden">{question.label}</caption>
        <thead>
          <tr>
            <th rowSpan={2}>{t('survey.tab.choice')}</th>
            <th colSpan={2} className="num">
              {t('survey.tab.total')}
            </th>
            {columns.map(({ column }) => (
              <th key={column.key} colSpan={2} className="num">
                {column.label}
                <span className="sv-subline">{t('survey.tab.crossSubmissions', { count: formatNumber(column.submissions) })}</span>
              </th>
            ))}
          </tr>
          <tr>
            <th className="num">{t('survey.tab.count')}</th>
            <th className="num">%</th>
            {columns.map(({ column }) => (
              <PairHead key={column.key} />
            ))}
          </tr>
        </thead>
        <tbody>
          {(question.choices ?? []).map((choice) => (
            <tr key={choice.name}>
              <th scope="row">{choice.label}</th>
              <td className="num">{formatNumber(choice.count)}</td>
              <td className="num">{percentText(choice.percent, data.decimals)}</td>
              {columns.map(({ column, question: inColumn }) => {
                const cell = inColumn?.choices?.find((candidate) => candidate.name === choice.name);
                return (
                  <CellPair key={column.key} count={cell?.count ?? 0} percent={cell?.percent ?? null} decimals={data.decimals} />
                );
              })}
            </tr>
          ))}
          <tr className="sv-base-row">
            <th scope="row">{t('survey.tab.baseRow')}</th>
            <td className="num">{formatNumber(question.base)}</td>
            <td />
            {columns.map(({ column, question: inColumn }) => (
              <CellPair key={column.key} count={inColumn?.base ?? 0} percent={null} decimals={data.decimals} blank />
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function PairHead() {
  return (
    <>
      <th className="num">{t('survey.tab.count')}</th>
      <th className="num">%</th>
    </>
  );
}

function CellPair({ count, percent, decimals, blank }: { count: number; percent: number | null; decimals: number; blank?: boolean }) {
  return (
    <>
      <td className="num">{formatNumber(count)}</td>
      <td className="num">{blank ? '' : percentText(percent, decimals)}</td>
    </>
  );
}

function NumberSummary({ numbers }: { numbers: NonNullable<TTabulatedQuestion['numbers']> }) {
  return (
    <dl className="sv-numbers">
      {(['mean', 'median', 'min', 'max'] as const).map((key) => (
        <div key={key}>
          <dt>{t(`survey.tab.${key}`)}</dt>
          <dd>{numberText(numbers[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
