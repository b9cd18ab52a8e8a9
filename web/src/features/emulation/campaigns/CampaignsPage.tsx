import { useId, useState } from 'react';
import { Link } from 'react-router';
import { CAMPAIGN_STATUSES, type TCampaignStatus } from '#contracts/emulation/enums.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { Empty, ErrorMessage, Loading, Searching } from '../../../components/Status.tsx';
import { useDebounced } from '../../../components/useDebounced.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { useCampaigns } from './campaigns.api.ts';
import '../emulation.css';

/**
 * "Phong trào thi đua": the campaigns the user may read (their unit's and those of the units above), by year,
 * status and a search of code, title or theme without diacritics; a link to launch one or load a shipped pack.
 */
export function CampaignsPage() {
  usePageTitle(t('emulation.campaigns.title'));
  const id = useId();
  const me = useMe();
  const [status, setStatus] = useState<TCampaignStatus | ''>('');
  const [year, setYear] = useState('');
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const yearNumber = /^\d{4}$/.test(year) ? Number(year) : undefined;
  const list = useCampaigns({
    ...(status ? { status } : {}),
    ...(yearNumber !== undefined ? { year: yearNumber } : {}),
    ...(search ? { q: search } : {}),
  });
  if (!can(me, 'emulation.read')) return <NotAllowed />;
  return (
    <section className="emu-page">
      <div className="page-head">
        <h1>{t('emulation.title')}</h1>
      </div>
      <EmulationNav />
      <h2>{t('emulation.campaigns.title')}</h2>
      <p className="hint">{t('emulation.campaigns.intro')}</p>
      {can(me, 'emulation.manageCampaigns') && (
        <p>
          <Link className="button" to="/emulation/campaigns/new">
            {t('emulation.campaigns.create')}
          </Link>
        </p>
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('emulation.campaigns.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('emulation.campaigns.year')}</label>
          <input id={`${id}-year`} inputMode="numeric" pattern="\d{4}" maxLength={4} value={year} onChange={(event) => setYear(event.target.value.replace(/\D/g, ''))} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('emulation.campaigns.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as TCampaignStatus | '')}>
            <option value="">{t('common.all')}</option>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`emulation.campaignStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {(q.trim() !== search || (list.isFetching && !list.isPending)) && <Searching />}
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('emulation.campaigns.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table responsive emu-table">
          <thead>
            <tr>
              <th>{t('emulation.campaigns.titleColumn')}</th>
              <th>{t('emulation.campaigns.unit')}</th>
              <th>{t('emulation.campaigns.period')}</th>
              <th>{t('emulation.campaigns.status')}</th>
              <th className="num">{t('emulation.campaigns.commitmentsColumn')}</th>
              <th className="num">{t('emulation.campaigns.criteriaColumn')}</th>
              <th className="num">{t('emulation.campaigns.participantsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/emulation/campaigns/${c.id}`}>{c.title}</Link>
                  <span className="emu-subline">
                    {c.code} · {t(`emulation.campaignLevel.${c.level}`)}
                    {c.themes.length > 0 && ` · ${c.themes.join('; ')}`}
                  </span>
                </td>
                <td data-label={t('emulation.campaigns.unit')}>{c.unit.fullName}</td>
                <td data-label={t('emulation.campaigns.period')}>{t('emulation.campaigns.periodText', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })}</td>
                <td data-label={t('emulation.campaigns.status')}>{t(`emulation.campaignStatus.${c.status}`)}</td>
                <td className="num" data-label={t('emulation.campaigns.commitmentsColumn')}>
                  {formatNumber(c.commitmentCount)}
                </td>
                <td className="num" data-label={t('emulation.campaigns.criteriaColumn')}>
                  {formatNumber(c.criterionCount)}
                </td>
                <td className="num" data-label={t('emulation.campaigns.participantsColumn')}>
                  {formatNumber(c.participantCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
