import { useId, useState } from 'react';
import { Link } from 'react-router';
import { CASE_FLAGS, CASE_KINDS, CASE_STATUSES, type TCaseListQuery } from '#contracts/petitions/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading, Searching } from '../../components/Status.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { exportUrl, useCaseCounts, useCases, usePetitionFields } from './petitions.api.ts';
import { flagLabels, kindLabel, statusLabel } from './petition-text.ts';
import './petitions.css';

type Due = '' | 'overdue' | 'due_soon';

/**
 * "Khiếu nại, tố cáo, kiến nghị, phản ánh": the overdue panel (open, overdue, due within 7 days, closed on time /
 * late / late with extension), filters, search without diacritics, the list and its Excel export.
 */
export function CasesPage() {
  usePageTitle(t('petitions.title'));
  const id = useId();
  const me = useMe();
  const fields = usePetitionFields();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [fieldId, setFieldId] = useState('');
  const [flag, setFlag] = useState('');
  const [due, setDue] = useState<Due>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebounced(q.trim());
  const filters: TCaseListQuery = {
    ...(search ? { q: search } : {}),
    ...(status ? { status: status as TCaseListQuery['status'] } : {}),
    ...(kind ? { kind: kind as TCaseListQuery['kind'] } : {}),
    ...(fieldId ? { fieldId: Number(fieldId) } : {}),
    ...(flag ? { flag: flag as TCaseListQuery['flag'] } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const list = useCases({ ...filters, ...(due ? { due } : {}), page, pageSize: 50 });
  const counts = useCaseCounts(filters);
  if (!can(me, 'petitions.read')) return <p className="alert">{t('petitions.notAllowed')}</p>;
  const show = (next: Due) => {
    setDue(next);
    setPage(1);
  };
  const c = counts.data;
  return (
    <section className="pet-page">
      <div className="page-head">
        <h1>{t('petitions.title')}</h1>
        {can(me, 'petitions.manage') && (
          <Link className="button" to="/petitions/new">
            {t('petitions.new')}
          </Link>
        )}
      </div>
      <ErrorMessage error={counts.error} />
      {c && (
        <div className="pet-panel" aria-label={t('petitions.panel')}>
          <button type="button" className={`pet-count${due === '' ? ' is-on' : ''}`} onClick={() => show('')}>
            <span className="pet-count-n">{formatNumber(c.open)}</span>
            <span>{t('petitions.count.open')}</span>
          </button>
          <button type="button" className={`pet-count pet-count-bad${due === 'overdue' ? ' is-on' : ''}`} onClick={() => show('overdue')}>
            <span className="pet-count-n">{formatNumber(c.overdue)}</span>
            <span>{t('petitions.count.overdue')}</span>
          </button>
          <button type="button" className={`pet-count pet-count-warn${due === 'due_soon' ? ' is-on' : ''}`} onClick={() => show('due_soon')}>
            <span className="pet-count-n">{formatNumber(c.dueSoon)}</span>
            <span>{t('petitions.count.dueSoon', { days: c.soonDays })}</span>
          </button>
          <dl className="pet-outcomes">
            <div>
              <dt>{t('petitions.count.closed')}</dt>
              <dd>{formatNumber(c.closed)}</dd>
            </div>
            <div>
              <dt>{t('petitions.outcome.on_time')}</dt>
              <dd>{formatNumber(c.onTime)}</dd>
            </div>
            <div>
              <dt>{t('petitions.outcome.late')}</dt>
              <dd>{formatNumber(c.late)}</dd>
            </div>
            <div>
              <dt>{t('petitions.outcome.late_extended')}</dt>
              <dd>{formatNumber(c.lateExtended)}</dd>
            </div>
            <div>
              <dt>{t('petitions.count.duplicates')}</dt>
              <dd>{formatNumber(c.duplicates)}</dd>
            </div>
          </dl>
        </div>
      )}
      <form className="filters pet-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field pet-search">
          <label htmlFor={`${id}-q`}>{t('petitions.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={200} placeholder={t('petitions.searchHint')} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('petitions.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => { setKind(e.target.value); setPage(1); }}>
            <option value="">{t('common.all')}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('petitions.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }}>
            <option value="">{t('common.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('petitions.field')}</label>
          <select id={`${id}-field`} value={fieldId} onChange={(e) => { setFieldId(e.target.value); setPage(1); }}>
            <option value="">{t('common.all')}</option>
            {(fields.data ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-flag`}>{t('petitions.flag')}</label>
          <select id={`${id}-flag`} value={flag} onChange={(e) => { setFlag(e.target.value); setPage(1); }}>
            <option value="">{t('common.all')}</option>
            {CASE_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`petitions.flags.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('petitions.from')}</label>
          <DateField id={`${id}-from`} value={from} onChange={(v) => { setFrom(v); setPage(1); }} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('petitions.to')}</label>
          <DateField id={`${id}-to`} value={to} onChange={(v) => { setTo(v); setPage(1); }} />
        </div>
      </form>
      <p className="pet-listhead">
        {list.data && (
          <span>
            {list.data.totalExact
              ? t(due === 'overdue' ? 'petitions.listOverdue' : due === 'due_soon' ? 'petitions.listDueSoon' : 'petitions.listAll', { count: formatNumber(list.data.total) })
              : t('petitions.listMore', { count: formatNumber(list.data.total - 1) })}
          </span>
        )}
        <a className="button button-secondary" href={exportUrl({ ...filters, ...(due ? { due } : {}) })}>
          {t('petitions.export')}
        </a>
      </p>
      {(q.trim() !== search || (list.isFetching && !list.isPending)) && <Searching />}
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>{t('petitions.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <table className="table responsive pet-table">
          <thead>
            <tr>
              <th>{t('petitions.case')}</th>
              <th>{t('petitions.kind')}</th>
              <th>{t('petitions.unit')}</th>
              <th>{t('petitions.receivedOn')}</th>
              <th>{t('petitions.dueOn')}</th>
              <th>{t('petitions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/petitions/${item.id}`}>{item.code}</Link> <span className="pet-subject">{item.subject}</span>
                  <span className="pet-subline">
                    {[item.firstPerson, item.fieldName, ...flagLabels(item.flags)].filter(Boolean).join(' · ')}
                  </span>
                </td>
                <td data-label={t('petitions.kind')}>{kindLabel(item.kind)}</td>
                <td data-label={t('petitions.unit')}>{item.unitName}</td>
                <td data-label={t('petitions.receivedOn')}>{formatDate(item.receivedOn)}</td>
                <td data-label={t('petitions.dueOn')}>
                  {item.dueOn ? formatDate(item.dueOn) : '—'}
                  {item.overdueDays !== null && <span className="pet-late">{t('petitions.overdueDays', { days: item.overdueDays })}</span>}
                </td>
                <td data-label={t('petitions.status')}>
                  {statusLabel(item.status)}
                  {item.outcome && <span className="pet-subline">{t(`petitions.outcome.${item.outcome}`)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.total > list.data.pageSize && (
        <nav className="pet-pages" aria-label={t('petitions.pages')}>
          <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('petitions.prev')}
          </button>
          <span>
            {list.data.totalExact ? t('petitions.pageOf', { page, pages: Math.ceil(list.data.total / list.data.pageSize) }) : t('petitions.pageN', { page })}
          </span>
          <button type="button" className="button-secondary" disabled={page * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>
            {t('petitions.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
