import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SURVEY_STATUSES, type TSurveyStatus } from '#contracts/surveys/survey.schemas.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { QueryList } from '../../components/QueryList.tsx';
import { ErrorMessage, Searching } from '../../components/Status.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { canSurveys } from './can.ts';
import { useCreateSurvey, useSurveys } from './surveys.api.ts';
import './surveys.css';

/** "Điều tra xã hội học": the surveys in scope by a search and status; keepers create one here. */
export function SurveysPage() {
  usePageTitle(t('survey.title'));
  const id = useId();
  const me = useMe();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TSurveyStatus | ''>('');
  const search = useDebounced(q.trim());
  const list = useSurveys({ ...(search ? { q: search } : {}), ...(status ? { status } : {}) });
  const [creating, setCreating] = useState(false);
  return (
    <section className="sv-page">
      <div className="page-head">
        <h1>{t('survey.title')}</h1>
      </div>
      <p className="hint">{t('survey.intro')}</p>
      {canSurveys(me, 'surveys.manage') &&
        (creating ? (
          <CreateSurvey onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" onClick={() => setCreating(true)}>
              {t('survey.create')}
            </button>
          </p>
        ))}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('survey.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={200} onChange={(event) => setQ(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('survey.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as TSurveyStatus | '')}>
            <option value="">{t('common.all')}</option>
            {SURVEY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`survey.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {(q.trim() !== search || (list.isFetching && !list.isPending)) && <Searching />}
      <QueryList query={list} items={(data) => data.items} empty={t('survey.none')}>
        {(items) => (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('survey.col.title')}</th>
              <th>{t('survey.col.unit')}</th>
              <th>{t('survey.col.period')}</th>
              <th>{t('survey.status')}</th>
              <th className="num">{t('survey.col.responses')}</th>
              <th className="num">{t('survey.col.quota')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/khao-sat/${s.id}`}>{s.title}</Link>
                  <span className="sv-subline">{s.code}</span>
                </td>
                <td data-label={t('survey.col.unit')}>{s.unitName}</td>
                <td data-label={t('survey.col.period')}>{s.opensOn || s.closesOn ? t('survey.periodText', { from: formatDate(s.opensOn), to: formatDate(s.closesOn) }) : t('common.none')}</td>
                <td data-label={t('survey.status')}>{t(`survey.status.${s.status}`)}</td>
                <td className="num" data-label={t('survey.col.responses')}>
                  {formatNumber(s.responses)}
                </td>
                <td className="num" data-label={t('survey.col.quota')}>
                  {formatNumber(s.quota)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </QueryList>
    </section>
  );
}

/** A new survey of a unit in scope: a draft without questionnaire, opened on its page. */
function CreateSurvey({ onCancel }: { onCancel: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateSurvey();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [collectsIdentity, setCollectsIdentity] = useState(false);
  const [doubleEntry, setDoubleEntry] = useState(false);
  const [decimals, setDecimals] = useState(1);
  const [unitMissing, setUnitMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!unit) return setUnitMissing(true);
    create.mutate(
      {
        unitId: unit.id,
        code: code.trim(),
        title: title.trim(),
        purpose: purpose.trim() || null,
        opensOn: opensOn || null,
        closesOn: closesOn || null,
        collectsIdentity,
        doubleEntry,
        decimals,
      },
      { onSuccess: (survey) => void navigate(`/khao-sat/${survey.id}`) },
    );
  };
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.create')}</h2>
      <UnitPicker
        label={t('survey.form.unit')}
        value={unit}
        onChange={(next) => {
          setUnit(next);
          setUnitMissing(false);
        }}
      />
      {unitMissing && (
        <p className="alert" role="alert">
          {t('survey.form.needUnit')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('survey.form.code')}</label>
        <input id={`${id}-code`} required maxLength={60} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={`${id}-code-hint`} />
        <p className="hint" id={`${id}-code-hint`}>
          {t('survey.form.codeHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('survey.form.title')}</label>
        <input id={`${id}-title`} required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>{t('survey.form.purpose')}</label>
        <textarea id={`${id}-purpose`} rows={3} maxLength={20000} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-opens`}>{t('survey.form.opensOn')}</label>
          <DateField id={`${id}-opens`} value={opensOn} onChange={setOpensOn} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-closes`}>{t('survey.form.closesOn')}</label>
          <DateField id={`${id}-closes`} value={closesOn} onChange={setClosesOn} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-decimals`}>{t('survey.form.decimals')}</label>
          <select id={`${id}-decimals`} value={decimals} onChange={(e) => setDecimals(Number(e.target.value))}>
            {[0, 1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={collectsIdentity} onChange={(e) => setCollectsIdentity(e.target.checked)} aria-describedby={`${id}-identity-hint`} />
          {t('survey.form.collectsIdentity')}
        </label>
        <p className="hint" id={`${id}-identity-hint`}>
          {t('survey.form.collectsIdentityHint')}
        </p>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={doubleEntry} onChange={(e) => setDoubleEntry(e.target.checked)} />
          {t('survey.form.doubleEntry')}
        </label>
      </div>
      <div className="buttons">
        <button type="submit" disabled={create.isPending}>
          {t('survey.form.save')}
        </button>{' '}
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={create.error} />
    </form>
  );
}
