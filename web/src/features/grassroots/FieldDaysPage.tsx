import { useId, useState } from 'react';
import { useMe } from '../../app/session.ts';
import { can } from '../../app/can.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { GrassrootsNav } from './GrassrootsNav.tsx';
import { useFieldDays } from './grassroots.api.ts';
import './grassroots.css';

const perCadre = (days: number, cadres: number) => (cadres === 0 ? '—' : formatNumber(Math.round((days * 10) / cadres) / 10));
const shareText = (share: number | null) => (share === null ? '—' : t('grassroots.figures.share', { share: formatNumber(share) }));

/** Field days of a month per commune and province body (seed 000 i7: ≥ 3 days), and who is below 3 days. */
export function FieldDaysPage() {
  usePageTitle(t('grassroots.figures.title'));
  const id = useId();
  const me = useMe();
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));
  const figures = useFieldDays(month);
  if (!can(me, 'grassroots.read')) return <p>{t('grassroots.notAllowed')}</p>;
  const below = (figures.data?.cadres ?? []).filter((c) => !c.meets);
  return (
    <section className="gr-page">
      <div className="page-head">
        <h1>{t('grassroots.figures.title')}</h1>
      </div>
      <GrassrootsNav />
      <p className="hint">{t('grassroots.figures.intro')}</p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-month`}>{t('grassroots.figures.month')}</label>
          <input id={`${id}-month`} type="month" value={month} onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)} />
        </div>
      </form>
      {figures.isPending && <Loading />}
      <ErrorMessage error={figures.error} />
      {figures.data && figures.data.units.length === 0 && <Empty>{t('grassroots.figures.none')}</Empty>}
      {figures.data && figures.data.units.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('grassroots.figures.col.unit')}</th>
              <th className="num">{t('grassroots.figures.col.cadres')}</th>
              <th className="num">{t('grassroots.figures.col.meeting')}</th>
              <th className="num">{t('grassroots.figures.col.share')}</th>
              <th className="num">{t('grassroots.figures.col.perCadre')}</th>
              <th className="num">{t('grassroots.figures.col.committee')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.data.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.unitName}</th>
                <td className="num" data-label={t('grassroots.figures.col.cadres')}>{formatNumber(u.cadres)}</td>
                <td className="num" data-label={t('grassroots.figures.col.meeting')}>{formatNumber(u.meeting)}</td>
                <td className="num" data-label={t('grassroots.figures.col.share')}>{shareText(u.share)}</td>
                <td className="num" data-label={t('grassroots.figures.col.perCadre')}>{perCadre(u.fieldDays, u.cadres)}</td>
                <td className="num" data-label={t('grassroots.figures.col.committee')}>{formatNumber(u.committeeAtCellMeetings)}</td>
              </tr>
            ))}
          </tbody>
          {figures.data.units.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('grassroots.figures.total')}</th>
                <td className="num" data-label={t('grassroots.figures.col.cadres')}>{formatNumber(figures.data.total.cadres)}</td>
                <td className="num" data-label={t('grassroots.figures.col.meeting')}>{formatNumber(figures.data.total.meeting)}</td>
                <td className="num" data-label={t('grassroots.figures.col.share')}>{shareText(figures.data.total.share)}</td>
                <td className="num" data-label={t('grassroots.figures.col.perCadre')}>{perCadre(figures.data.total.fieldDays, figures.data.total.cadres)}</td>
                <td className="num" data-label={t('grassroots.figures.col.committee')}>{formatNumber(figures.data.total.committeeAtCellMeetings)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {figures.data && figures.data.units.length > 0 && (
        <section className="gr-below" aria-labelledby={`${id}-below`}>
          <h2 id={`${id}-below`}>{t('grassroots.figures.below')}</h2>
          {below.length === 0 ? (
            <p>{t('grassroots.figures.allMeet')}</p>
          ) : (
            <table className="table responsive">
              <thead>
                <tr>
                  <th>{t('grassroots.figures.col.name')}</th>
                  <th>{t('grassroots.figures.col.body')}</th>
                  <th>{t('grassroots.figures.col.unit')}</th>
                  <th className="num">{t('grassroots.col.days')}</th>
                </tr>
              </thead>
              <tbody>
                {below.map((c) => (
                  <tr key={`${c.unitId}-${c.personId}`}>
                    <td>{c.personName}</td>
                    <td data-label={t('grassroots.figures.col.body')}>{`${c.title}, ${c.organizationName}`}</td>
                    <td data-label={t('grassroots.figures.col.unit')}>{c.unitName}</td>
                    <td className="num" data-label={t('grassroots.col.days')}>{formatNumber(c.days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
