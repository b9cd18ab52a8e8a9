import { useId, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { labelIn, type TAnswers } from '#contracts/surveys/form.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { checkAnswers } from './form-logic.ts';
import { publicSubmitOutbox } from './outbox.ts';
import { usePublicSurvey, type PublicSurvey } from './public-survey.ts';
import { QuestionnaireView } from './QuestionnaireView.tsx';
import './surveys-public.css';

/** The respondent's form behind a public or personal link (no login): works offline once opened. */
export function RespondPage() {
  const { token = '' } = useParams();
  const loaded = usePublicSurvey(token);
  usePageTitle(loaded.data?.survey.title ?? t('surveyForm.loading'));
  return (
    <main className="sv-public">
      {loaded.isPending && <p role="status">{t('surveyForm.loading')}</p>}
      {loaded.error && (
        <>
          <p className="alert" role="alert">
            {t('surveyForm.unavailable')}
          </p>
          <ErrorMessage error={loaded.error} />
        </>
      )}
      {loaded.data && <Respond key={token} token={token} survey={loaded.data.survey} offline={loaded.data.offline} />}
    </main>
  );
}

function Respond({ token, survey, offline }: { token: string; survey: PublicSurvey; offline: boolean }) {
  const id = useId();
  const today = todayInVietnam();
  const form = survey.form;
  const [language, setLanguage] = useState(form.defaultLanguage);
  const [answers, setAnswers] = useState<TAnswers>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [unitId, setUnitId] = useState<number | null>(survey.fixedUnitId ?? (survey.units.length === 1 ? (survey.units[0]?.id ?? null) : null));
  const [group, setGroup] = useState<TRespondentGroup | ''>(survey.fixedGroup ?? (survey.groups.length === 1 ? (survey.groups[0] ?? '') : ''));
  const [tried, setTried] = useState(false);
  const [entryId, setEntryId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const outbox = useOutbox();
  const checked = useMemo(() => checkAnswers(form, answers, { today, language }), [form, answers, today, language]);
  const errors = useMemo(() => {
    const map = new Map(checked.errors.map((error) => [error.question, error.message]));
    return tried ? map : new Map<string, string>();
  }, [checked, tried]);
  const missing = [...(unitId === null ? [t('surveyForm.needUnit')] : []), ...(group === '' ? [t('surveyForm.needGroup')] : [])];
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    const walk = (items: typeof form.items) => {
      for (const item of items) {
        map.set(item.name, labelIn(item.label, language, item.name));
        if (item.kind === 'group') walk(item.items);
      }
    };
    walk(form.items);
    return map;
  }, [form, language]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (checked.errors.length > 0 || missing.length > 0 || unitId === null || group === '' || saving || entryId) return;
    setSaving(true);
    try {
      const entry = await outbox.enqueue(publicSubmitOutbox, {
        coalesceKey: null,
        input: (writeId: string) => ({
          params: { token },
          body: { id: writeId, versionNumber: survey.versionNumber, unitId, respondentGroup: group, answers: checked.answers },
        }),
      });
      setEntryId(entry.id);
    } finally {
      setSaving(false);
    }
  };

  const entry = entryId ? outbox.entries.find((candidate) => candidate.id === entryId) : undefined;
  if (entryId) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`}>{survey.title}</h1>
        {entry?.state === 'failed' ? (
          <p className="alert" role="alert">
            {t('surveyForm.refused', { reason: entry.error ?? '' })}
          </p>
        ) : (
          <p className={entry ? 'sv-saved' : 'success'} role="status">
            {!entry ? t('surveyForm.sent') : entry.state === 'sending' || entry.attempts === 0 ? t('surveyForm.sending') : t('surveyForm.savedOffline')}
          </p>
        )}
        {!entry && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setAnswers({});
              setTexts({});
              setTried(false);
              setEntryId(null);
            }}
          >
            {t('surveyForm.again')}
          </button>
        )}
      </section>
    );
  }

  const labelOf = (name: string) => labels.get(name) ?? name;

  const errorList = tried ? [...missing, ...checked.errors.map((error) => `${labelOf(error.question)}: ${error.message}`)] : [];
  return (
    <form className="sv-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{survey.title}</h1>
      <p className="muted">{t('surveyForm.of', { unit: survey.unitName })}</p>
      {offline && (
        <p className="sv-offline" role="status">
          {t('surveyForm.offlineCopy')}
        </p>
      )}
      {!survey.open && (
        <p className="alert" role="alert">
          {t('surveyForm.closed')}
        </p>
      )}
      {survey.purpose && <p>{survey.purpose}</p>}
      <p className="sv-privacy">{survey.collectsIdentity ? t('surveyForm.identity') : t('surveyForm.anonymous')}</p>
      <p className="hint">{t('surveyForm.requiredNote')}</p>
      {form.languages.length > 1 && (
        <div className="field">
          <select aria-label={form.languages.join(' / ')} value={language} onChange={(event) => setLanguage(event.target.value)}>
            {form.languages.map((code) => (
              <option key={code} value={code}>
                {code || form.defaultLanguage || '—'}
              </option>
            ))}
          </select>
        </div>
      )}
      {survey.fixedUnitId === null && survey.units.length > 1 && (
        <div className="field sv-question">
          <label htmlFor={`${id}-unit`}>
            {t('surveyForm.unit')}
            <span className="sv-required">{' *'}</span>
          </label>
          <select id={`${id}-unit`} value={unitId ?? ''} onChange={(event) => setUnitId(event.target.value ? Number(event.target.value) : null)}>
            <option value="">{t('surveyForm.choose')}</option>
            {survey.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {survey.fixedGroup === null && survey.groups.length > 1 && (
        <div className="field sv-question">
          <label htmlFor={`${id}-group`}>
            {t('surveyForm.group')}
            <span className="sv-required">{' *'}</span>
          </label>
          <select id={`${id}-group`} value={group} onChange={(event) => setGroup(event.target.value as TRespondentGroup | '')}>
            <option value="">{t('surveyForm.choose')}</option>
            {survey.groups.map((code) => (
              <option key={code} value={code}>
                {t(`surveyForm.group.${code}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <QuestionnaireView
        form={form}
        language={language}
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
      {errorList.length > 0 && (
        <div className="alert" role="alert">
          <p>{t('surveyForm.errors', { count: errorList.length })}</p>
          <ul>
            {errorList.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" disabled={saving || !survey.open}>
        {t('surveyForm.submit')}
      </button>
    </form>
  );
}
