import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PROGRAMME_KINDS } from '#contracts/programmes/pack.ts';
import { PROGRAMME_STATUSES, type TPackLoadCounts } from '#contracts/programmes/programmes.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { NotAllowed } from './NotAllowed.tsx';
import { useCreateProgramme, useLoadPack, usePacks } from './programmes.api.ts';
import './programmes.css';

const COUNTS: readonly (keyof TPackLoadCounts)[] = ['targets', 'groups', 'tasks', 'assignments', 'matchedAssignments', 'reviews', 'budgetLines'];

/** What a pack load created (or, on a dry run, would create). */
function Counts({ counts }: { counts: TPackLoadCounts }) {
  return (
    <dl className="prog-load-counts">
      {COUNTS.map((key) => (
        <div key={key}>
          <dt>{t(`programmes.pack.count.${key}`)}</dt>
          <dd>{formatNumber(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Nạp gói văn bản mẫu": choose a shipped pack, see what it will create (dry run), then load it into the own unit. */
function PackLoader({ unitId }: { unitId: number }) {
  const id = useId();
  const packs = usePacks(true);
  const load = useLoadPack();
  const [code, setCode] = useState('');
  const chosen = packs.data?.find((pack) => pack.code === code);
  const result = load.data;
  const run = (dryRun: boolean) => load.mutate({ unitId, code, dryRun });
  return (
    <section aria-labelledby={`${id}-h`} className="panel prog-panel">
      <h2 id={`${id}-h`}>{t('programmes.pack.title')}</h2>
      <p className="hint">{t('programmes.pack.hint')}</p>
      {packs.isPending && <Loading />}
      <ErrorMessage error={packs.error} />
      <div className="field">
        <label htmlFor={`${id}-pack`}>{t('programmes.pack.choose')}</label>
        <select
          id={`${id}-pack`}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            load.reset();
          }}
        >
          <option value="">{t('programmes.pack.none')}</option>
          {(packs.data ?? []).map((pack) => (
            <option key={pack.code} value={pack.code}>
              {`${pack.number} · ${pack.title}`}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <div className="prog-pack-about">
          <p>{chosen.source}</p>
          <p className="muted">
            {t('programmes.pack.about', {
              kind: t(`programmes.kind.${chosen.kind}`),
              from: chosen.fromYear,
              to: chosen.toYear,
              targets: formatNumber(chosen.targetCount),
              tasks: formatNumber(chosen.taskCount),
              version: chosen.version,
            })}
          </p>
        </div>
      )}
      <div className="prog-buttons">
        <button type="button" className="button-secondary" disabled={!chosen || load.isPending} onClick={() => run(true)}>
          {t('programmes.pack.dryRun')}
        </button>
        <button type="button" disabled={!chosen || load.isPending || !result?.dryRun || result.alreadyLoaded} onClick={() => run(false)}>
          {t('programmes.pack.load')}
        </button>
      </div>
      <ErrorMessage error={load.error} />
      {result && (
        <div className="prog-load-result" role="status">
          {result.alreadyLoaded ? (
            <p>{t('programmes.pack.already', { code: result.pack.code, version: result.pack.version })}</p>
          ) : (
            <p>{t(result.dryRun ? 'programmes.pack.willCreate' : 'programmes.pack.created', { code: result.pack.code, version: result.pack.version })}</p>
          )}
          {!result.alreadyLoaded && <Counts counts={result.created} />}
          {result.programmeId !== null && <Link to={`/programmes/${result.programmeId}`}>{t('programmes.pack.open')}</Link>}
        </div>
      )}
    </section>
  );
}

/** "Tạo chương trình, đề án": the form of a new programme of the own unit, and the loading of a shipped pack. */
export function NewProgrammePage() {
  usePageTitle(t('programmes.create'));
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const thisYear = new Date().getFullYear();
  if (!can(me, 'programmes.manage')) return <NotAllowed />;
  const unitId = me.unitId;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate(
      {
        unitId,
        kind: text('kind') as (typeof PROGRAMME_KINDS)[number],
        number: text('number'),
        issuer: text('issuer'),
        issuedOn: text('issuedOn'),
        title: text('title'),
        fromYear: Number(text('fromYear')),
        toYear: Number(text('toYear')),
        generalObjective: text('generalObjective') || null,
        status: text('status') as (typeof PROGRAMME_STATUSES)[number],
      },
      { onSuccess: (programme) => void navigate(`/programmes/${programme.id}`) },
    );
  };
  return (
    <section className="prog-page narrow">
      <p>
        <Link to="/programmes">{t('programmes.back')}</Link>
      </p>
      <h1>{t('programmes.create')}</h1>
      {unitId === null ? (
        <p className="alert" role="alert">
          {t('programmes.needUnit')}
        </p>
      ) : (
        <>
          <p className="hint">{t('programmes.createFor', { unit: me.unitName ?? '' })}</p>
          <PackLoader unitId={unitId} />
          <section aria-labelledby={`${id}-h`} className="panel prog-panel">
            <h2 id={`${id}-h`}>{t('programmes.form.title')}</h2>
            <form className="form" onSubmit={submit}>
              <div className="field">
                <label htmlFor={`${id}-kind`}>{t('programmes.kindColumn')}</label>
                <select id={`${id}-kind`} name="kind" defaultValue="project">
                  {PROGRAMME_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`programmes.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-number`}>{t('programmes.number')}</label>
                <input id={`${id}-number`} name="number" required maxLength={60} aria-describedby={`${id}-number-hint`} />
                <p className="hint" id={`${id}-number-hint`}>
                  {t('programmes.form.numberHint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${id}-issuer`}>{t('programmes.issuer')}</label>
                <input id={`${id}-issuer`} name="issuer" required maxLength={300} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-issued`}>{t('programmes.issuedOn')}</label>
                <DateField id={`${id}-issued`} name="issuedOn" required />
              </div>
              <div className="field">
                <label htmlFor={`${id}-title`}>{t('programmes.titleColumn')}</label>
                <textarea id={`${id}-title`} name="title" required maxLength={1000} rows={2} />
              </div>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${id}-from`}>{t('programmes.form.fromYear')}</label>
                  <input id={`${id}-from`} name="fromYear" type="number" inputMode="numeric" min={1900} max={2100} required defaultValue={thisYear} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-to`}>{t('programmes.form.toYear')}</label>
                  <input id={`${id}-to`} name="toYear" type="number" inputMode="numeric" min={1900} max={2100} required defaultValue={thisYear + 4} />
                </div>
              </div>
              <div className="field">
                <label htmlFor={`${id}-objective`}>{t('programmes.generalObjective')}</label>
                <textarea id={`${id}-objective`} name="generalObjective" maxLength={8000} rows={4} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-status`}>{t('programmes.status')}</label>
                <select id={`${id}-status`} name="status" defaultValue="draft">
                  {PROGRAMME_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`programmes.programmeStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" disabled={create.isPending}>
                {t('programmes.form.save')}
              </button>
            </form>
            <ErrorMessage error={create.error} />
            {create.isSuccess && <Success>{t('programmes.form.saved')}</Success>}
          </section>
        </>
      )}
    </section>
  );
}
