import { Link, useSearchParams } from 'react-router';
import { periodLabel } from '#contracts/indicators/period.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { CompletenessTable } from './CompletenessTable.tsx';
import { ExcelPanel } from './ExcelPanel.tsx';
import { periodChoices } from './periods.ts';
import { useCompleteness, useDataSets } from './reports.api.ts';
import './reports.css';

/** "Báo cáo định kỳ": pick a form and a period, then enter one's own report or follow the units below. */
export function ReportsPage() {
  usePageTitle(t('reports.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const dataSets = useDataSets();
  const list = dataSets.data ?? [];
  const dataSet = list.find((d) => String(d.id) === params.get('dataSet')) ?? list[0];
  const periods = dataSet ? periodChoices(dataSet.periodType, todayInVietnam()) : undefined;
  const period = periods && periods.choices.includes(params.get('period') ?? '') ? (params.get('period') as string) : periods?.current;
  const completeness = useCompleteness(dataSet?.id, period);
  const choose = (key: 'dataSet' | 'period', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key === 'dataSet') next.delete('period');
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <nav className="report-links" aria-label={t('reports.title')}>
        <Link to="/periodic-reports/dashboard">{t('reports.dashboardLink')}</Link>
        <Link to="/periodic-reports/config">{t('reports.configLink')}</Link>
        {can(me, 'indicators.exchange') && <Link to="/periodic-reports/dhis2">{t('reports.dhis2Link')}</Link>}
      </nav>
      {dataSets.isPending && <Loading />}
      <ErrorMessage error={dataSets.error} />
      {dataSets.isSuccess && list.length === 0 && <Empty>{t('reports.noDataSets')}</Empty>}
      {dataSet && periods && period && (
        <form className="report-pick" onSubmit={(event) => event.preventDefault()}>
          <label>
            {t('reports.dataSet')}
            <select value={dataSet.id} onChange={(event) => choose('dataSet', event.target.value)}>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reports.period')}
            <select value={period} onChange={(event) => choose('period', event.target.value)}>
              {periods.choices.map((p) => (
                <option key={p} value={p}>
                  {periodLabel(p)}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      {completeness.isPending && completeness.fetchStatus !== 'idle' && <Loading />}
      <ErrorMessage error={completeness.error} />
      {completeness.data && dataSet && (
        <>
          <p className="muted">
            {t('reports.dueOn', { date: formatDate(completeness.data.period.due) })} · {t('reports.lockOn', { date: formatDate(completeness.data.period.lock) })}
          </p>
          {completeness.data.expected > 0 && (
            <ExcelPanel dataSetId={dataSet.id} period={completeness.data.period.id} unitId={completeness.data.unit.id} scope="subtree" canUpload={can(me, 'indicators.enter')} />
          )}
          <CompletenessTable completeness={completeness.data} dataSetId={dataSet.id} />
        </>
      )}
    </section>
  );
}
