import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { ChildrenTable } from './ChildrenTable.tsx';
import { DashboardHeader } from './DashboardHeader.tsx';
import { toQuery, useDashboardParams } from './dashboard-params.ts';
import { useDashboardChildren, useDashboardTrend } from './dashboards.api.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { PeriodRangePicker } from './PeriodRangePicker.tsx';
import { ProvinceMap } from './ProvinceMap.tsx';
import { TrendChart } from './TrendChart.tsx';
import './dashboards.css';

/**
 * "Bảng điều khiển chỉ số": an indicator over a period range at a unit: its total against the target, the
 * children table (furthest from the target first, click to drill down), the trend, and for the nation or a
 * province the map of provinces. Everything is in the address, so a link shows the same view.
 */
export function DashboardPage() {
  usePageTitle(t('dashboard.title'));
  const { params, update } = useDashboardParams();
  const query = toQuery(params);
  const children = useDashboardChildren(query);
  const trend = useDashboardTrend(query);
  const data = children.data;
  const level = data?.unit.level;
  const showMap = data?.view === 'current' && (level === 'nation' || level === 'province');
  const estimates = data && (data.total.apportioned || data.rows.some((row) => row.apportioned));
  return (
    <article className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <div className="dash-controls">
        <IndicatorPicker value={params.indicatorId} current={data?.indicator} onChange={(indicatorId) => update({ indicatorId })} />
        <PeriodRangePicker from={params.from} to={params.to} onChange={(range) => update(range)} />
      </div>
      {query === null && <Empty>{t('dashboard.pickIndicatorFirst')}</Empty>}
      {query !== null && children.isPending && <Loading />}
      <ErrorMessage error={children.error} />
      {data && (
        <>
          <DashboardHeader data={data} params={params} />
          <div className={showMap ? (level === 'nation' ? 'dash-panels' : 'dash-panels locator') : 'dash-panels single'}>
            {showMap && <ProvinceMap data={data} params={params} />}
            {trend.data && <TrendChart trend={trend.data} />}
            <ErrorMessage error={trend.error} />
          </div>
          {level === 'province' && <p className="hint">{t('dashboard.communesAsTable')}</p>}
          <ChildrenTable data={data} params={params} note={estimates ? t('dashboard.estimateNote') : undefined} />
        </>
      )}
    </article>
  );
}
