import { useId, useState } from 'react';
import { Link } from 'react-router';
import { PROGRAMME_STATUSES, type TProgrammeStatus } from '#contracts/programmes/programmes.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading, Searching } from '../../components/Status.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { NotAllowed } from './NotAllowed.tsx';
import { useProgrammes } from './programmes.api.ts';
import './programmes.css';
import { yearsText } from './programme-text.ts';

/**
 * "Chương trình, đề án": the programmes the user may read (their unit's and those of the units above it), by
 * status and a search of number or title; links to create one or load a shipped pack, and to the assignments table.
 */
export function ProgrammesPage() {
  usePageTitle(t('programmes.title'));
  const id = useId();
  const me = useMe();
  const [status, setStatus] = useState<TProgrammeStatus | ''>('');
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const list = useProgrammes({ status: status || undefined, q: search || undefined });
  if (!can(me, 'programmes.read')) return <NotAllowed />;
  return (
    <section className="prog-page">
      <div className="page-head">
        <h1>{t('programmes.title')}</h1>
      </div>
      <p className="hint">{t('programmes.intro')}</p>
      <nav className="prog-actions" aria-label={t('programmes.actions')}>
        {can(me, 'programmes.manage') && (
          <Link className="button" to="/programmes/new">
            {t('programmes.create')}
          </Link>
        )}
        <Link className="button button-secondary" to="/programmes/assignments">
          {t('programmes.assignments.title')}
        </Link>
      </nav>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('programmes.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('programmes.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as TProgrammeStatus | '')}>
            <option value="">{t('common.all')}</option>
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`programmes.programmeStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {(q.trim() !== search || (list.isFetching && !list.isPending)) && <Searching />}
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('programmes.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table responsive prog-table">
          <thead>
            <tr>
              <th>{t('programmes.titleColumn')}</th>
              <th>{t('programmes.kindColumn')}</th>
              <th>{t('programmes.owner')}</th>
              <th>{t('programmes.period')}</th>
              <th>{t('programmes.status')}</th>
              <th className="num">{t('programmes.targetsColumn')}</th>
              <th className="num">{t('programmes.tasksColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/programmes/${p.id}`}>{p.title}</Link>
                  <span className="prog-subline">{t('programmes.numberIssued', { number: p.number, issuer: p.issuer, date: formatDate(p.issuedOn) })}</span>
                </td>
                <td data-label={t('programmes.kindColumn')}>{t(`programmes.kind.${p.kind}`)}</td>
                <td data-label={t('programmes.owner')}>{p.ownerUnit.fullName}</td>
                <td data-label={t('programmes.period')}>{yearsText(p)}</td>
                <td data-label={t('programmes.status')}>{t(`programmes.programmeStatus.${p.status}`)}</td>
                <td className="num" data-label={t('programmes.targetsColumn')}>
                  {formatNumber(p.targetCount)}
                </td>
                <td className="num" data-label={t('programmes.tasksColumn')}>
                  {formatNumber(p.taskCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
