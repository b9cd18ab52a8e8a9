import { useId, useState } from 'react';
import { Link } from 'react-router';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { GrassrootsNav } from './GrassrootsNav.tsx';
import { usePurposes, useVisits } from './grassroots.api.ts';
import './grassroots.css';

/** "Đi cơ sở": visits at places in the reader's scope, newest first, by dates and purpose. */
export function VisitsPage() {
  usePageTitle(t('grassroots.title'));
  const id = useId();
  const me = useMe();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [purposeId, setPurposeId] = useState('');
  const purposes = usePurposes();
  const list = useVisits({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(purposeId ? { purposeId: Number(purposeId) } : {}) });
  if (!can(me, 'grassroots.read')) return <p>{t('grassroots.notAllowed')}</p>;
  return (
    <section className="gr-page">
      <div className="page-head">
        <h1>{t('grassroots.title')}</h1>
      </div>
      <GrassrootsNav />
      <p className="hint">{t('grassroots.intro')}</p>
      {can(me, 'grassroots.log') && (
        <p>
          <Link className="button" to="/grassroots/log">
            {t('grassroots.nav.log')}
          </Link>
        </p>
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('grassroots.filter.from')}</label>
          <DateField id={`${id}-from`} value={from} onChange={setFrom} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('grassroots.filter.to')}</label>
          <DateField id={`${id}-to`} value={to} onChange={setTo} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('grassroots.filter.purpose')}</label>
          <select id={`${id}-purpose`} value={purposeId} onChange={(e) => setPurposeId(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {(purposes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>{t('grassroots.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p>{t('grassroots.total', { count: formatNumber(list.data.total) })}</p>
          <table className="table responsive">
            <thead>
              <tr>
                <th>{t('grassroots.col.who')}</th>
                <th>{t('grassroots.col.where')}</th>
                <th>{t('grassroots.col.dates')}</th>
                <th className="num">{t('grassroots.col.days')}</th>
                <th>{t('grassroots.col.purpose')}</th>
                <th>{t('grassroots.col.heard')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((v) => (
                <tr key={v.id}>
                  <td>
                    {v.personName}
                    <span className="gr-subline">{`${v.roleTitle}, ${v.organizationName}`}</span>
                  </td>
                  <td data-label={t('grassroots.col.where')}>{v.unitName}</td>
                  <td data-label={t('grassroots.col.dates')}>{v.from === v.to ? formatDate(v.from) : t('grassroots.dates', { from: formatDate(v.from), to: formatDate(v.to) })}</td>
                  <td className="num" data-label={t('grassroots.col.days')}>
                    {formatNumber(v.days)}
                  </td>
                  <td data-label={t('grassroots.col.purpose')}>{v.purposeName}</td>
                  <td data-label={t('grassroots.col.heard')}>{v.heard ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
