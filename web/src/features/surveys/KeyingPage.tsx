import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup, type TSurvey } from '#contracts/surveys/survey.schemas.ts';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { ErrorSummary, TypingGrid, useTyping } from './typing.tsx';
import { staffSubmitOutbox } from './outbox.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { useSurvey } from './surveys.api.ts';
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
          {mode === 'first' ? <FirstTyping survey={survey.data} form={survey.data.form} /> : <SecondTyping survey={survey.data} />}
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

function SecondTyping({ survey }: { survey: TSurvey }) {
  return (
    <p>
      {t('survey.review.secondHint')} <Link to={`/khao-sat/${survey.id}/doi-chieu`}>{t('survey.review.title')}</Link>
    </p>
  );
}
